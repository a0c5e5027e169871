// The text a frame shows, read back from its draw data: each glyph quad is matched to the font
// glyph with the same texture coordinates, and glyphs are put in lines by their position. For
// tests that scan what the interface really wrote (its language), whatever panel drew it.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace secmap::ui {

// One string per line of text, window by window, top to bottom, each line's glyphs left to
// right; a gap wider than a space reads as " ", a much wider one (texts side by side) as " | ".
std::vector<std::string> drawn_text(const ImDrawData& frame, const ImFontAtlas& fonts);

}  // namespace secmap::ui
