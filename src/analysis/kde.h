// Kernel density of incidents, CPU reference path: points in a metric CRS (the province's
// VN-2000 TM-3 zone) are binned to the cells of a regular grid, then blurred by a separable
// Gaussian (two 1-D passes, kernel truncated at 4σ and normalised to sum 1 per pass). Each pass
// conserves mass, so with ≥ 4σ of margin the surface integrates to the number of binned points.
// Values are incidents per km².
#pragma once
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "analysis/incidents.h"
#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::analysis {

struct KdeGrid {
  double x0 = 0, y0 = 0;  // lower-left corner of the lower-left cell (metres)
  double cell = 0;        // cell size (metres)
  int nx = 0, ny = 0;
  // Row-major, row 0 = southernmost (smallest y); cell (i, j) is centred on
  // (x0 + (i + 0.5) cell, y0 + (j + 0.5) cell).
  std::vector<double> values;

  double& at(int i, int j) { return values[size_t(j) * size_t(nx) + size_t(i)]; }
  double at(int i, int j) const { return values[size_t(j) * size_t(nx) + size_t(i)]; }
  double cell_area_km2() const { return cell * cell * 1e-6; }
};

// A grid of `cell` metres covering the points' box widened by `margin` metres on every side
// (cells aligned to multiples of `cell`). Throws std::invalid_argument for no points, a
// non-positive cell, or more than `max_cells` cells.
KdeGrid kde_grid_around(std::span<const geo::Point> pts, double cell, double margin,
                        size_t max_cells = 200'000'000);
// A grid over an explicit box (min_x, min_y, max_x, max_y) in metres.
KdeGrid kde_grid_box(double min_x, double min_y, double max_x, double max_y, double cell,
                     size_t max_cells = 200'000'000);

// 1-D Gaussian weights for standard deviation sigma_cells (in cells): taps −r..r with
// r = floor(4 σ), normalised to sum 1. σ below ~0.3 cell degenerates to the single tap {1}.
std::vector<double> gaussian_taps(double sigma_cells);

struct KdeStats {
  size_t binned = 0, outside = 0;  // points counted in the grid / falling outside it
  double bin_ms = 0, blur_ms = 0;  // timings of the two stages
};

// Fills g.values with the density (incidents per km²) of `pts` (same CRS as the grid) for a
// Gaussian kernel of standard deviation `bandwidth` metres. `threads` ≤ 0: all cores. The
// result does not depend on the thread count.
KdeStats kde_density(KdeGrid& g, std::span<const geo::Point> pts, double bandwidth,
                     int threads = 0);

// Σ values × cell area: the number of incidents the surface holds.
double kde_integral(const KdeGrid& g);

// Locations (EPSG:4326) of the non-deleted incidents that pass the filter (day window and code
// lists, resolved as for counts and hotspots).
std::vector<geo::Point> load_filtered_incident_points(store::Database& db, const IncidentFilter& f);

// ESRI ASCII raster (.asc, north row first, NODATA -9999) plus, when `prj_wkt` is not empty,
// the CRS as a sidecar FILE.prj (same stem). CSV: x,y,density per cell centre, with `skip_zero`
// leaving out empty cells. Throws std::runtime_error naming the file on failure.
void write_ascii_grid(const std::filesystem::path& path, const KdeGrid& g,
                      const std::string& prj_wkt);
void write_grid_csv(const std::filesystem::path& path, const KdeGrid& g, bool skip_zero = true);

}  // namespace secmap::analysis
