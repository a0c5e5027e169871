// Fast assignment of many points to the polygon that contains them (incidents → communes).
// A grid over all polygons' edges answers most points with a short ray cast; points on or very
// near an edge fall back to an exact test so results equal SpatiaLite's ST_Within.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace secmap::geo {

class PointLocator {
 public:
  // polygons[i] is a (multi)polygon; locate() returns its index i.
  explicit PointLocator(const std::vector<Geometry>& polygons);
  ~PointLocator();
  PointLocator(PointLocator&&) noexcept;

  // Index of the polygon strictly containing p (interior, not boundary), or -1.
  int32_t locate(Point p) const;
  // Locates many points; uses all hardware threads when there are enough points.
  std::vector<int32_t> locate_all(std::span<const Point> pts) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace secmap::geo
