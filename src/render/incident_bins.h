// Dense incidents as a grid of counts (issue 3: "binned rather than drawn one by one when they
// would overlap"). Two GL 3.3 passes over the incident points already on the GPU: the filtered
// points are summed into a low-resolution float texture (one cell per texel, additive blending),
// then one triangle colours every non-empty cell by its class. The grid is fixed to the ground
// (cells do not shimmer while panning) and the class bounds come from the counts (read back, a
// few kilobytes), so the legend says exactly what is drawn. Needs a current GL 3.3 context.
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
  double total = 0;           // incidents counted in the grid's cells
  double max = 0;             // most incidents in one cell
  int cells_used = 0;         // non-empty cells
  std::vector<double> upper;  // class upper bounds (the last class is open above)
  std::vector<Rgba> colour;   // one per class
};

// The grid geometry for a view: cell (i, j) of GL pixel (x, y) (y up from the bottom) is
// floor((x + phase_x) / cell), floor((y + phase_y) / cell); phase keeps cell edges on fixed
// ground positions (multiples of cell_px * m_per_px in EPSG:3857).
struct BinGrid {
  float cell_px = 0;
  double phase_x = 0, phase_y = 0;
  int columns = 0, rows = 0;
};
BinGrid bin_grid(const View& view, float cell_px);

// Class upper bounds for counts up to max: at most 6 classes of round numbers (1, 2, 5 × 10^k).
std::vector<double> bin_class_bounds(double max);
// Legend section for the last draw ("Incidents binned (incidents per cell)" with the classes).
LegendSection bin_legend(const BinStats& stats, Lang lang);

class IncidentBins {
 public:
  IncidentBins();
  ~IncidentBins();
  IncidentBins(const IncidentBins&) = delete;
  IncidentBins& operator=(const IncidentBins&) = delete;

  // Sums the points of `points` (PointLayer's vertex layout) that `filter` accepts into cells of
  // cell_px and draws the cells into the currently bound framebuffer (restored afterwards).
  BinStats draw(PointLayer& points, const View& view, geo::Point origin, const PointStyle& filter,
                float cell_px, float opacity);
  // The per-cell counts of the last draw, row by row from the bottom (columns × rows).
  const std::vector<float>& counts() const { return counts_; }

 private:
  void ensure_target(int columns, int rows);
  Program accumulate_, cells_;
  Mesh empty_;  // core profile needs a vertex array even for attribute-less draws
  GLuint texture_ = 0, fbo_ = 0;
  int tex_w_ = 0, tex_h_ = 0;
  std::vector<float> counts_;
};

}  // namespace secmap::render
