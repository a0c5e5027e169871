// Operations done with GEOS (the only file set that includes geos_c.h): validity and repair,
// simplification, polygon triangulation for GL fills, and prepared point-in-polygon.
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace secmap::geo {

// A GEOS operation failed (e.g. a ring with fewer than 4 points); the message is GEOS's.
class GeosError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ValidityResult {
  bool valid = true;
  std::string reason;  // GEOS's reason when invalid, e.g. "Self-intersection[104.1 22.4]"
};
ValidityResult check_validity(const Geometry& g);

// GEOS MakeValid, keeping only the polygonal part for polygon inputs (or the lineal part for
// lines). Returns nullopt if nothing of the input's dimension is left.
std::optional<Geometry> make_valid(const Geometry& g);

// Topology-preserving simplification (GEOSTopologyPreserveSimplify) at the given tolerance in
// the geometry's units.
Geometry simplify(const Geometry& g, double tolerance);

// Triangles covering a (multi)polygon, holes respected, via GEOSConstrainedDelaunayTriangulation.
// Output: 3 points per triangle, winding not guaranteed.
std::vector<Point> triangulate(const Geometry& polygonal);

// Area in the geometry's units squared (for checks).
double area(const Geometry& g);
// A point inside a polygon (where labels go), as SpatiaLite's ST_PointOnSurface gives it (GEOS).
// Throws GeosError for an empty geometry.
Point point_on_surface(const Geometry& g);

// Point-in-polygon for many points against one polygonal geometry (GEOS prepared geometry).
// Contains is strict (boundary points are outside), matching SpatiaLite's ST_Within(point, poly).
// Not thread-safe (GEOS builds the index lazily): use one instance per thread.
class PreparedPolygon {
 public:
  explicit PreparedPolygon(const Geometry& polygonal);
  ~PreparedPolygon();
  PreparedPolygon(PreparedPolygon&&) noexcept;
  bool contains(Point p) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace secmap::geo
