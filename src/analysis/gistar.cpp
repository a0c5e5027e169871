#include "analysis/gistar.h"

#include <cmath>

namespace secmap::analysis {

std::vector<double> gistar_z(const Weights& w, std::span<const double> x) {
  const size_t n = x.size();
  double sum = 0, sum2 = 0;
  for (double v : x) sum += v, sum2 += v * v;
  const double mean = sum / double(n);
  const double s = std::sqrt(std::max(0.0, sum2 / double(n) - mean * mean));
  std::vector<double> z(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    double wi = w.self[i], s1 = w.self[i] * w.self[i], lag = w.self[i] * x[i];
    const auto nb = w.row(i);
    const auto val = w.row_values(i);
    for (size_t k = 0; k < nb.size(); ++k) {
      wi += val[k];
      s1 += val[k] * val[k];
      lag += val[k] * x[size_t(nb[k])];
    }
    const double var = (double(n) * s1 - wi * wi) / double(n - 1);
    const double den = s * std::sqrt(std::max(0.0, var));
    z[i] = den > 0 ? (lag - mean * wi) / den : 0.0;
  }
  return z;
}

}  // namespace secmap::analysis
