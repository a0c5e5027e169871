// Conditional permutation inference for local statistics (Anselin 1995): unit i keeps its own
// value while its neighbours' values are drawn without replacement from the other n − 1 units.
// Gi* and Local Moran's I are both monotone in the neighbour lag Σ_k w_ik v_{j_k} for a fixed i,
// so the pseudo p-value compares lags:
//   p_i = min(1, 2 · (min(#{lag* ≥ lag}, #{lag* ≤ lag}) + 1) / (R + 1))   (two-sided).
// Reproducible: each unit has its own SplitMix64 stream seeded from (seed, i), and draws use our
// own bounded-integer routine (Lemire's, on 32-bit halves of each output)
// (std::uniform_int_distribution differs between libraries), so the result is the same for any
// number of threads. A unit's k neighbours are drawn by rejection of repeats when k is small,
// else by a partial Fisher–Yates shuffle.
// Units with the same conditional null (the same number of neighbours, one same weight on every
// link, and the same own value: counts repeat a lot) share one set of R draws, from the stream
// of the first of them; each compares it with its own observed lag. Each p is still an exact
// Monte Carlo p for its unit, but those units' p-values are not independent draws (esda, too,
// reuses one table of draws for every unit).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "analysis/weights.h"

namespace secmap::analysis {

struct PermutationOptions {
  int permutations = 999;
  uint64_t seed = 20250701;
  int threads = 0;  // 0: all hardware threads
};

// Pseudo p per unit from permuting `v` (x for Gi*, deviations for Moran). `fixed[i]` true marks
// units whose statistic cannot vary (p = 1). NaN for units without neighbours.
std::vector<double> permutation_p(const Weights& w, std::span<const double> v,
                                  const PermutationOptions& o, std::span<const uint8_t> fixed = {});

// Uniform integer in [0, range) from a 64-bit generator (Lemire's multiply-and-reject).
uint64_t uniform_below(uint64_t (*next)(void*), void* state, uint64_t range);

}  // namespace secmap::analysis
