#include "geo/thin.h"

namespace secmap::geo {
namespace {

// Keeps the first and last point; a kept point is at least min_distance from the previous kept.
std::vector<Point> thin_path(const std::vector<Point>& path, double d2, size_t min_points) {
  if (path.size() <= min_points) return path;
  std::vector<Point> out;
  out.reserve(path.size() / 2 + 2);
  out.push_back(path.front());
  for (size_t i = 1; i + 1 < path.size(); ++i) {
    const double dx = path[i].x - out.back().x, dy = path[i].y - out.back().y;
    if (dx * dx + dy * dy >= d2) out.push_back(path[i]);
  }
  out.push_back(path.back());
  // A ring thinned below a valid ring keeps its original shape (it is smaller than the
  // tolerance; the simplifier after this decides what to do with it).
  return out.size() < min_points ? path : out;
}

}  // namespace

Geometry thin_radial(const Geometry& g, double min_distance) {
  if (min_distance <= 0) return g;
  const double d2 = min_distance * min_distance;
  Geometry out = g;
  for (auto& line : out.lines) line = thin_path(line, d2, 2);
  for (auto& poly : out.polygons)
    for (auto& ring : poly.rings) ring = thin_path(ring, d2, 4);
  return out;
}

}  // namespace secmap::geo
