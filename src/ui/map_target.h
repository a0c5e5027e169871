// The cached map image: the map layers are rendered into an offscreen framebuffer only when the
// view or the filters change, and every other frame just copies it to the window (idle frames
// cost one blit). Multisampled when settled; single-sampled while the map moves (cheaper on a
// software rasteriser). Needs a current GL 3.3 context.
#pragma once
#include <GL/glcorearb.h>

namespace secmap::ui {

class MapTarget {
 public:
  MapTarget(int width, int height, int samples);
  ~MapTarget();
  MapTarget(const MapTarget&) = delete;
  MapTarget& operator=(const MapTarget&) = delete;

  // Binds the framebuffer to draw the map into (multisampled or straight into the cache).
  void begin(bool multisample);
  // Resolves a multisampled render into the cache.
  void end();
  // Copies the cache into the rectangle (x0, y0)–(x1, y1) of draw framebuffer `dst` (GL
  // coordinates), scaled with linear filtering when the sizes differ.
  void blit_to(GLuint dst, int x0, int y0, int x1, int y1) const;
  int width() const { return width_; }
  int height() const { return height_; }
  int samples() const { return samples_; }

 private:
  int width_, height_, samples_;
  bool drew_multisampled_ = false;
  GLuint msaa_fbo_ = 0, msaa_rb_ = 0, cache_fbo_ = 0, cache_rb_ = 0;
};

}  // namespace secmap::ui
