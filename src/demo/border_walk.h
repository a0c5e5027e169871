// Walking along the border line in metres: point at a distance, sub-lines for patrol routes,
// and which commune lies on each side of each segment, so that features can be placed on the
// line inside a given commune.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "geo/point_locator.h"

namespace secmap::demo {

struct BorderSeg {
  geo::Point a, b;
  double s0 = 0, len = 0;               // start distance along the walk and length, metres
  int left = -1, right = -1;            // commune 1 m to each side (-1: none)
  int near_left = -1, near_right = -1;  // commune 150 m to each side
};

class BorderWalk {
 public:
  explicit BorderWalk(const std::vector<geo::LineString>& lines);
  // Looks up the communes on each side of every segment.
  void assign_sides(const geo::PointLocator& locator);

  double length() const { return length_; }
  const std::vector<BorderSeg>& segments() const { return segs_; }
  size_t segment_at(double s) const;
  geo::Point point_at(double s) const;
  // p moved `metres` to the left of the segment's direction (negative: to the right).
  static geo::Point offset(const BorderSeg& seg, geo::Point p, double metres);
  // The line between distances s0 < s1, at most max_points vertices.
  geo::LineString sub_line(double s0, double s1, size_t max_points) const;

  // Length of border along commune c (segments with c on one side).
  double commune_length(int c) const;
  // A point of the border along commune c at fraction f of that stretch, moved `inward` metres
  // into the commune (checked with the locator); `across` is the same point moved `across_m`
  // metres to the other side. False when no segment of c accepts the offset.
  bool place_in_commune(int c, double f, double inward, double across_m,
                        const geo::PointLocator& locator, geo::Point& at, geo::Point& across) const;
  // Range of distances over segments that touch any commune (the demo area's stretch).
  double area_from() const { return area_from_; }
  double area_to() const { return area_to_; }
  // Side of segment i facing the demo communes: +1 left, -1 right, 0 neither.
  int inward_side(size_t i) const;

 private:
  std::vector<BorderSeg> segs_;
  double length_ = 0, area_from_ = 0, area_to_ = 0;
};

// Approximate metres between two lon/lat points (equirectangular; fine at demo scales).
double metres_between(geo::Point a, geo::Point b);

}  // namespace secmap::demo
