// p-values: the two-sided normal p of a z-score and the multiple-testing corrections used on
// per-commune tests (Bonferroni, Benjamini–Hochberg false discovery rate).
#pragma once
#include <span>
#include <vector>

namespace secmap::analysis {

// Two-sided p of a standard normal z; NaN for a NaN z.
double normal_p_two_sided(double z);

// Bonferroni: min(1, p·m), m = number of non-NaN p-values. NaN stays NaN.
std::vector<double> bonferroni(std::span<const double> p);
// Benjamini–Hochberg adjusted p-values (step-up, made monotone, capped at 1): reject at level q
// exactly where the adjusted p ≤ q. NaN stays NaN and is not counted in m.
std::vector<double> benjamini_hochberg(std::span<const double> p);

}  // namespace secmap::analysis
