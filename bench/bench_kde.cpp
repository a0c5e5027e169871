// Benchmark for the CPU kernel density (issue 4): 1M incidents on a 1920×1080 grid, binning and
// the separable Gaussian blur, with 1 and 2 threads and a few bandwidths. Prints figures; never
// fails on time. Target: ≤ 100 ms on 2 cores.
//   bench_kde [INCIDENTS=1000000] [CELL_M=50]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "analysis/kde.h"

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
  return 0;
}
