#include "render/density_grid.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "geo/crs.h"

namespace secmap::render {

double density_cell_size(double bandwidth_m, double width_m, double height_m, size_t max_cells) {
  double cell = bandwidth_m / 4;
  const double cells = (width_m / cell + 1) * (height_m / cell + 1);
  if (cells > double(max_cells)) cell *= std::sqrt(cells / double(max_cells)) * 1.01;
  return cell;
}

DensityGrid::DensityGrid(const MapData& data, double bandwidth_m, double cell_m)
    : bandwidth_(bandwidth_m) {
  if (!(bandwidth_m > 0)) throw std::invalid_argument("density layer: bandwidth must be > 0");
  if (data.metric_epsg <= 0)
    throw std::invalid_argument("density layer: no communes, so no metric CRS to measure in");
  crs_ = "EPSG:" + std::to_string(data.metric_epsg);
  geo::Transform to_metric("EPSG:4326", crs_);
  points_.reserve(data.incidents.size());
  for (const geo::Point& p : data.incidents.at) points_.push_back(geo::mercator_to_lonlat(p));
  to_metric.apply_in_place(points_);
  days_ = data.incidents.day;

  // The data extent's outline, densified so the projected box holds all of it.
  std::vector<geo::Point> edge;
  const geo::BBox& e = data.extent;
  for (int k = 0; k <= 16; ++k) {
    const double t = k / 16.0;
    for (geo::Point q : {geo::Point{e.min_x + t * (e.max_x - e.min_x), e.min_y},
                         geo::Point{e.min_x + t * (e.max_x - e.min_x), e.max_y},
                         geo::Point{e.min_x, e.min_y + t * (e.max_y - e.min_y)},
                         geo::Point{e.max_x, e.min_y + t * (e.max_y - e.min_y)}})
      edge.push_back(geo::mercator_to_lonlat(q));
  }
  to_metric.apply_in_place(edge);
  geo::BBox box;
  for (const auto& q : edge) box.add(q);
  for (const auto& q : points_) box.add(q);
  const double margin = 4 * bandwidth_m;  // the kernel is cut at 4σ: nothing leaks off the grid
  cell_ = density_cell_size(cell_m > 0 ? 4 * cell_m : bandwidth_m,
                            box.max_x - box.min_x + 2 * margin, box.max_y - box.min_y + 2 * margin);
  const analysis::KdeGrid g = analysis::kde_grid_box(box.min_x - margin, box.min_y - margin,
                                                     box.max_x + margin, box.max_y + margin, cell_);
  x0_ = g.x0, y0_ = g.y0, nx_ = g.nx, ny_ = g.ny;
}

analysis::KdeGrid DensityGrid::empty_grid() const {
  analysis::KdeGrid g;
  g.x0 = x0_, g.y0 = y0_, g.cell = cell_, g.nx = nx_, g.ny = ny_;
  g.values.assign(size_t(nx_) * size_t(ny_), 0.0);
  return g;
}

std::vector<geo::Point> DensityGrid::points_in(DayRange days) const {
  std::vector<geo::Point> out;
  for (size_t i = 0; i < points_.size(); ++i)
    if (days.contains(days_[i])) out.push_back(points_[i]);
  return out;
}

analysis::KdeGrid DensityGrid::compute_cpu(DayRange days, analysis::KdeStats* stats) const {
  analysis::KdeGrid g = empty_grid();
  const auto pts = points_in(days);
  const analysis::KdeStats st = analysis::kde_density(g, pts, bandwidth_);
  if (stats) *stats = st;
  return g;
}

std::vector<float> DensityGrid::mesh(geo::Point origin, int steps) const {
  geo::Transform to_lonlat(crs_, "EPSG:4326");
  const int n = steps + 1;
  std::vector<geo::Point> at(size_t(n) * size_t(n));
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      at[size_t(j) * size_t(n) + size_t(i)] = {x0_ + nx_ * cell_ * i / steps,
                                               y0_ + ny_ * cell_ * j / steps};
  to_lonlat.apply_in_place(at);
  for (auto& p : at) p = geo::lonlat_to_mercator(p);
  std::vector<float> out;
  out.reserve(size_t(steps) * size_t(steps) * 6 * 4);
  auto vertex = [&](int i, int j) {
    const geo::Point& p = at[size_t(j) * size_t(n) + size_t(i)];
    out.insert(out.end(), {float(p.x - origin.x), float(p.y - origin.y), float(i) / float(steps),
                           float(j) / float(steps)});
  };
  for (int j = 0; j < steps; ++j)
    for (int i = 0; i < steps; ++i) {
      vertex(i, j), vertex(i + 1, j), vertex(i + 1, j + 1);
      vertex(i, j), vertex(i + 1, j + 1), vertex(i, j + 1);
    }
  return out;
}

}  // namespace secmap::render
