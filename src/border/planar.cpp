#include "border/planar.h"

#include <algorithm>

namespace secmap::border {

double line_length(const geo::LineString& l) {
  double s = 0;
  for (size_t i = 1; i < l.size(); ++i) s += dist(l[i - 1], l[i]);
  return s;
}

double project_on_segment(geo::Point p, geo::Point a, geo::Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  if (len2 <= 0) return 0;
  return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
}

double point_segment_distance(geo::Point p, geo::Point a, geo::Point b) {
  const double t = project_on_segment(p, a, b);
  return dist(p, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
}

namespace {
double cross(geo::Point o, geo::Point a, geo::Point b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}
bool segments_cross(geo::Point a, geo::Point b, geo::Point c, geo::Point d) {
  const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

// Parameters where |a + t·v − c| ≤ r (a disc), intersected with [0,1].
std::optional<std::pair<double, double>> in_disc(geo::Point a, geo::Point v, geo::Point c,
                                                 double r) {
  const double fx = a.x - c.x, fy = a.y - c.y;
  const double A = v.x * v.x + v.y * v.y, B = 2 * (fx * v.x + fy * v.y),
               C = fx * fx + fy * fy - r * r;
  if (A <= 0) return C <= 0 ? std::optional(std::pair{0.0, 1.0}) : std::nullopt;
  const double disc = B * B - 4 * A * C;
  if (disc < 0) return std::nullopt;
  const double s = std::sqrt(disc);
  // Numerically stable roots.
  const double q = -0.5 * (B + (B >= 0 ? s : -s));
  double t0 = q / A, t1 = q != 0 ? C / q : t0;
  if (t0 > t1) std::swap(t0, t1);
  const double lo = std::max(t0, 0.0), hi = std::min(t1, 1.0);
  if (lo > hi) return std::nullopt;
  return std::pair{lo, hi};
}
}  // namespace

double segment_segment_distance(geo::Point a, geo::Point b, geo::Point c, geo::Point d) {
  if (segments_cross(a, b, c, d)) return 0;
  return std::min({point_segment_distance(a, c, d), point_segment_distance(b, c, d),
                   point_segment_distance(c, a, b), point_segment_distance(d, a, b)});
}

std::optional<std::pair<double, double>> within_capsule(geo::Point a, geo::Point b, geo::Point c,
                                                        geo::Point d, double r) {
  const geo::Point v{b.x - a.x, b.y - a.y};
  double lo = 2, hi = -1;
  auto take = [&](const std::optional<std::pair<double, double>>& iv) {
    if (!iv) return;
    lo = std::min(lo, iv->first);
    hi = std::max(hi, iv->second);
  };
  take(in_disc(a, v, c, r));
  take(in_disc(a, v, d, r));
  // The rectangle of the capsule: 0 ≤ u·(p − c) ≤ |cd|² and |n·(p − c)| ≤ r·|cd| for u = d − c
  // and its normal n, clipped along the segment (Liang–Barsky).
  const double ux = d.x - c.x, uy = d.y - c.y, L2 = ux * ux + uy * uy;
  if (L2 > 0) {
    const double L = std::sqrt(L2);
    double t0 = 0, t1 = 1;
    auto clip = [&](double p0, double dp, double mn, double mx) {
      // mn ≤ p0 + t·dp ≤ mx
      if (dp == 0) {
        if (p0 < mn || p0 > mx) t0 = 2;
        return;
      }
      double ta = (mn - p0) / dp, tb = (mx - p0) / dp;
      if (ta > tb) std::swap(ta, tb);
      t0 = std::max(t0, ta);
      t1 = std::min(t1, tb);
    };
    const double ax = a.x - c.x, ay = a.y - c.y;
    clip(ax * ux + ay * uy, v.x * ux + v.y * uy, 0, L2);
    clip(-ax * uy + ay * ux, -v.x * uy + v.y * ux, -r * L, r * L);
    if (t0 <= t1) take(std::pair{t0, t1});
  }
  if (lo > hi) return std::nullopt;
  return std::pair{lo, hi};
}

}  // namespace secmap::border
