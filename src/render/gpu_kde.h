// Kernel density on the GPU, OpenGL 4.3 compute shaders: the incidents stay on the
// GPU (positions as doubles, days as integers) and a new window only re-bins them. Three passes:
// atomic adds of the window's incidents into an integer grid (shaders/kde_bin), then the
// separable Gaussian as two 1-D passes (kde_blur_rows, kde_blur_cols) with the CPU path's taps
// and summation order. analysis::kde_density is the reference and the fallback: the two agree
// to 1e-4 relative (tests/render/test_gpu_kde.cpp). The result stays on the GPU for the map
// (copy_to_texture) unless read back.
#pragma once
#include <GL/glcorearb.h>

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/kde.h"
#include "render/gl_util.h"
#include "render/style.h"

namespace secmap::render {

struct GpuKdeStats {
  // Filled only with measure = true (each stage then ends with glFinish).
  double bin_ms = 0, blur_ms = 0, total_ms = 0;
};

class GpuKde {
 public:
  // Whether the current context runs compute shaders (OpenGL 4.3 or later) and the user did
  // not ask for the CPU path (SECMAP_KDE_CPU=1).
  static bool supported();

  // The grid geometry (x0, y0, cell, nx, ny; values ignored) and the Gaussian σ in metres.
  // Throws GlError when the shaders do not build.
  GpuKde(const analysis::KdeGrid& geometry, double bandwidth_m);
  ~GpuKde();
  GpuKde(const GpuKde&) = delete;
  GpuKde& operator=(const GpuKde&) = delete;

  // Uploads the incidents (grid CRS) and their days, once.
  void set_points(std::span<const geo::Point> pts, std::span<const int32_t> days);
  // Density of the incidents with a day in the window, left on the GPU.
  GpuKdeStats compute(DayRange days, bool measure = false);
  // Largest value of the last surface (a GPU reduction; reads back one number).
  float max_value();
  // Reads the last surface into g.values (g must have this grid's size).
  void read(analysis::KdeGrid& g);
  // Copies the last surface into an R32F texture of nx × ny texels (GPU to GPU).
  void copy_to_texture(GLuint texture);

  int nx() const { return nx_; }
  int ny() const { return ny_; }

 private:
  GLuint buffer(int binding) const { return buffers_[size_t(binding)]; }
  GLuint bin_ = 0, rows_ = 0, cols_ = 0, max_ = 0;  // programs
  std::vector<GLuint> buffers_;                     // by binding point 0 … 6
  double x0_, y0_, cell_;
  int nx_, ny_, stride_, r_ = 0;
  uint32_t points_ = 0;
};

}  // namespace secmap::render
