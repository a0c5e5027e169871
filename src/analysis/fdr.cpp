#include "analysis/fdr.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace secmap::analysis {

double normal_p_two_sided(double z) {
  if (std::isnan(z)) return NAN;
  return std::erfc(std::fabs(z) / std::sqrt(2.0));
}

std::vector<double> bonferroni(std::span<const double> p) {
  const auto m = double(std::count_if(p.begin(), p.end(), [](double v) { return !std::isnan(v); }));
  std::vector<double> out(p.size());
  for (size_t i = 0; i < p.size(); ++i) out[i] = std::isnan(p[i]) ? NAN : std::min(1.0, p[i] * m);
  return out;
}

std::vector<double> benjamini_hochberg(std::span<const double> p) {
  std::vector<size_t> order;
  for (size_t i = 0; i < p.size(); ++i)
    if (!std::isnan(p[i])) order.push_back(i);
  // Stable by index for equal p, so results never depend on the sort's tie order.
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return p[a] < p[b]; });
  const double m = double(order.size());
  std::vector<double> out(p.size(), NAN);
  double running = 1.0;  // minimum of p_(k)·m/k over k ≥ rank, from the largest rank down
  for (size_t r = order.size(); r-- > 0;) {
    running = std::min(running, p[order[r]] * m / double(r + 1));
    out[order[r]] = std::min(1.0, running);
  }
  return out;
}

}  // namespace secmap::analysis
