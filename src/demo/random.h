// Deterministic random numbers for the demo generator. Every distribution is written here on
// top of the raw 64-bit Mersenne Twister output, because the std:: distributions are allowed
// to differ between standard library versions and the demo must be byte-identical per seed.
#pragma once
#include <cstdint>
#include <random>
#include <span>
#include <string_view>

namespace secmap::demo {

class Rng {
 public:
  explicit Rng(uint64_t seed) : eng_(seed) {}
  // An independent generator for one part of the demo, so that changing how many incidents are
  // drawn does not move the crossings or facilities.
  static Rng stream(uint64_t seed, std::string_view name);

  uint64_t next() { return eng_(); }
  double uniform();  // [0, 1), 53 bits
  double uniform(double lo, double hi);
  uint64_t below(uint64_t n);             // [0, n), unbiased; n > 0
  int64_t range(int64_t lo, int64_t hi);  // [lo, hi] inclusive
  bool chance(double p) { return uniform() < p; }
  double normal();  // standard normal (Box–Muller)
  double normal(double mean, double sd) { return mean + sd * normal(); }
  uint64_t poisson(double mean);
  // Index drawn with probability proportional to weights[i]; all weights >= 0, sum > 0.
  size_t weighted(std::span<const double> weights);

 private:
  std::mt19937_64 eng_;
};

}  // namespace secmap::demo
