// Plain geometry values passed between modules, and ISO WKB encoding (the form SpatiaLite's
// AsBinary()/GeomFromWKB() and GDAL exchange). Coordinates are x = lon, y = lat in EPSG:4326
// unless a function says otherwise.
#pragma once
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace secmap::geo {

struct Point {
  double x = 0, y = 0;
  bool operator==(const Point&) const = default;
};
using Ring = std::vector<Point>;  // closed: first == last
using LineString = std::vector<Point>;
struct Polygon {
  std::vector<Ring> rings;  // rings[0] is the shell, the rest are holes
};

struct BBox {
  double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
  bool empty() const { return min_x > max_x; }
  void add(Point p) {
    if (p.x < min_x) min_x = p.x;
    if (p.y < min_y) min_y = p.y;
    if (p.x > max_x) max_x = p.x;
    if (p.y > max_y) max_y = p.y;
  }
  void add(const BBox& b) {
    if (!b.empty()) add(Point{b.min_x, b.min_y}), add(Point{b.max_x, b.max_y});
  }
  bool contains(Point p) const {
    return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
  }
  bool intersects(const BBox& o) const {
    return !(o.min_x > max_x || o.max_x < min_x || o.min_y > max_y || o.max_y < min_y);
  }
};

enum class GeomType {
  Empty,
  Point,
  LineString,
  Polygon,
  MultiPoint,
  MultiLineString,
  MultiPolygon
};

// One geometry of any of the simple-feature types we store. Only the member matching the type
// family is used: points for (Multi)Point, lines for (Multi)LineString, polygons for
// (Multi)Polygon.
struct Geometry {
  GeomType type = GeomType::Empty;
  std::vector<Point> points;
  std::vector<LineString> lines;
  std::vector<Polygon> polygons;

  static Geometry point(Point p) { return {GeomType::Point, {p}, {}, {}}; }
  static Geometry line(LineString l) { return {GeomType::LineString, {}, {std::move(l)}, {}}; }
  static Geometry multi_polygon(std::vector<Polygon> ps) {
    return {GeomType::MultiPolygon, {}, {}, std::move(ps)};
  }
  static Geometry multi_line(std::vector<LineString> ls) {
    return {GeomType::MultiLineString, {}, std::move(ls), {}};
  }
  bool is_empty() const { return points.empty() && lines.empty() && polygons.empty(); }
  size_t vertex_count() const;
  BBox bbox() const;
  // Promotes Polygon to MultiPolygon and LineString to MultiLineString (the stored types).
  Geometry as_multi() const;
};

class WkbError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// ISO WKB, 2D only (Z/M are dropped on read). Throws WkbError on malformed input.
Geometry from_wkb(std::span<const uint8_t> wkb);
std::vector<uint8_t> to_wkb(const Geometry& g);

const char* type_name(GeomType t);

}  // namespace secmap::geo
