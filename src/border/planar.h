// Planar measurements in a metric CRS (VN-2000 metres): lengths, point–segment and
// segment–segment distances, and the exact part of a segment that lies within a distance of
// another segment (the intersection of a line with a capsule), which coverage is built on.
#pragma once
#include <cmath>
#include <optional>
#include <utility>

#include "geo/geometry.h"

namespace secmap::border {

inline double dist(geo::Point a, geo::Point b) {
  return std::hypot(b.x - a.x, b.y - a.y);
}

double line_length(const geo::LineString& l);

// Distance from p to the segment ab.
double point_segment_distance(geo::Point p, geo::Point a, geo::Point b);
// Parameter t in [0,1] of the point of ab nearest to p.
double project_on_segment(geo::Point p, geo::Point a, geo::Point b);
// Distance between the segments ab and cd (0 when they cross).
double segment_segment_distance(geo::Point a, geo::Point b, geo::Point c, geo::Point d);

// The parameters t in [0,1] of a + t(b − a) within distance r of the segment cd: one interval
// (the capsule around cd is convex), or nullopt when none.
std::optional<std::pair<double, double>> within_capsule(geo::Point a, geo::Point b, geo::Point c,
                                                        geo::Point d, double r);

}  // namespace secmap::border
