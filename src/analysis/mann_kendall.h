// Mann–Kendall trend test (Mann 1945, Kendall 1975) on a series in time order:
//   S = Σ_{i<j} sign(x_j − x_i)
//   Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)] / 18   (t: sizes of groups of tied values)
//   z = (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, 0 for S = 0 (continuity correction)
//   p = two-sided normal p of z.
// Emerging hotspot analysis runs it on each commune's Gi* z-score series.
#pragma once
#include <span>

namespace secmap::analysis {

struct MannKendall {
  double s = 0, variance = 0, z = 0, p = 1;
};

// Fewer than 2 values (or all tied): S = 0, z = 0, p = 1.
MannKendall mann_kendall(std::span<const double> x);

}  // namespace secmap::analysis
