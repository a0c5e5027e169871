#include "ui/drawn_text.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace secmap::ui {

namespace {

std::pair<int64_t, int64_t> uv_key(ImVec2 uv) {
  return {std::llround(uv.x * 1048576.0), std::llround(uv.y * 1048576.0)};
}

void append_utf8(std::string& out, unsigned int c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

struct Glyph {
  float top, x0, x1;  // the line's top (where the text was drawn), the glyph's left and right
  float size;         // the font size it was drawn at
  unsigned int codepoint;
};

struct FontGlyph {
  unsigned int codepoint;
  float y0, y1, font_size;  // the glyph's box below the line's top, at the font's own size
};

}  // namespace

std::vector<std::string> drawn_text(const ImDrawData& frame, const ImFontAtlas& fonts) {
  // Top-left texture coordinate of every visible glyph of every font → the glyph.
  std::map<std::pair<int64_t, int64_t>, FontGlyph> by_uv;
  for (const ImFont* font : fonts.Fonts)
    for (const ImFontGlyph& g : font->Glyphs)
      if (g.Visible && g.Y1 > g.Y0)
        by_uv.emplace(uv_key({g.U0, g.V0}), FontGlyph{g.Codepoint, g.Y0, g.Y1, font->FontSize});
  std::vector<std::string> out;
  // Each window draws into its own list: lines are found within a list, never across two.
  for (int l = 0; l < frame.CmdListsCount; ++l) {
    const ImDrawList& dl = *frame.CmdLists[l];
    std::vector<Glyph> glyphs;
    // ImFont::RenderText writes a glyph as 4 vertices and the indices v, v+1, v+2, v, v+2, v+3.
    for (int i = 0; i + 5 < dl.IdxBuffer.Size; i += 6) {
      const ImDrawIdx* q = &dl.IdxBuffer[i];
      const unsigned v = q[0];
      if (q[1] != v + 1 || q[2] != v + 2 || q[3] != v || q[4] != v + 2 || q[5] != v + 3 ||
          v + 3 >= static_cast<unsigned>(dl.VtxBuffer.Size))
        continue;
      const ImDrawVert& a = dl.VtxBuffer[static_cast<int>(v)];
      const ImDrawVert& c = dl.VtxBuffer[static_cast<int>(v + 2)];
      const auto it = by_uv.find(uv_key(a.uv));
      if (it == by_uv.end() || !(c.pos.x > a.pos.x) || !(c.pos.y > a.pos.y)) continue;
      const FontGlyph& g = it->second;
      const float scale = (c.pos.y - a.pos.y) / (g.y1 - g.y0);
      glyphs.push_back(
          {a.pos.y - g.y0 * scale, a.pos.x, c.pos.x, g.font_size * scale, g.codepoint});
    }
    std::sort(glyphs.begin(), glyphs.end(), [](const Glyph& a, const Glyph& b) {
      return std::tie(a.top, a.x0) < std::tie(b.top, b.x0);
    });
    std::vector<std::vector<Glyph>> lines;
    for (const Glyph& g : glyphs) {
      if (lines.empty() || std::fabs(lines.back().front().top - g.top) > 1.5f)
        lines.push_back({g});
      else
        lines.back().push_back(g);
    }
    for (auto& ln : lines) {
      std::sort(ln.begin(), ln.end(), [](const Glyph& a, const Glyph& b) { return a.x0 < b.x0; });
      std::string text;
      for (size_t i = 0; i < ln.size(); ++i) {
        // A wide gap is a space, or two texts side by side (columns, buttons).
        const float gap = ln[i].x0 - ln[i - (i > 0)].x1;
        if (i > 0 && gap > ln[i].size * 0.12f) text += gap > ln[i].size * 1.5f ? " | " : " ";
        append_utf8(text, ln[i].codepoint);
      }
      out.push_back(std::move(text));
    }
  }
  return out;
}

}  // namespace secmap::ui
