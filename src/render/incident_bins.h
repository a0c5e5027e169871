// Dense incidents as hexagonal bins, drawn so rather than one by one where they would overlap.
// Two GL 3.3 passes over the incident points already on the GPU: the filtered
// points are summed into a small float texture (one texel per hexagon, additive blending), then
// one triangle draws every non-empty hexagon over the map. The hexagons are semi-transparent and
// graduated (a larger, darker hexagon for a larger class) with gaps between them, so the commune
// style underneath stays readable between and through them. The lattice is fixed to the ground
// (no shimmer while panning), and the class bounds come from the counts (read back, a few
// kilobytes) or are given by the caller (tiles of one export, side-by-side panes), so the legend
// says exactly what is drawn. Needs a current GL 3.3 context.
#pragma once
#include <cstdint>
#include <vector>

#include "render/bin_grid.h"
#include "render/camera.h"
#include "render/gl_util.h"
#include "render/point_layer.h"
#include "render/style.h"

namespace secmap::render {

class IncidentBins {
 public:
  IncidentBins();
  ~IncidentBins();
  IncidentBins(const IncidentBins&) = delete;
  IncidentBins& operator=(const IncidentBins&) = delete;

  // Sums the points of `points` (PointLayer's vertex layout) that `filter` accepts into
  // hexagons of cell_px and draws them into the currently bound framebuffer (restored
  // afterwards). Classes from `fixed_upper` when not empty (its last bound open above), else
  // from this view's counts.
  BinStats draw(PointLayer& points, const View& view, geo::Point origin, const PointStyle& filter,
                float cell_px, float opacity, const std::vector<double>& fixed_upper = {});
  // Counts only (nothing drawn): the stats, with classes from the counts, for a view of any
  // size (the whole image of a tiled export).
  BinStats count(PointLayer& points, const View& view, geo::Point origin, const PointStyle& filter,
                 float cell_px);
  // The per-hexagon counts of the last draw or count, row by row from the bottom
  // (columns × rows, texels as in BinGrid).
  const std::vector<float>& counts() const { return counts_; }

  // How the counting pass runs: Auto = compute shaders where the context is GL 4.3 on a
  // hardware GPU, else the rasterised points pass (llvmpipe runs that one faster); Compute
  // needs GL 4.3 (GlError otherwise).
  enum class Method { Auto, Raster, Compute };
  void set_method(Method method) { method_ = method; }
  bool used_compute() const { return used_compute_; }  // by the last draw or count

 private:
  void ensure_target(int columns, int rows);
  void accumulate_compute(PointLayer& points, const View& view, geo::Point origin,
                          const PointStyle& filter, const BinGrid& grid);
  void accumulate_raster(PointLayer& points, const View& view, geo::Point origin,
                         const PointStyle& filter, const BinGrid& grid);
  BinStats accumulate(PointLayer& points, const View& view, geo::Point origin,
                      const PointStyle& filter, const BinGrid& grid);
  Program accumulate_, cells_;
  Mesh empty_;  // core profile needs a vertex array even for attribute-less draws
  GLuint texture_ = 0, fbo_ = 0;
  int tex_w_ = 0, tex_h_ = 0;
  Method method_ = Method::Auto;
  bool used_compute_ = false;
  int compute_available_ = -1;  // unknown until the first count
  GLuint count_program_ = 0, store_program_ = 0, count_buffer_ = 0;
  size_t count_buffer_bytes_ = 0;
  std::vector<float> counts_;
};

}  // namespace secmap::render
