// Filled polygons (commune fills) on the GPU: triangles with a feature index per vertex and a
// colour texture indexed by feature, so a new style is a texture upload, not a geometry rebuild.
// No face culling: GEOS triangles have no guaranteed winding.
#pragma once
#include <optional>
#include <vector>

#include "render/camera.h"
#include "render/gl_util.h"
#include "render/style.h"

namespace secmap::render {

class PolygonLayer {
 public:
  PolygonLayer();
  ~PolygonLayer();
  PolygonLayer(const PolygonLayer&) = delete;
  PolygonLayer& operator=(const PolygonLayer&) = delete;

  // Uploads triangles (x, y, feature per vertex, as from tessellate_communes).
  void set_triangles(const std::vector<float>& xyf);
  // One colour per feature; features flagged in `hatched` (when given) are drawn with diagonal
  // kHatchInk stripes over their colour.
  void set_colours(const std::vector<Rgba>& colours, const std::vector<uint8_t>& hatched = {});
  // Draws with the per-feature colours, or every triangle in `single` when given (no hatching);
  // hatch stripes repeat every hatch_px pixels (8 at least, so they stay stripes).
  void draw(const View& view, geo::Point origin, float opacity,
            std::optional<Rgba> single = std::nullopt, float hatch_px = 8);

 private:
  Program program_;
  Mesh mesh_;
  GLsizei count_ = 0;
  GLuint texture_ = 0;
  int columns_ = 1, rows_ = 1;
};

}  // namespace secmap::render
