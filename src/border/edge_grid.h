// A uniform grid over line edges in metres, each edge tagged with its owner (a segment, a
// route, a commune). Answers "which owners come within r of this point or edge" without
// scanning every edge; the cell size is chosen near the usual query radius.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "geo/geometry.h"

namespace secmap::border {

class EdgeGrid {
 public:
  explicit EdgeGrid(double cell_m) : cell_(cell_m) {}

  struct Edge {
    geo::Point a, b;
    int32_t owner;
    int32_t part;  // caller's index (e.g. the edge's position in its owner's line)
  };
  void add_line(const geo::LineString& line, int32_t owner);
  void add_edge(geo::Point a, geo::Point b, int32_t owner, int32_t part);
  const std::vector<Edge>& edges() const { return edges_; }
  bool empty() const { return edges_.empty(); }

  // Calls f(edge index) once for every edge whose cells meet the box around p (radius r):
  // candidates, to be checked exactly by the caller.
  template <typename F>
  void candidates(geo::Point p, double r, F&& f) const {
    candidates_box(p.x - r, p.y - r, p.x + r, p.y + r, f);
  }
  template <typename F>
  void candidates(geo::Point a, geo::Point b, double r, F&& f) const {
    candidates_box(std::min(a.x, b.x) - r, std::min(a.y, b.y) - r, std::max(a.x, b.x) + r,
                   std::max(a.y, b.y) + r, f);
  }

  // Calls f(owner) once for each owner with an edge within r of p; edges of owners already
  // found are not measured again (counting needs "within", not the distance).
  template <typename F>
  void owners_within(geo::Point p, double r, std::vector<int32_t>& found, F&& f) const {
    found.clear();
    candidates(p, r, [&](size_t e) {
      const Edge& ed = edges_[e];
      for (int32_t o : found)
        if (o == ed.owner) return;
      if (point_within(p, ed, r)) {
        found.push_back(ed.owner);
        f(ed.owner);
      }
    });
  }

  // Owners within r of p with their smallest distance (unordered).
  std::vector<std::pair<int32_t, double>> owners_near(geo::Point p, double r) const;
  // The owner nearest p within r, or -1; distance in *d when given.
  int32_t nearest_owner(geo::Point p, double r, double* d = nullptr) const;

 private:
  static int64_t key(int64_t cx, int64_t cy) { return (cx << 32) ^ (cy & 0xFFFFFFFF); }
  template <typename F>
  void candidates_box(double x0, double y0, double x1, double y1, F& f) const {
    const int64_t cx0 = cell_index(x0), cx1 = cell_index(x1), cy0 = cell_index(y0),
                  cy1 = cell_index(y1);
    ++stamp_;
    for (int64_t cx = cx0; cx <= cx1; ++cx)
      for (int64_t cy = cy0; cy <= cy1; ++cy) {
        auto it = cells_.find(key(cx, cy));
        if (it == cells_.end()) continue;
        for (int32_t e : it->second) {
          if (seen_[size_t(e)] == stamp_) continue;
          seen_[size_t(e)] = stamp_;
          f(size_t(e));
        }
      }
  }
  static bool point_within(geo::Point p, const Edge& e, double r) {
    // Squared distance to the segment, no square root.
    const double dx = e.b.x - e.a.x, dy = e.b.y - e.a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - e.a.x) * dx + (p.y - e.a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const double ex = e.a.x + t * dx - p.x, ey = e.a.y + t * dy - p.y;
    return ex * ex + ey * ey <= r * r;
  }
  int64_t cell_index(double v) const { return int64_t(std::floor(v / cell_)); }

  double cell_;
  std::vector<Edge> edges_;
  std::unordered_map<int64_t, std::vector<int32_t>> cells_;
  mutable std::vector<uint32_t> seen_;  // per edge: last query stamp (not thread-safe)
  mutable uint32_t stamp_ = 0;
};

}  // namespace secmap::border
