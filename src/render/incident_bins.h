// Dense incidents as hexagonal bins (issue 3: "binned rather than drawn one by one when they
// would overlap"). Two GL 3.3 passes over the incident points already on the GPU: the filtered
// points are summed into a small float texture (one texel per hexagon, additive blending), then
// one triangle draws every non-empty hexagon over the map. The hexagons are semi-transparent and
// graduated (a larger, darker hexagon for a larger class) with gaps between them, so the commune
// style underneath stays readable between and through them. The lattice is fixed to the ground
// (no shimmer while panning), and the class bounds come from the counts (read back, a few
// kilobytes) or are given by the caller (tiles of one export, side-by-side panes), so the legend
// says exactly what is drawn. Needs a current GL 3.3 context.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/gl_util.h"
#include "render/point_layer.h"
#include "render/style.h"

namespace secmap::render {

// What the last binned draw showed.
struct BinStats {
  bool drawn = false;
  float cell_px = 0;
  int columns = 0, rows = 0;
  double total = 0;           // incidents counted in the grid's hexagons
  double max = 0;             // most incidents in one hexagon
  int cells_used = 0;         // non-empty hexagons
  std::vector<double> upper;  // class upper bounds (the last class is open above)
  std::vector<Rgba> colour;   // one per class, with the alpha it is drawn with
  std::vector<float> size;    // one per class: the hexagon's size relative to the lattice
};

// The hexagon lattice for a view: pointy-top hexagons whose centres are cell_px apart along a
// row (cell_px is the width across flats), rows 1.5 × circumradius apart, odd rows shifted half a
// cell. GL pixel (x, y) (y up from the bottom) is looked up at (x + phase_x, y + phase_y); the
// phase keeps hexagon centres on fixed ground positions. Texel (column, row) of the count
// texture is the hexagon's odd-row offset coordinate + 1 (one texel of margin all round).
struct BinGrid {
  float cell_px = 0;
  double phase_x = 0, phase_y = 0;
  int columns = 0, rows = 0;
};
BinGrid bin_grid(const View& view, float cell_px);
// The texel of the hexagon holding GL pixel position (x, y) (phase not yet added): the same
// arithmetic as the shaders, in double precision. Outside the grid: {-1, -1}.
struct HexTexel {
  int column = -1, row = -1;
};
HexTexel hex_texel(const BinGrid& grid, double x, double y);
// The centre of texel (column, row)'s hexagon in GL pixels of the view.
std::pair<double, double> hex_centre(const BinGrid& grid, int column, int row);

// Class upper bounds for counts up to max: at most 6 classes of round numbers (1, 2, 5 × 10^k).
std::vector<double> bin_class_bounds(double max);
// Legend section for the last draw ("Incidents binned (incidents per hexagon)" with the classes).
LegendSection bin_legend(const BinStats& stats, Lang lang);
// The fill alpha of every hexagon (0 … 255, before the layer's opacity).
inline constexpr uint8_t kBinFillAlpha = 150;

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
