// A georeferenced float grid drawn over the map as a texture (the density layer): the grid's
// values in an R32F texture, placed by a mesh projected from the grid's CRS (density_grid.h),
// coloured by classes in the fragment shader (shaders/raster.frag) from the same table the
// legend is built from, transparent below the first class.
#pragma once
#include <vector>

#include "analysis/kde.h"
#include "render/camera.h"
#include "render/gl_util.h"
#include "render/style.h"

namespace secmap::render {

class RasterLayer {
 public:
  RasterLayer();
  ~RasterLayer();
  RasterLayer(const RasterLayer&) = delete;
  RasterLayer& operator=(const RasterLayer&) = delete;

  // Triangles of x, y (relative to the data origin) and u, v: 4 floats per vertex.
  void set_mesh(const std::vector<float>& xyuv);
  // A texture of nx × ny texels (R32F), reallocated when the size changes; for the GPU path.
  GLuint texture(int nx, int ny);
  // Uploads a CPU grid's values.
  void set_values(const analysis::KdeGrid& g);
  void draw(const View& view, geo::Point origin, const DensityClasses& classes, float opacity);

 private:
  Program program_;
  Mesh mesh_;
  GLsizei count_ = 0;
  GLuint texture_ = 0;
  int nx_ = 0, ny_ = 0;
};

}  // namespace secmap::render
