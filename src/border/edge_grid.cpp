#include "border/edge_grid.h"

#include <algorithm>
#include <cmath>

#include "border/planar.h"

namespace secmap::border {

void EdgeGrid::add_line(const geo::LineString& line, int32_t owner) {
  for (size_t i = 1; i < line.size(); ++i) add_edge(line[i - 1], line[i], owner, int32_t(i - 1));
}

void EdgeGrid::add_edge(geo::Point a, geo::Point b, int32_t owner, int32_t part) {
  const auto id = int32_t(edges_.size());
  edges_.push_back({a, b, owner, part});
  seen_.push_back(0);
  // Every cell the edge's box touches: edges are short against the cell, so this stays small.
  const int64_t cx0 = cell_index(std::min(a.x, b.x)), cx1 = cell_index(std::max(a.x, b.x));
  const int64_t cy0 = cell_index(std::min(a.y, b.y)), cy1 = cell_index(std::max(a.y, b.y));
  for (int64_t cx = cx0; cx <= cx1; ++cx)
    for (int64_t cy = cy0; cy <= cy1; ++cy) cells_[key(cx, cy)].push_back(id);
}

std::vector<std::pair<int32_t, double>> EdgeGrid::owners_near(geo::Point p, double r) const {
  std::vector<std::pair<int32_t, double>> out;
  candidates(p, r, [&](size_t e) {
    const Edge& ed = edges_[e];
    const double d = point_segment_distance(p, ed.a, ed.b);
    if (d > r) return;
    for (auto& [o, best] : out)
      if (o == ed.owner) {
        best = std::min(best, d);
        return;
      }
    out.emplace_back(ed.owner, d);
  });
  return out;
}

int32_t EdgeGrid::nearest_owner(geo::Point p, double r, double* d_out) const {
  int32_t best = -1;
  double best_d = r;
  candidates(p, r, [&](size_t e) {
    const Edge& ed = edges_[e];
    const double d = point_segment_distance(p, ed.a, ed.b);
    if (d <= r && (best < 0 || d < best_d || (d == best_d && ed.owner < best))) {
      best_d = d;
      best = ed.owner;
    }
  });
  if (d_out) *d_out = best_d;
  return best;
}

}  // namespace secmap::border
