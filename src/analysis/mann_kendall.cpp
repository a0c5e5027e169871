#include "analysis/mann_kendall.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/fdr.h"

namespace secmap::analysis {

MannKendall mann_kendall(std::span<const double> x) {
  MannKendall r;
  const size_t n = x.size();
  if (n < 2) return r;
  // O(n²) is fine: series are tens to a few hundred time steps.
  for (size_t i = 0; i + 1 < n; ++i)
    for (size_t j = i + 1; j < n; ++j) r.s += double((x[j] > x[i]) - (x[j] < x[i]));
  const double dn = double(n);
  double ties = 0;
  std::vector<double> sorted(x.begin(), x.end());
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < n;) {
    size_t k = i;
    while (k < n && sorted[k] == sorted[i]) ++k;
    const double t = double(k - i);
    ties += t * (t - 1) * (2 * t + 5);
    i = k;
  }
  r.variance = (dn * (dn - 1) * (2 * dn + 5) - ties) / 18.0;
  if (r.variance <= 0) return r;
  const double sd = std::sqrt(r.variance);
  r.z = r.s > 0 ? (r.s - 1) / sd : r.s < 0 ? (r.s + 1) / sd : 0.0;
  r.p = normal_p_two_sided(r.z);
  return r;
}

}  // namespace secmap::analysis
