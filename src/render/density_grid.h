// The data of the density (KDE) layer, GL-free: the incidents projected once into the
// province's metric CRS (VN-2000 TM-3, as `secmap analyze kde` measures), the fixed grid the
// density is computed on (the whole data extent, so a new time window only re-bins), and the
// mesh that places that grid on the Web Mercator map. The CPU density is analysis::kde_density,
// the reference the GPU path (gpu_kde.h) is tested against.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/kde.h"
#include "render/map_data.h"
#include "render/style.h"

namespace secmap::render {

// Cell size for a bandwidth: four cells per σ, coarser when the grid would pass `max_cells`.
double density_cell_size(double bandwidth_m, double width_m, double height_m,
                         size_t max_cells = 4'000'000);

class DensityGrid {
 public:
  // Projects every incident of `data` (needs metric_epsg; throws std::invalid_argument without
  // communes) and lays a grid over the data extent widened by 4σ, so nothing is cut off. The
  // cell is cell_m when given (> 0; coarsened like density_cell_size if the grid would be too
  // large), else a quarter of the bandwidth.
  DensityGrid(const MapData& data, double bandwidth_m, double cell_m = 0);

  double bandwidth() const { return bandwidth_; }
  double cell() const { return cell_; }  // metres
  const std::string& crs() const { return crs_; }
  // An empty grid (values zero) with the layer's geometry.
  analysis::KdeGrid empty_grid() const;
  // Incident positions in the metric CRS and their days, parallel to MapData::incidents.
  const std::vector<geo::Point>& points() const { return points_; }
  const std::vector<int32_t>& days() const { return days_; }
  // Points of incidents in the window (inclusive).
  std::vector<geo::Point> points_in(DayRange days) const;
  // The CPU reference: density in incidents per km² of the incidents in the window.
  analysis::KdeGrid compute_cpu(DayRange days, analysis::KdeStats* stats = nullptr) const;

  // Triangles placing the grid on the map: x, y relative to `origin` (EPSG:3857) and u, v
  // texture coordinates (0 … 1 over the grid), 4 floats per vertex. The grid's corners and a
  // lattice of `steps` × `steps` inner points are projected exactly; in between the GPU
  // interpolates, well under a pixel at province scale.
  std::vector<float> mesh(geo::Point origin, int steps = 32) const;

 private:
  double bandwidth_;
  std::string crs_;
  double x0_ = 0, y0_ = 0, cell_ = 0;
  int nx_ = 0, ny_ = 0;
  std::vector<geo::Point> points_;
  std::vector<int32_t> days_;
};

}  // namespace secmap::render
