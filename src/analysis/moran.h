// Local Moran's I (Anselin 1995): with deviations d = x − x̄ and m2 = Σ d²/n,
//   I_i = (d_i / m2) Σ_j w_ij d_j,
// its expectation −W_i/(n−1) and variance under total randomisation
//   Var = S1_i (n − b2)/(n − 1) + (W_i² − S1_i)(2 b2 − n)/((n − 1)(n − 2)) − E²,  b2 = m4/m2²,
// and the quadrant of the Moran scatter plot (HH, LL, HL, LH). The focal unit is excluded (its
// self weight is ignored).
#pragma once
#include <span>
#include <string>
#include <vector>

#include "analysis/weights.h"

namespace secmap::analysis {

enum class Quadrant { None, HH, LH, LL, HL };
const char* quadrant_name(Quadrant q);  // "HH" … or "" for None

struct LocalMoran {
  std::vector<double> I, expected, variance, z;
  std::vector<Quadrant> quadrant;
};

LocalMoran local_moran(const Weights& w, std::span<const double> x);

}  // namespace secmap::analysis
