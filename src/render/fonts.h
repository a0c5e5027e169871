// Fonts for map text with full Vietnamese coverage: Noto Sans (fallback DejaVu Sans) with glyph
// ranges for Latin-1, Latin Extended-A/B, Latin Extended Additional (ắ, ệ, ữ …), combining marks
// and map symbols (– — … ° ↑). ImGui does no shaping, so every string drawn must be NFC.
#pragma once
#include <imgui.h>

#include <stdexcept>

namespace secmap::render {

struct MapFonts {
  ImFont* regular = nullptr;
  ImFont* bold = nullptr;
  float size = 14;  // pixels
};

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Glyph ranges for Vietnamese map and UI text; static storage (ImGui keeps the pointer).
const ImWchar* vietnamese_glyph_ranges();
// Adds the regular and bold faces at size_px to the atlas (not built yet). Throws FontError
// naming the paths tried when no font is installed.
MapFonts add_map_fonts(ImFontAtlas& atlas, float size_px);

}  // namespace secmap::render
