// A private Dear ImGui context for one offscreen frame: fonts, the OpenGL3 backend, and a draw
// list covering the image, rendered into the currently bound framebuffer. Used by the headless
// renderer; the map window has its own context and passes its draw list to draw_overlay instead.
#pragma once
#include <imgui.h>

#include "render/fonts.h"

namespace secmap::render {

class ImGuiOffscreen {
 public:
  // Needs a current GL context. Throws FontError when no font is installed.
  ImGuiOffscreen(int width, int height, float font_px);
  ~ImGuiOffscreen();
  ImGuiOffscreen(const ImGuiOffscreen&) = delete;
  ImGuiOffscreen& operator=(const ImGuiOffscreen&) = delete;

  const MapFonts& fonts() const { return fonts_; }
  // Starts the frame; draw into the returned list, then call render().
  ImDrawList& begin();
  // Draws the frame into the currently bound framebuffer.
  void render();

 private:
  ImGuiContext* previous_ = nullptr;
  ImGuiContext* context_ = nullptr;
  MapFonts fonts_;
  bool backend_ = false;
};

}  // namespace secmap::render
