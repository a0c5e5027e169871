#include "analysis/weights.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "analysis/communes.h"
#include "geo/crs.h"

namespace secmap::analysis {

size_t Weights::islands() const {
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) k += degree(i) == 0;
  return k;
}

bool Weights::symmetric() const {
  for (size_t i = 0; i < n; ++i) {
    const auto r = row(i);
    const auto v = row_values(i);
    for (size_t k = 0; k < r.size(); ++k) {
      const auto other = row(size_t(r[k]));
      const auto it = std::lower_bound(other.begin(), other.end(), int32_t(i));
      if (it == other.end() || *it != int32_t(i)) return false;
      if (row_values(size_t(r[k]))[size_t(it - other.begin())] != v[k]) return false;
    }
  }
  return true;
}

Weights from_neighbor_lists(std::vector<std::vector<int32_t>> lists) {
  Weights w;
  w.n = lists.size();
  w.offsets.assign(1, 0);
  for (size_t i = 0; i < lists.size(); ++i) {
    auto& l = lists[i];
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
    for (int32_t j : l)
      if (j != int32_t(i)) w.neighbors.push_back(j);
    w.offsets.push_back(int32_t(w.neighbors.size()));
  }
  w.values.assign(w.neighbors.size(), 1.0);
  w.self.assign(w.n, 0.0);
  return w;
}

Weights with_self(Weights w, double v) {
  w.self.assign(w.n, v);
  return w;
}

Weights row_standardised(Weights w) {
  for (size_t i = 0; i < w.n; ++i) {
    double s = w.self[i];
    for (double v : w.row_values(i)) s += v;
    if (s == 0) continue;
    w.self[i] /= s;
    for (int32_t k = w.offsets[i]; k < w.offsets[i + 1]; ++k) w.values[size_t(k)] /= s;
  }
  return w;
}

Weights knn_weights(std::span<const geo::Point> pts, int k) {
  const size_t n = pts.size();
  if (k < 1 || size_t(k) >= n)
    throw std::invalid_argument("knn: K must be between 1 and the number of communes − 1");
  std::vector<std::vector<int32_t>> lists(n);
  std::vector<std::pair<double, int32_t>> d(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const double dx = pts[j].x - pts[i].x, dy = pts[j].y - pts[i].y;
      d[j] = {j == i ? INFINITY : dx * dx + dy * dy, int32_t(j)};
    }
    std::nth_element(d.begin(), d.begin() + k, d.end());  // pairs compare (distance, index)
    std::sort(d.begin(), d.begin() + k);
    for (int m = 0; m < k; ++m) lists[i].push_back(d[size_t(m)].second);
  }
  return from_neighbor_lists(std::move(lists));
}

Weights band_weights(std::span<const geo::Point> pts, double metres) {
  if (!(metres > 0)) throw std::invalid_argument("band: the distance must be positive");
  const size_t n = pts.size();
  // Sweep along x: only points within `metres` in x can be within `metres`.
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return pts[a].x < pts[b].x; });
  std::vector<std::vector<int32_t>> lists(n);
  const double d2 = metres * metres;
  for (size_t a = 0; a < n; ++a) {
    const geo::Point p = pts[size_t(order[a])];
    for (size_t b = a + 1; b < n && pts[size_t(order[b])].x - p.x <= metres; ++b) {
      const geo::Point q = pts[size_t(order[b])];
      if ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y) <= d2) {
        lists[size_t(order[a])].push_back(order[b]);
        lists[size_t(order[b])].push_back(order[a]);
      }
    }
  }
  return from_neighbor_lists(std::move(lists));
}

std::vector<geo::Point> metric_centroids(const std::vector<geo::Geometry>& polygons,
                                         const std::string& metric_crs) {
  std::vector<geo::Point> c;
  c.reserve(polygons.size());
  for (const auto& g : polygons) c.push_back(centroid(g));
  // Centroids in lon/lat are within metres of the projected ones at commune scale; projecting
  // the centroids (not every vertex) keeps this cheap.
  geo::Transform("EPSG:4326", metric_crs).apply_in_place(std::span<geo::Point>(c));
  return c;
}

Weights weights_from_spec(const std::string& spec, const std::vector<geo::Geometry>& polygons,
                          const std::string& metric_crs) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
  auto number = [&]() {
    size_t used = 0;
    double v = 0;
    try {
      v = std::stod(arg, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (arg.empty() || used != arg.size())
      throw std::invalid_argument("weights '" + spec + "': expected a number after ':'");
    return v;
  };
  if (kind == "queen") {
    QueenOptions o;
    if (!arg.empty()) o.snap_m = number();
    return queen_weights(polygons, o);
  }
  if (kind == "knn") {
    const double k = number();
    if (k != std::floor(k)) throw std::invalid_argument("weights '" + spec + "': K is a count");
    return knn_weights(metric_centroids(polygons, metric_crs), int(k));
  }
  if (kind == "band") return band_weights(metric_centroids(polygons, metric_crs), number());
  throw std::invalid_argument("unknown weights '" + spec + "' (queen|knn:K|band:METRES)");
}

}  // namespace secmap::analysis
