#include "render/fonts.h"

#include <cstring>
#include <filesystem>
#include <string>

namespace secmap::render {
namespace {

const char* const kRegular[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* const kBold[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                             "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};

const char* first_existing(const char* const (&paths)[2]) {
  for (const char* p : paths)
    if (std::filesystem::exists(p)) return p;
  return nullptr;
}

}  // namespace

const ImWchar* vietnamese_glyph_ranges() {
  static const ImWchar ranges[] = {
      0x0020, 0x00FF,  // Basic Latin + Latin-1 (°, à, á, â, ã, è …)
      0x0100, 0x024F,  // Latin Extended-A/B (ă, đ, ĩ, ũ, ơ, ư)
      0x0300, 0x036F,  // combining diacritics (for any NFD that slips through)
      0x1E00, 0x1EFF,  // Latin Extended Additional (ạ, ả, ấ … ỹ)
      0x2010, 0x2027,  // – — ‘ ’ “ ” • …
      0x2190, 0x2193,  // ← ↑ → ↓
      0x20AB, 0x20AB,  // ₫
      0x2248, 0x2265,  // ≈ ≤ ≥
      0,
  };
  return ranges;
}

MapFonts add_map_fonts(ImFontAtlas& atlas, float size_px) {
  const char* regular = first_existing(kRegular);
  if (!regular)
    throw FontError(std::string("no font for Vietnamese text: install fonts-noto-core (") +
                    kRegular[0] + ") or fonts-dejavu-core (" + kRegular[1] + ")");
  const char* bold = first_existing(kBold);
  MapFonts f;
  f.size = size_px;
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  // Noto Sans lacks some symbols the interface writes (≤ ≥ ≈, arrows): DejaVu Sans, merged in,
  // gives those it lacks (a merged font only fills code points the first one does not have).
  auto add = [&](const char* file, const char* const* fallbacks) {
    ImFont* font = atlas.AddFontFromFileTTF(file, size_px, &cfg, vietnamese_glyph_ranges());
    const char* fill = fallbacks[1];
    if (font && std::strcmp(file, fill) != 0 && std::filesystem::exists(fill)) {
      ImFontConfig merge = cfg;
      merge.MergeMode = true;
      atlas.AddFontFromFileTTF(fill, size_px, &merge, vietnamese_glyph_ranges());
    }
    return font;
  };
  f.regular = add(regular, kRegular);
  f.bold = bold ? add(bold, kBold) : f.regular;
  if (!f.regular || !f.bold) throw FontError(std::string("cannot load font ") + regular);
  return f;
}

}  // namespace secmap::render
