#include "demo/random.h"

#include <cmath>

namespace secmap::demo {

namespace {
uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}
}  // namespace

Rng Rng::stream(uint64_t seed, std::string_view name) {
  uint64_t h = 0xCBF29CE484222325ull;  // FNV-1a of the stream name
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return Rng(splitmix64(seed ^ splitmix64(h)));
}

double Rng::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi) {
  return lo + (hi - lo) * uniform();
}

uint64_t Rng::below(uint64_t n) {
  // Rejection on the top of the range keeps every value equally likely.
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  uint64_t v = next();
  while (v >= limit) v = next();
  return v % n;
}

int64_t Rng::range(int64_t lo, int64_t hi) {
  return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
}

double Rng::normal() {
  // Box–Muller without caching the second value: one call, one fixed number of draws.
  double u1 = uniform();
  while (u1 <= 0.0) u1 = uniform();
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

uint64_t Rng::poisson(double mean) {
  if (mean <= 0) return 0;
  if (mean > 30) {  // normal approximation is plenty for demo counts
    const double v = std::round(normal(mean, std::sqrt(mean)));
    return v < 0 ? 0 : static_cast<uint64_t>(v);
  }
  const double l = std::exp(-mean);  // Knuth
  uint64_t k = 0;
  double p = uniform();
  while (p > l) {
    ++k;
    p *= uniform();
  }
  return k;
}

size_t Rng::weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double r = uniform() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (r < weights[i]) return i;
    r -= weights[i];
  }
  for (size_t i = weights.size(); i-- > 0;)  // rounding fell off the end: last positive weight
    if (weights[i] > 0) return i;
  return 0;
}

}  // namespace secmap::demo
