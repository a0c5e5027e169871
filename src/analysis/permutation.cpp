#include "analysis/permutation.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <stdexcept>
#include <thread>
#include <unordered_map>

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

uint64_t splitmix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// Uniform draws below 2^32 for one unit's stream: SplitMix64 (Steele et al. 2014; passes
// BigCrush, one add and two multiplies an output) split into two 32-bit halves, each mapped
// to [0, range) by Lemire's multiply-and-reject. The permutation loop is bound by it.
class Draw32 {
 public:
  explicit Draw32(uint64_t seed) : state_(seed) {}
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
  uint32_t next() {
    if (have_) {
      have_ = false;
      return uint32_t(word_ >> 32);
    }
    word_ = splitmix64(state_);
    state_ += 0x9E3779B97F4A7C15ull;
    have_ = true;
    return uint32_t(word_);
  }
  uint64_t state_;
  uint64_t word_ = 0;
  bool have_ = false;
};

// Rows with at most this many neighbours, and few against the others, draw them by rejection
// (redraw a repeat): no index array to touch, so the loop stays in registers and L1.
constexpr size_t kRejectMaxK = 32;

// Units whose conditional null is the same: one set of R draws (the first unit's stream) serves
// every member, each compared with its own observed lag.
struct Job {
  uint32_t first;                 // the unit whose stream and row shape the draws use
  std::vector<uint32_t> members;  // first included
};

void run_jobs(const Weights& w, std::span<const double> v, const PermutationOptions& o,
              std::span<const Job> jobs, std::vector<double>& out) {
  const size_t n = w.n;
  // For wide rows, indices 0..n−2 of "the other units": a partial Fisher–Yates draws k of them
  // and is undone afterwards, so every row starts from the same array.
  std::vector<uint32_t> idx;
  std::vector<uint32_t> swaps;
  uint32_t picked[kRejectMaxK];
  std::vector<double> obs, eps;
  std::vector<int> ge, le;
  const int R = o.permutations;
  const auto others = uint32_t(n - 1);
  for (const Job& job : jobs) {
    const size_t i = job.first;
    const auto val = w.row_values(i);
    const size_t k = val.size();
    const size_t members = job.members.size();
    obs.assign(members, 0.0);
    eps.resize(members);
    ge.assign(members, 0);
    le.assign(members, 0);
    bool binary = true;
    for (size_t m = 0; m < k; ++m) binary &= val[m] == 1.0;
    for (size_t u = 0; u < members; ++u) {
      const auto nb = w.row(job.members[u]);
      const auto vu = w.row_values(job.members[u]);
      for (size_t m = 0; m < k; ++m) obs[u] += vu[m] * v[size_t(nb[m])];
      eps[u] = 1e-12 * (std::fabs(obs[u]) + 1);
    }
    auto tally = [&](double lag) {
      for (size_t u = 0; u < members; ++u) {
        ge[u] += lag >= obs[u] - eps[u];
        le[u] += lag <= obs[u] + eps[u];
      }
    };
    // Each job has its own stream, so p does not depend on which thread runs it.
    Draw32 gen(splitmix64(o.seed ^ splitmix64(uint64_t(i))));
    const auto focal = uint32_t(i);
    // Draw m of "the others" in 0..n−2, as a unit index (the focal unit skipped).
    auto unit = [focal](uint32_t d) { return d + (d >= focal ? 1u : 0u); };
    if (k <= kRejectMaxK && 4 * k <= others) {
      for (int r = 0; r < R; ++r) {
        double lag = 0;
        for (size_t m = 0; m < k; ++m) {
          uint32_t d;
          bool repeat;
          do {
            d = gen.below(others);
            repeat = false;
            for (size_t q = 0; q < m; ++q) repeat |= picked[q] == d;
          } while (repeat);
          picked[m] = d;
          lag += (binary ? 1.0 : val[m]) * v[unit(d)];
        }
        tally(lag);
      }
    } else {
      if (idx.empty()) {
        idx.resize(n - 1);
        for (size_t m = 0; m + 1 < n; ++m) idx[m] = uint32_t(m);
      }
      swaps.resize(k);
      for (int r = 0; r < R; ++r) {
        double lag = 0;
        for (uint32_t m = 0; m < k; ++m) {
          const auto pick = m + gen.below(others - m);
          std::swap(idx[m], idx[pick]);
          swaps[m] = pick;
          lag += val[m] * v[unit(idx[m])];
        }
        for (uint32_t m = uint32_t(k); m-- > 0;) std::swap(idx[m], idx[swaps[m]]);
        tally(lag);
      }
    }
    for (size_t u = 0; u < members; ++u)
      out[job.members[u]] = std::min(1.0, 2.0 * (std::min(ge[u], le[u]) + 1) / (R + 1.0));
  }
}

// Groups the units to permute. Two units share a null distribution when they have the same
// number of neighbours, every weight in both rows is one same value, and their own values are
// equal (the draws come from the other n − 1 values, which are then the same multiset).
std::vector<Job> make_jobs(const Weights& w, std::span<const double> v,
                           std::span<const uint8_t> fixed, std::vector<double>& out) {
  struct Key {
    size_t k;
    uint64_t weight, value;
    bool operator==(const Key&) const = default;
  };
  struct Hash {
    size_t operator()(const Key& key) const {
      return splitmix64(key.k ^ splitmix64(key.weight ^ splitmix64(key.value)));
    }
  };
  std::unordered_map<Key, uint32_t, Hash> shared;
  std::vector<Job> jobs;
  for (size_t i = 0; i < w.n; ++i) {
    const auto val = w.row_values(i);
    if (val.empty()) {
      out[i] = NAN;
      continue;
    }
    if (!fixed.empty() && fixed[i]) {
      out[i] = 1.0;
      continue;
    }
    const bool uniform = std::all_of(val.begin(), val.end(), [&](double x) { return x == val[0]; });
    if (uniform) {
      const Key key{val.size(), std::bit_cast<uint64_t>(val[0]), std::bit_cast<uint64_t>(v[i])};
      const auto [it, added] = shared.try_emplace(key, uint32_t(jobs.size()));
      if (!added) {
        jobs[it->second].members.push_back(uint32_t(i));
        continue;
      }
    }
    jobs.push_back({uint32_t(i), {uint32_t(i)}});
  }
  return jobs;
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
  const std::vector<Job> jobs = make_jobs(w, v, fixed, out);
  unsigned threads =
      o.threads > 0 ? unsigned(o.threads) : std::max(1u, std::thread::hardware_concurrency());
  // Enough work per thread to pay for starting it.
  size_t work = 0;
  for (const Job& j : jobs) work += (w.degree(j.first) + j.members.size()) * size_t(o.permutations);
  threads = unsigned(std::min<size_t>(threads, std::max<size_t>(1, work / 200000)));
  threads = unsigned(std::min<size_t>(threads, jobs.size()));
  if (threads <= 1) {
    run_jobs(w, v, o, jobs, out);
    return out;
  }
  // Contiguous runs of jobs of about equal work, one per thread.
  std::vector<size_t> cut{0};
  size_t acc = 0;
  for (size_t j = 0; j < jobs.size() && cut.size() < threads; ++j) {
    acc += (w.degree(jobs[j].first) + jobs[j].members.size()) * size_t(o.permutations);
    if (acc * threads >= work * cut.size()) cut.push_back(j + 1);
  }
  cut.push_back(jobs.size());
  std::vector<std::thread> pool;
  const std::span<const Job> all(jobs);
  for (size_t t = 0; t + 1 < cut.size(); ++t)
    if (cut[t + 1] > cut[t])
      pool.emplace_back(
          [&, t] { run_jobs(w, v, o, all.subspan(cut[t], cut[t + 1] - cut[t]), out); });
  for (auto& th : pool) th.join();
  return out;
}

}  // namespace secmap::analysis
