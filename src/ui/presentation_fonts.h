// Large faces for presentation mode, sized from the framebuffer height so a 4K or 8K wall reads
// from the back of the room: a title face (≈ 4 % of the height) and a body face (≈ 2 %), regular
// and bold. They are added to the window's own atlas (one texture, so ImGui shapes and text mix
// in a draw list) and re-added when the window rebuilds its fonts; faces are capped at
// kMaxFacePx and drawn scaled above that, which keeps the atlas texture within GPU limits.
#pragma once
#include <imgui.h>

#include <array>

#include "render/fonts.h"

namespace secmap::ui {

class PresentationFonts {
 public:
  static constexpr float kTitleShare = 0.04f, kSubtitleShare = 0.026f, kBodyShare = 0.02f;
  static constexpr float kMaxFacePx = 112;

  // Between frames (before ImGui::NewFrame): (re)builds the faces for this framebuffer height
  // when it changed or the window rebuilt its atlas. Returns false when no font could be loaded.
  bool update(int fb_height);
  bool ready() const { return ready_; }
  // Faces and their drawing sizes in framebuffer pixels.
  const render::MapFonts& title() const { return title_; }
  const render::MapFonts& body() const { return body_; }
  float title_px() const { return kTitleShare * fb_height_; }
  float subtitle_px() const { return kSubtitleShare * fb_height_; }
  float body_px() const { return kBodyShare * fb_height_; }

 private:
  bool present_in_atlas() const;
  void remove_from_atlas();

  render::MapFonts title_, body_;
  std::array<ImFont*, 4> faces_{};
  int fb_height_ = 0;
  bool ready_ = false;
};

}  // namespace secmap::ui
