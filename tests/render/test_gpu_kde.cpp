// The GPU kernel density (compute shaders, GL 4.3 through EGL: Mesa llvmpipe here, a GPU where
// there is one) against the CPU reference analysis::kde_density.
//
// The norm: the two paths bin every point into the same cell (doubles on both sides), so they
// differ only by float rounding in the blur. We require, over the cells that matter — those
// holding at least 1e-3 of the surface's maximum — a relative difference |gpu − cpu| / cpu of at
// most 1e-4, and over every cell an absolute difference of at most 1e-4 × the maximum (faint
// tails, where a relative test would only measure rounding of tiny numbers). The surface's
// integral (Σ values × cell area) equals the number of incidents in the window.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

#include "analysis/kde.h"
#include "render/egl_context.h"
#include "render/gpu_kde.h"
#include "render/style.h"

namespace secmap::render {
namespace {

struct Agreement {
  double max_rel = 0, max_abs_over_max = 0;
  size_t cells_compared = 0;
};

Agreement compare(const analysis::KdeGrid& gpu, const analysis::KdeGrid& cpu) {
  Agreement a;
  const double max = *std::max_element(cpu.values.begin(), cpu.values.end());
  for (size_t i = 0; i < cpu.values.size(); ++i) {
    const double d = std::abs(gpu.values[i] - cpu.values[i]);
    a.max_abs_over_max = std::max(a.max_abs_over_max, d / max);
    if (cpu.values[i] >= 1e-3 * max) {
      a.max_rel = std::max(a.max_rel, d / cpu.values[i]);
      ++a.cells_compared;
    }
  }
  return a;
}

class GpuKdeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = std::make_unique<EglContext>();
    if (!GpuKde::supported())
      GTEST_SKIP() << "the GL context (" << context_->renderer()
                   << ") has no compute shaders (OpenGL 4.3)";
  }
  std::unique_ptr<EglContext> context_;
};

TEST_F(GpuKdeTest, AgreesWithTheCpuPathAndConservesMass) {
  // Clustered incidents in TM-3 metres over 300 × 200 cells of 100 m, days over two years.
  std::mt19937 rng(11);
  const double x0 = 420000, y0 = 2480000, cell = 100;
  std::uniform_real_distribution<double> ux(x0 + 2000, x0 + 28000), uy(y0 + 2000, y0 + 18000);
  std::normal_distribution<double> spread(0, 700);
  std::uniform_int_distribution<int32_t> day(19000, 19730);
  std::vector<geo::Point> pts;
  std::vector<int32_t> days;
  std::vector<geo::Point> towns(5);
  for (auto& t : towns) t = {ux(rng), uy(rng)};
  for (int i = 0; i < 60000; ++i) {
    const auto& t = towns[size_t(i) % towns.size()];
    pts.push_back(i % 5 == 0 ? geo::Point{ux(rng), uy(rng)}
                             : geo::Point{t.x + spread(rng), t.y + spread(rng)});
    days.push_back(day(rng));
  }
  // Points exactly on cell edges and corners: both paths must put them in the same cell.
  for (int k = 0; k < 200; ++k) {
    pts.push_back({x0 + cell * (40 + k % 50), y0 + cell * (30 + k / 4)});
    days.push_back(19100);
  }

  analysis::KdeGrid geometry = analysis::kde_grid_box(x0, y0, x0 + 30000, y0 + 20000, cell);
  ASSERT_EQ(geometry.nx, 300);
  ASSERT_EQ(geometry.ny, 200);
  for (double bandwidth : {150.0, 600.0}) {
    SCOPED_TRACE("bandwidth " + std::to_string(bandwidth));
    GpuKde gpu(geometry, bandwidth);
    gpu.set_points(pts, days);
    for (DayRange window : {DayRange{19000, 19730}, DayRange{19100, 19200}}) {
      std::vector<geo::Point> in;
      for (size_t i = 0; i < pts.size(); ++i)
        if (window.contains(days[i])) in.push_back(pts[i]);
      analysis::KdeGrid cpu = geometry;
      analysis::kde_density(cpu, in, bandwidth);
      gpu.compute(window);
      analysis::KdeGrid got = geometry;
      gpu.read(got);

      const Agreement a = compare(got, cpu);
      EXPECT_GT(a.cells_compared, 1000u);
      EXPECT_LE(a.max_rel, 1e-4) << "over " << a.cells_compared << " cells";
      EXPECT_LE(a.max_abs_over_max, 1e-4);
      std::printf(
          "  bandwidth %g m, days %d..%d: %zu incidents, max relative difference %.2g over "
          "%zu cells, max absolute / max %.2g\n",
          bandwidth, window.from, window.to, in.size(), a.max_rel, a.cells_compared,
          a.max_abs_over_max);
      // Mass: the window's incidents, none lost at the edges (they are 2 km ≥ 4σ inside).
      EXPECT_NEAR(analysis::kde_integral(got), double(in.size()), 1e-4 * double(in.size()));
      EXPECT_NEAR(analysis::kde_integral(cpu), double(in.size()), 1e-4 * double(in.size()));
      // The GPU reduction finds the largest value of the surface it computed.
      const double max = *std::max_element(got.values.begin(), got.values.end());
      EXPECT_FLOAT_EQ(gpu.max_value(), float(max));
    }
  }
}

TEST_F(GpuKdeTest, AnEmptyWindowGivesAZeroSurface) {
  analysis::KdeGrid geometry = analysis::kde_grid_box(0, 0, 5000, 4000, 100);
  GpuKde gpu(geometry, 300);
  const std::vector<geo::Point> pts = {{2500, 2000}, {1000, 1000}};
  const std::vector<int32_t> days = {100, 200};
  gpu.set_points(pts, days);
  gpu.compute({300, 400});
  analysis::KdeGrid got = geometry;
  gpu.read(got);
  EXPECT_EQ(*std::max_element(got.values.begin(), got.values.end()), 0.0);
  EXPECT_EQ(gpu.max_value(), 0.0f);
  gpu.compute({100, 100});  // one incident: one unit of mass
  gpu.read(got);
  EXPECT_NEAR(analysis::kde_integral(got), 1.0, 1e-5);
}

}  // namespace
}  // namespace secmap::render
