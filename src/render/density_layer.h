// The density (KDE) map layer: the grid and projected incidents (density_grid.h), the density
// for the current window computed by the GPU path when the context has compute shaders on a
// hardware GPU (gpu_kde.h) and by the CPU reference otherwise, and its raster (raster_layer.h) with
// the classes the legend shows. Recomputes only when the window or the bandwidth changes.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "render/density_grid.h"
#include "render/gpu_kde.h"
#include "render/map_data.h"
#include "render/raster_layer.h"
#include "render/style.h"

namespace secmap::render {

struct DensityTimings {
  bool gpu = false;
  double compute_ms = 0;  // binning + blur + class bounds (0 when the cached surface served)
  double max_density = 0;
  size_t incidents = 0;
};

class DensityLayer {
 public:
  explicit DensityLayer(const MapData& data);
  ~DensityLayer();

  // Makes the surface current for the window, bandwidth and cell size (0: a quarter of the
  // bandwidth). Needs a current GL context.
  void update(DayRange days, double bandwidth_m, double cell_m = 0);
  void draw(const View& view, float opacity);
  const DensityClasses& classes() const { return classes_; }
  double bandwidth() const { return bandwidth_; }
  double cell() const { return cell_; }  // the raster's cell, metres
  const DensityTimings& timings() const { return timings_; }

 private:
  const MapData& data_;
  std::unique_ptr<DensityGrid> grid_;
  std::unique_ptr<GpuKde> gpu_;
  std::unique_ptr<RasterLayer> raster_;
  std::optional<DayRange> days_;
  double bandwidth_ = 0, cell_request_ = 0, cell_ = 0;
  DensityClasses classes_;
  DensityTimings timings_;
};

}  // namespace secmap::render
