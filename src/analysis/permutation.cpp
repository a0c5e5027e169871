#include "analysis/permutation.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <thread>

namespace secmap::analysis {

namespace {

__extension__ using u128 = unsigned __int128;

// Lemire, "Fast random integer generation in an interval" (2019): unbiased, one multiply.
template <typename Gen>
inline uint64_t bounded(Gen& g, uint64_t range) {
  u128 m = u128(g()) * range;
  auto low = uint64_t(m);
  if (low < range) {
    const uint64_t t = (0 - range) % range;
    while (low < t) {
      m = u128(g()) * range;
      low = uint64_t(m);
    }
  }
  return uint64_t(m >> 64);
}

// The same on 32-bit halves of mt19937_64 outputs (two draws per generator call), for ranges
// below 2^32: the permutation loop is bound by the generator.
class Draw32 {
 public:
  explicit Draw32(uint64_t seed) : gen_(seed) {}
  uint32_t next() {
    if (have_) {
      have_ = false;
      return uint32_t(word_ >> 32);
    }
    word_ = gen_();
    have_ = true;
    return uint32_t(word_);
  }
  uint32_t below(uint32_t range) {
    uint64_t m = uint64_t(next()) * range;
    auto low = uint32_t(m);
    if (low < range) {
      const uint32_t t = uint32_t(0 - range) % range;
      while (low < t) {
        m = uint64_t(next()) * range;
        low = uint32_t(m);
      }
    }
    return uint32_t(m >> 32);
  }

 private:
  std::mt19937_64 gen_;
  uint64_t word_ = 0;
  bool have_ = false;
};

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

void run_rows(const Weights& w, std::span<const double> v, const PermutationOptions& o,
              std::span<const uint8_t> fixed, size_t begin, size_t end, std::vector<double>& out) {
  const size_t n = w.n;
  // Indices 0..n−2 of "the other units"; a partial Fisher–Yates draws k of them and is undone
  // afterwards, so every row starts from the same array whatever ran before it on this thread.
  std::vector<uint32_t> idx(n - 1);
  for (size_t k = 0; k + 1 < n; ++k) idx[k] = uint32_t(k);
  std::vector<uint32_t> swaps;
  const int R = o.permutations;
  for (size_t i = begin; i < end; ++i) {
    const auto nb = w.row(i);
    const auto val = w.row_values(i);
    const size_t k = nb.size();
    if (k == 0) {
      out[i] = NAN;
      continue;
    }
    if (!fixed.empty() && fixed[i]) {
      out[i] = 1.0;
      continue;
    }
    double obs = 0;
    for (size_t m = 0; m < k; ++m) obs += val[m] * v[size_t(nb[m])];
    const double eps = 1e-12 * (std::fabs(obs) + 1);
    Draw32 gen(splitmix64(o.seed ^ splitmix64(uint64_t(i))));
    int ge = 0, le = 0;
    swaps.resize(k);
    const auto others = uint32_t(n - 1);
    for (int r = 0; r < R; ++r) {
      double lag = 0;
      for (uint32_t m = 0; m < k; ++m) {
        const auto pick = m + gen.below(others - m);
        std::swap(idx[m], idx[pick]);
        swaps[m] = pick;
        const uint32_t j = idx[m] + (idx[m] >= i ? 1u : 0u);  // skip the focal unit
        lag += val[m] * v[j];
      }
      for (uint32_t m = uint32_t(k); m-- > 0;) std::swap(idx[m], idx[swaps[m]]);
      ge += lag >= obs - eps;
      le += lag <= obs + eps;
    }
    out[i] = std::min(1.0, 2.0 * (std::min(ge, le) + 1) / (R + 1.0));
  }
}

}  // namespace

uint64_t uniform_below(uint64_t (*next)(void*), void* state, uint64_t range) {
  struct G {
    uint64_t (*f)(void*);
    void* s;
    uint64_t operator()() { return f(s); }
  } g{next, state};
  return bounded(g, range);
}

std::vector<double> permutation_p(const Weights& w, std::span<const double> v,
                                  const PermutationOptions& o, std::span<const uint8_t> fixed) {
  if (v.size() != w.n)
    throw std::invalid_argument("permutation_p: values and weights differ in size");
  if (o.permutations < 1) throw std::invalid_argument("permutations must be at least 1");
  std::vector<double> out(w.n, NAN);
  if (w.n < 2) return out;
  for (size_t i = 0; i < w.n; ++i)
    if (w.degree(i) > w.n - 1) throw std::invalid_argument("permutation_p: bad weights");
  unsigned threads =
      o.threads > 0 ? unsigned(o.threads) : std::max(1u, std::thread::hardware_concurrency());
  // Enough work per thread to pay for starting it.
  const size_t work = w.neighbors.size() * size_t(o.permutations);
  threads = unsigned(std::min<size_t>(threads, std::max<size_t>(1, work / 200000)));
  threads = unsigned(std::min<size_t>(threads, w.n));
  if (threads <= 1) {
    run_rows(w, v, o, fixed, 0, w.n, out);
    return out;
  }
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    const size_t b = w.n * t / threads, e = w.n * (t + 1) / threads;
    pool.emplace_back([&, b, e] { run_rows(w, v, o, fixed, b, e, out); });
  }
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace secmap::analysis
