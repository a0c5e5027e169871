// The hexagon lattice of binned incidents and its classes, GL-free: where a point falls, the
// class bounds and colours, and the legend. The GL passes that count and draw the hexagons are
// render/incident_bins.h; share_classes and identify use this part on the CPU.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "render/camera.h"
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
// √3: a hexagon's width across flats is √3 × its circumradius.
inline constexpr double kSqrt3 = 1.7320508075688772;
// The fill alpha of every hexagon (0 … 255, before the layer's opacity).
inline constexpr uint8_t kBinFillAlpha = 150;
// Classes, colours and hexagon sizes for these upper bounds (at most six): the darkest class is
// always the top one, and a larger class draws a larger hexagon.
void set_bin_classes(BinStats& stats, std::vector<double> upper);

}  // namespace secmap::render
