// Every character the interface writes has a glyph: "≥" in plan targets once rendered as "?"
// (ImGui's fallback) when it was missing from the font ranges. Drawn through the offscreen ImGui
// context the map's text uses, "≥" must not come out as the fallback's pixels.
#include <gtest/gtest.h>

#include <vector>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/imgui_offscreen.h"

namespace secmap::render {
namespace {

// The pixels of one text drawn large, black on white, as a mask.
std::vector<bool> drawn(const char* text) {
  constexpr int W = 96, H = 96;
  Framebuffer fb(W, H, 1);
  fb.bind(false);
  glViewport(0, 0, W, H);
  glClearColor(1, 1, 1, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGuiOffscreen ui(W, H, 64);
  ImDrawList& dl = ui.begin();
  dl.AddText(ui.fonts().regular, 64, {16, 8}, IM_COL32(0, 0, 0, 255), text);
  ui.render();
  const std::vector<uint8_t> rgba = fb.read_rgba();
  std::vector<bool> mask(W * H);
  for (size_t i = 0; i < mask.size(); ++i) mask[i] = rgba[i * 4] < 128;
  return mask;
}

TEST(Glyphs, GreaterOrEqualIsDrawnNotTheFallback) {
  EglContext gl;
  const auto ge = drawn("≥"), fallback = drawn("?"), le = drawn("≤");
  // "→" (slide titles, history "before → after") and "≈" likewise.
  const auto arrow = drawn("→"), approx = drawn("≈");
  size_t arrow_differ = 0, approx_differ = 0;
  for (size_t i = 0; i < ge.size(); ++i) {
    arrow_differ += arrow[i] != fallback[i];
    approx_differ += approx[i] != fallback[i];
  }
  EXPECT_GT(arrow_differ, 50u) << "'→' drew like the fallback '?'";
  EXPECT_GT(approx_differ, 50u) << "'≈' drew like the fallback '?'";
  size_t ink = 0, differ = 0, mirrored = 0;
  for (size_t i = 0; i < ge.size(); ++i) {
    ink += ge[i];
    differ += ge[i] != fallback[i];
    mirrored += ge[i] != le[i];
  }
  EXPECT_GT(ink, 100u) << "nothing drawn";
  EXPECT_GT(differ, ink / 3) << "'≥' drew like the fallback '?'";
  EXPECT_GT(mirrored, ink / 4) << "'≥' and '≤' drew alike";
}

}  // namespace
}  // namespace secmap::render
