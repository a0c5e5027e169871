#include "render/class_breaks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace secmap::render {

std::vector<double> jenks_breaks(std::span<const double> values, int k) {
  std::vector<double> v(values.begin(), values.end());
  std::sort(v.begin(), v.end());
  std::vector<double> distinct = v;
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  k = std::min<int>(k, static_cast<int>(distinct.size()));
  if (k <= 0) return {};
  if (k == 1) return {v.back()};
  const int n = static_cast<int>(v.size());
  // Prefix sums make the within-class sum of squares of v[a..b] an O(1) lookup.
  std::vector<double> s(n + 1, 0), s2(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    s[i + 1] = s[i] + v[i];
    s2[i + 1] = s2[i] + v[i] * v[i];
  }
  auto ssd = [&](int a, int b) {  // inclusive a..b
    const double m = b - a + 1, sum = s[b + 1] - s[a];
    return (s2[b + 1] - s2[a]) - sum * sum / m;
  };
  // cost[c][i]: best total for v[0..i] in c + 1 classes; start[c][i]: first index of the last.
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> cost(k, std::vector<double>(n, inf));
  std::vector<std::vector<int>> start(k, std::vector<int>(n, 0));
  for (int i = 0; i < n; ++i) cost[0][i] = ssd(0, i);
  for (int c = 1; c < k; ++c)
    for (int i = c; i < n; ++i)
      for (int j = c; j <= i; ++j) {
        // A class may not start inside a run of equal values (its bound would repeat).
        if (v[j] == v[j - 1]) continue;
        const double t = cost[c - 1][j - 1] + ssd(j, i);
        if (t < cost[c][i]) cost[c][i] = t, start[c][i] = j;
      }
  std::vector<double> upper(k);
  int end = n - 1;
  for (int c = k - 1; c >= 0; --c) {
    upper[c] = v[end];
    if (c > 0) end = start[c][end] - 1;
  }
  upper.erase(std::unique(upper.begin(), upper.end()), upper.end());
  return upper;
}

std::vector<double> quantile_breaks(std::span<const double> values, int k) {
  std::vector<double> v(values.begin(), values.end());
  std::sort(v.begin(), v.end());
  std::vector<double> upper;
  if (v.empty() || k <= 0) return upper;
  for (int c = 1; c <= k; ++c) {
    const size_t i = std::min(v.size() - 1, (v.size() * c + k - 1) / k - 1);
    if (upper.empty() || v[i] > upper.back()) upper.push_back(v[i]);
  }
  return upper;
}

int class_of(double v, std::span<const double> upper) {
  for (size_t c = 0; c < upper.size(); ++c)
    if (v <= upper[c]) return static_cast<int>(c);
  return upper.empty() ? 0 : static_cast<int>(upper.size()) - 1;
}

}  // namespace secmap::render
