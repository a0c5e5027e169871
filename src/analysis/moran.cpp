#include "analysis/moran.h"

#include <cmath>

namespace secmap::analysis {

const char* quadrant_name(Quadrant q) {
  switch (q) {
    case Quadrant::HH:
      return "HH";
    case Quadrant::LH:
      return "LH";
    case Quadrant::LL:
      return "LL";
    case Quadrant::HL:
      return "HL";
    case Quadrant::None:
      return "";
  }
  return "";
}

LocalMoran local_moran(const Weights& w, std::span<const double> x) {
  const size_t n = x.size();
  const double dn = double(n);
  double mean = 0;
  for (double v : x) mean += v;
  mean /= dn;
  std::vector<double> d(n);
  double m2 = 0, m4 = 0;
  for (size_t i = 0; i < n; ++i) {
    d[i] = x[i] - mean;
    m2 += d[i] * d[i];
    m4 += d[i] * d[i] * d[i] * d[i];
  }
  m2 /= dn;
  m4 /= dn;
  const double b2 = m2 > 0 ? m4 / (m2 * m2) : 0;
  LocalMoran r;
  r.I.assign(n, 0);
  r.expected.assign(n, 0);
  r.variance.assign(n, 0);
  r.z.assign(n, 0);
  r.quadrant.assign(n, Quadrant::None);
  for (size_t i = 0; i < n; ++i) {
    double wi = 0, s1 = 0, lag = 0;
    const auto nb = w.row(i);
    const auto val = w.row_values(i);
    for (size_t k = 0; k < nb.size(); ++k) {
      wi += val[k];
      s1 += val[k] * val[k];
      lag += val[k] * d[size_t(nb[k])];
    }
    r.I[i] = m2 > 0 ? d[i] / m2 * lag : 0;
    r.expected[i] = -wi / (dn - 1);
    r.variance[i] = s1 * (dn - b2) / (dn - 1) +
                    (wi * wi - s1) * (2 * b2 - dn) / ((dn - 1) * (dn - 2)) -
                    r.expected[i] * r.expected[i];
    r.z[i] = r.variance[i] > 0 ? (r.I[i] - r.expected[i]) / std::sqrt(r.variance[i]) : 0;
    if (nb.empty() || d[i] == 0 || lag == 0) continue;
    r.quadrant[i] = d[i] > 0 ? (lag > 0 ? Quadrant::HH : Quadrant::HL)
                             : (lag > 0 ? Quadrant::LH : Quadrant::LL);
  }
  return r;
}

}  // namespace secmap::analysis
