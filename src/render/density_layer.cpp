#include "render/density_layer.h"

#include <algorithm>
#include <chrono>
#include <string>

namespace secmap::render {

DensityLayer::DensityLayer(const MapData& data) : data_(data) {}
DensityLayer::~DensityLayer() = default;

void DensityLayer::update(DayRange days, double bandwidth_m, double cell_m) {
  if (days_ && days_->from == days.from && days_->to == days.to && bandwidth_ == bandwidth_m &&
      cell_request_ == cell_m) {
    timings_.compute_ms = 0;
    return;
  }
  const auto t0 = std::chrono::steady_clock::now();
  if (!grid_ || bandwidth_ != bandwidth_m || cell_request_ != cell_m) {
    gpu_.reset();
    grid_ = std::make_unique<DensityGrid>(data_, bandwidth_m, cell_m);
    cell_request_ = cell_m;
    cell_ = grid_->cell();
    if (!raster_) raster_ = std::make_unique<RasterLayer>();
    raster_->set_mesh(grid_->mesh(data_.origin));
    // Mesa's llvmpipe runs compute shaders on the CPU, several times slower than the vectorised
    // CPU path (bench_kde): there the map takes the CPU path.
    if (GpuKde::supported() && !software_renderer()) {
      gpu_ = std::make_unique<GpuKde>(grid_->empty_grid(), bandwidth_m);
      gpu_->set_points(grid_->points(), grid_->days());
    }
  }
  double max = 0;
  if (gpu_) {
    gpu_->compute(days);
    gpu_->copy_to_texture(raster_->texture(gpu_->nx(), gpu_->ny()));
    max = gpu_->max_value();
  } else {
    const analysis::KdeGrid g = grid_->compute_cpu(days);
    for (double v : g.values) max = std::max(max, v);
    raster_->set_values(g);
  }
  classes_ = density_classes(max);
  days_ = days;
  bandwidth_ = bandwidth_m;
  timings_.gpu = gpu_ != nullptr;
  timings_.max_density = max;
  timings_.incidents = 0;
  for (int32_t d : grid_->days()) timings_.incidents += days.contains(d) ? 1 : 0;
  timings_.compute_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void DensityLayer::draw(const View& view, float opacity) {
  if (raster_) raster_->draw(view, data_.origin, classes_, opacity);
}

}  // namespace secmap::render
