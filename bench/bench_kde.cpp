// Benchmark for the kernel density: 1M incidents on a 1920×1080 grid, binning and the
// separable Gaussian blur, on the CPU with 1 and 2 threads and on the GPU path (compute shaders
// through EGL: the GPU where there is one, Mesa llvmpipe otherwise), for a few bandwidths. Prints
// figures and the CPU/GPU agreement; never fails on time. Target: ≤ 100 ms on 2 cores (CPU).
//   bench_kde [INCIDENTS=1000000] [CELL_M=50]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "analysis/kde.h"
#include "render/egl_context.h"
#include "render/gpu_kde.h"

using namespace secmap;
using namespace secmap::analysis;

int main(int argc, char** argv) {
  const size_t n = argc > 1 ? size_t(std::atoll(argv[1])) : 1'000'000;
  const double cell = argc > 2 ? std::atof(argv[2]) : 50;
  // A province-sized box in TM-3 metres: clustered incidents around a few towns plus noise.
  std::mt19937 rng(42);
  const double w = 1920 * cell, h = 1080 * cell, x0 = 400000, y0 = 2400000;
  std::uniform_real_distribution<double> ux(x0, x0 + w), uy(y0, y0 + h);
  std::vector<geo::Point> towns(12);
  for (auto& t : towns) t = {ux(rng), uy(rng)};
  std::normal_distribution<double> spread(0, 2000);
  std::vector<geo::Point> pts(n);
  for (size_t i = 0; i < n; ++i) {
    if (i % 4 == 0) {
      pts[i] = {ux(rng), uy(rng)};
    } else {
      const auto& t = towns[i % towns.size()];
      pts[i] = {t.x + spread(rng), t.y + spread(rng)};
    }
  }
  std::printf("kde: %zu incidents, 1920×1080 cells of %g m\n", n, cell);
  for (double bw : {250.0, 500.0, 1000.0}) {
    for (int threads : {1, 2}) {
      KdeGrid g = kde_grid_box(x0, y0, x0 + w, y0 + h, cell);
      double best = 1e30, bin = 0, blur = 0;
      for (int rep = 0; rep < 5; ++rep) {
        const auto t0 = std::chrono::steady_clock::now();
        const KdeStats st = kde_density(g, pts, bw, threads);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        if (ms < best) best = ms, bin = st.bin_ms, blur = st.blur_ms;
      }
      std::printf(
          "  bandwidth %6.0f m (%2zu taps), %d thread%s: %6.1f ms (binning %5.1f, blur %5.1f)"
          "  integral %.1f\n",
          bw, gaussian_taps(bw / cell).size(), threads, threads > 1 ? "s" : " ", best, bin, blur,
          kde_integral(g));
    }
  }

  // GPU path: the incidents are uploaded once (as the map does); each window re-bins them.
  try {
    render::EglContext context;
    std::printf("gpu: %s\n", context.renderer().c_str());
    if (!render::GpuKde::supported()) {
      std::printf("  no compute shaders (OpenGL 4.3) in this context: CPU path only\n");
      return 0;
    }
    const std::vector<int32_t> days(n, 20000);
    // llvmpipe runs compute shaders on the CPU, seconds per pass: one run is enough there.
    const bool software = context.renderer().find("llvmpipe") != std::string::npos;
    const int gpu_reps = software ? 1 : 5;
    for (double bw : {250.0, 500.0, 1000.0}) {
      const KdeGrid geometry = kde_grid_box(x0, y0, x0 + w, y0 + h, cell);
      render::GpuKde gpu(geometry, bw);
      auto t0 = std::chrono::steady_clock::now();
      gpu.set_points(pts, days);
      glFinish();
      const double upload =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      render::GpuKdeStats best{1e30, 1e30, 1e30};
      for (int rep = 0; rep < gpu_reps; ++rep) {
        const render::GpuKdeStats st = gpu.compute({0, 40000}, true);
        if (st.total_ms < best.total_ms) best = st;
      }
      KdeGrid got = geometry, cpu = geometry;
      t0 = std::chrono::steady_clock::now();
      gpu.read(got);
      const double readback =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      kde_density(cpu, pts, bw, 2);
      double max = 0, max_rel = 0;
      for (double v : cpu.values) max = std::max(max, v);
      for (size_t i = 0; i < cpu.values.size(); ++i)
        if (cpu.values[i] >= 1e-3 * max)
          max_rel = std::max(max_rel, std::abs(got.values[i] - cpu.values[i]) / cpu.values[i]);
      std::printf(
          "  bandwidth %6.0f m, GPU: %7.1f ms (binning %6.1f, blur %6.1f); upload once %6.1f ms, "
          "read back %5.1f ms; integral %.1f; max relative difference to CPU %.2g\n",
          bw, best.total_ms, best.bin_ms, best.blur_ms, upload, readback, kde_integral(got),
          max_rel);
    }
  } catch (const std::exception& e) {
    std::printf("gpu: not available (%s)\n", e.what());
  }
  return 0;
}
