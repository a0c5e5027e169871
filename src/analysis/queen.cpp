// Queen contiguity: see weights.h. Two stages so the common case (neighbours that share
// vertices exactly, as official boundary sets do) costs one sort of all vertices.
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "analysis/weights.h"

namespace secmap::analysis {

namespace {

struct Local {  // lon/lat → metres on a local equirectangular grid
  double kx, ky;
  geo::Point operator()(geo::Point p) const { return {p.x * kx, p.y * ky}; }
};

struct Poly {
  std::vector<geo::Point> v;                   // vertices in local metres (closing vertex dropped)
  std::vector<std::array<geo::Point, 2>> seg;  // boundary segments
  geo::BBox box;
};

double seg_dist2(geo::Point p, geo::Point a, geo::Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

geo::BBox grow(geo::BBox b, double d) {
  b.min_x -= d, b.min_y -= d, b.max_x += d, b.max_y += d;
  return b;
}

geo::BBox overlap(const geo::BBox& a, const geo::BBox& b) {
  return {std::max(a.min_x, b.min_x), std::max(a.min_y, b.min_y), std::min(a.max_x, b.max_x),
          std::min(a.max_y, b.max_y)};
}

// True when some vertex of `a` lies within tol of a segment of `b`, or the reverse (a vertex of
// one on an edge of the other without a vertex of its own there). Both sides are restricted to
// the overlap of their grown boxes and the segments of `b` are bucketed in a small grid.
bool near_pair(const Poly& a, const Poly& b, double tol) {
  const geo::BBox box = overlap(grow(a.box, tol), grow(b.box, tol));
  if (box.empty()) return false;
  auto one_way = [&](const Poly& p, const Poly& q) {
    std::vector<geo::Point> pts;
    for (const auto& v : p.v)
      if (box.contains(v)) pts.push_back(v);
    if (pts.empty()) return false;
    std::vector<const std::array<geo::Point, 2>*> segs;
    for (const auto& s : q.seg) {
      geo::BBox sb;
      sb.add(s[0]), sb.add(s[1]);
      if (grow(sb, tol).intersects(box)) segs.push_back(&s);
    }
    if (segs.empty()) return false;
    const int side = std::max(1, int(std::sqrt(double(segs.size()) / 2)));
    const double cw = std::max((box.max_x - box.min_x) / side, 1e-9);
    const double ch = std::max((box.max_y - box.min_y) / side, 1e-9);
    auto cell = [&](double v, double lo, double size) {
      return std::clamp(int((v - lo) / size), 0, side - 1);
    };
    std::vector<std::vector<int32_t>> grid(size_t(side) * size_t(side));
    for (size_t k = 0; k < segs.size(); ++k) {
      const auto& s = *segs[k];
      const int x0 = cell(std::min(s[0].x, s[1].x) - tol, box.min_x, cw);
      const int x1 = cell(std::max(s[0].x, s[1].x) + tol, box.min_x, cw);
      const int y0 = cell(std::min(s[0].y, s[1].y) - tol, box.min_y, ch);
      const int y1 = cell(std::max(s[0].y, s[1].y) + tol, box.min_y, ch);
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x)
          grid[size_t(y) * size_t(side) + size_t(x)].push_back(int32_t(k));
    }
    const double tol2 = tol * tol;
    for (const auto& v : pts) {
      const auto& bucket =
          grid[size_t(cell(v.y, box.min_y, ch)) * size_t(side) + size_t(cell(v.x, box.min_x, cw))];
      for (int32_t k : bucket)
        if (seg_dist2(v, (*segs[size_t(k)])[0], (*segs[size_t(k)])[1]) <= tol2) return true;
    }
    return false;
  };
  return one_way(a, b) || one_way(b, a);
}

}  // namespace

Weights queen_weights(const std::vector<geo::Geometry>& polygons, const QueenOptions& o) {
  const size_t n = polygons.size();
  const double tol = std::max(o.snap_m, 1e-6);
  geo::BBox all;
  for (const auto& g : polygons) all.add(g.bbox());
  const double lat0 = all.empty() ? 0 : (all.min_y + all.max_y) / 2;
  const double kPi = std::acos(-1.0);
  const Local local{111320.0 * std::cos(lat0 * kPi / 180), 110574.0};

  std::vector<Poly> polys(n);
  std::vector<std::pair<uint64_t, int32_t>> keys;  // (snapped cell, polygon)
  for (size_t i = 0; i < n; ++i) {
    Poly& p = polys[i];
    for (const auto& poly : polygons[i].polygons)
      for (const auto& ring : poly.rings) {
        for (size_t k = 0; k + 1 < ring.size(); ++k) {
          const geo::Point a = local(ring[k]), b = local(ring[k + 1]);
          p.v.push_back(a);
          p.seg.push_back({a, b});
          p.box.add(a);
          const auto ix = int64_t(std::floor(a.x / tol)), iy = int64_t(std::floor(a.y / tol));
          keys.emplace_back((uint64_t(ix) << 32) ^ (uint64_t(iy) & 0xffffffffu), int32_t(i));
        }
      }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  // Stage 1: polygons with a vertex in the same snapped cell are neighbours.
  std::vector<uint64_t> pairs;
  for (size_t a = 0; a < keys.size();) {
    size_t b = a + 1;
    while (b < keys.size() && keys[b].first == keys[a].first) ++b;
    for (size_t x = a; x < b; ++x)
      for (size_t y = x + 1; y < b; ++y)
        pairs.push_back(uint64_t(keys[x].second) << 32 | uint64_t(keys[y].second));
    a = b;
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());

  // Stage 2: box-overlapping pairs not yet linked (sweep on x) get the exact distance test.
  std::vector<int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) {
    return polys[size_t(a)].box.min_x < polys[size_t(b)].box.min_x;
  });
  const size_t stage1 = pairs.size();
  for (size_t a = 0; a < n; ++a) {
    const Poly& pa = polys[size_t(order[a])];
    if (pa.box.empty()) continue;
    for (size_t b = a + 1; b < n; ++b) {
      const Poly& pb = polys[size_t(order[b])];
      if (pb.box.min_x > pa.box.max_x + tol) break;
      if (!grow(pa.box, tol).intersects(pb.box)) continue;
      const int32_t i = std::min(order[a], order[b]), j = std::max(order[a], order[b]);
      const uint64_t key = uint64_t(i) << 32 | uint64_t(j);
      if (std::binary_search(pairs.begin(), pairs.begin() + std::ptrdiff_t(stage1), key)) continue;
      if (near_pair(pa, pb, tol)) pairs.push_back(key);
    }
  }

  std::vector<std::vector<int32_t>> lists(n);
  for (uint64_t p : pairs) {
    const auto i = int32_t(p >> 32), j = int32_t(p & 0xffffffffu);
    lists[size_t(i)].push_back(j);
    lists[size_t(j)].push_back(i);
  }
  return from_neighbor_lists(std::move(lists));
}

}  // namespace secmap::analysis
