// The window's fonts: Noto Sans (fallback DejaVu Sans) with full Vietnamese glyph ranges, sized
// for the screen's DPI (content scale) and the "large text" setting, shared by the panels and the
// map labels. Rebuilt (atlas and GL texture) when either changes.
#pragma once
#include <string>

#include "render/fonts.h"

namespace secmap::ui {

class UiFonts {
 public:
  // Builds the atlas into the current ImGui context; the OpenGL3 backend must be initialised.
  // With no Vietnamese font installed it falls back to ImGui's built-in font (no diacritics)
  // and error() says which packages to install.
  void build(float content_scale, bool large_text);
  const std::string& error() const { return error_; }
  // Rebuilds when the scale or the setting changed; call between frames.
  void update(float content_scale, bool large_text);
  const render::MapFonts& fonts() const { return fonts_; }
  float ui_scale() const { return scale_; }  // multiplies sizes in the panels and overlay

 private:
  render::MapFonts fonts_;
  float content_scale_ = 0, scale_ = 1;
  bool large_ = false, built_ = false;
  std::string error_;
};

}  // namespace secmap::ui
