// Getis-Ord Gi* (Ord & Getis 1995, the form ArcGIS's Hot Spot Analysis uses): with weights that
// include the focal unit,
//   z_i = (Σ_j w_ij x_j − x̄ W_i) / (S · sqrt((n S1_i − W_i²) / (n − 1)))
//   W_i = Σ_j w_ij, S1_i = Σ_j w_ij², x̄ = mean(x), S = sqrt(Σ x²/n − x̄²).
// The statistic is itself a z-score.
#pragma once
#include <span>
#include <vector>

#include "analysis/weights.h"

namespace secmap::analysis {

// z per unit; `w` must carry the self weight (with_self). 0 where the denominator vanishes
// (constant x, or a unit whose weights cover every unit equally).
std::vector<double> gistar_z(const Weights& w, std::span<const double> x);

}  // namespace secmap::analysis
