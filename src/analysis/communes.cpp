#include "analysis/communes.h"

namespace secmap::analysis {

geo::Point centroid(const geo::Geometry& g) {
  // Shoelace over every ring (holes are wound either way, so take the signed area of each ring
  // with the shell's orientation convention: holes subtract).
  double a = 0, cx = 0, cy = 0;
  for (const auto& poly : g.polygons) {
    for (size_t r = 0; r < poly.rings.size(); ++r) {
      const auto& ring = poly.rings[r];
      double ra = 0, rx = 0, ry = 0;
      for (size_t i = 0; i + 1 < ring.size(); ++i) {
        const geo::Point p = ring[i], q = ring[i + 1];
        const double c = p.x * q.y - q.x * p.y;
        ra += c;
        rx += (p.x + q.x) * c;
        ry += (p.y + q.y) * c;
      }
      // Shell counts positive, holes negative, whatever their winding.
      const double sign = (r == 0) == (ra >= 0) ? 1.0 : -1.0;
      a += sign * ra;
      cx += sign * rx;
      cy += sign * ry;
    }
  }
  if (a != 0) return {cx / (3 * a), cy / (3 * a)};
  if (!g.points.empty()) return g.points[0];
  for (const auto& poly : g.polygons)
    if (!poly.rings.empty() && !poly.rings[0].empty()) return poly.rings[0][0];
  return {};
}

}  // namespace secmap::analysis
