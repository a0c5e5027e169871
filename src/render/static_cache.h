// The static bottom layers of the map (commune fills, the density raster, outlines, the border)
// kept as an image larger than the view. While the map window pans at one scale, a render copies
// the part under the view from it and draws only the layers above (incidents, symbols), instead
// of re-drawing thousands of triangles and wide lines on a software rasteriser. Used only for
// the window's quick renders (MapOptions::quick); settled renders draw all.
#pragma once
#include <cstdint>
#include <string>

#include "render/camera.h"
#include "render/gl_util.h"

namespace secmap::render {

class StaticLayerCache {
 public:
  StaticLayerCache() = default;
  ~StaticLayerCache();
  StaticLayerCache(const StaticLayerCache&) = delete;
  StaticLayerCache& operator=(const StaticLayerCache&) = delete;

  // Whether the image was drawn with `key` (everything that changes the static layers' look) at
  // the view's scale and size, and holds the whole view at a whole-pixel offset.
  bool covers(const View& view, const std::string& key) const;
  // Binds the cache's framebuffer (reallocated when the size changes) and returns the larger
  // view, centred on `view`, to draw the static layers with. Throws GlError when too large.
  View begin(const View& view, const std::string& key);
  // Rebinds the framebuffer that was bound before begin().
  void end();
  // Copies the part under `view` into the bound draw framebuffer (which must be single-sampled).
  void blit(const View& view) const;
  void clear() { key_.clear(); }
  // Times the image was (re)drawn.
  uint64_t builds() const { return builds_; }

  // The share of the view added on every side.
  static constexpr double kMargin = 0.5;

 private:
  GLuint fbo_ = 0, texture_ = 0;
  int width_ = 0, height_ = 0;
  GLint previous_fbo_ = 0;
  View cached_;
  std::string key_;
  uint64_t builds_ = 0;
};

}  // namespace secmap::render
