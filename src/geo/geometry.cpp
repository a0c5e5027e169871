// Geometry value helpers and the ISO WKB reader/writer (2D; Z/M dropped on read).
#include "geo/geometry.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace secmap::geo {

size_t Geometry::vertex_count() const {
  size_t n = points.size();
  for (const auto& l : lines) n += l.size();
  for (const auto& poly : polygons)
    for (const auto& r : poly.rings) n += r.size();
  return n;
}

BBox Geometry::bbox() const {
  BBox b;
  for (const auto& p : points) b.add(p);
  for (const auto& l : lines)
    for (const auto& p : l) b.add(p);
  for (const auto& poly : polygons)
    for (const auto& r : poly.rings)
      for (const auto& p : r) b.add(p);
  return b;
}

Geometry Geometry::as_multi() const {
  Geometry g = *this;
  if (g.type == GeomType::Polygon) g.type = GeomType::MultiPolygon;
  if (g.type == GeomType::LineString) g.type = GeomType::MultiLineString;
  return g;
}

const char* type_name(GeomType t) {
  switch (t) {
    case GeomType::Empty:
      return "Empty";
    case GeomType::Point:
      return "Point";
    case GeomType::LineString:
      return "LineString";
    case GeomType::Polygon:
      return "Polygon";
    case GeomType::MultiPoint:
      return "MultiPoint";
    case GeomType::MultiLineString:
      return "MultiLineString";
    case GeomType::MultiPolygon:
      return "MultiPolygon";
  }
  return "Unknown";
}

namespace {

// Sequential reader over one WKB buffer; every read is bounds-checked.
class WkbReader {
 public:
  explicit WkbReader(std::span<const uint8_t> b) : buf_(b) {}

  size_t remaining() const { return buf_.size() - pos_; }

  uint8_t u8() {
    need(1);
    return buf_[pos_++];
  }
  uint32_t u32(bool little) { return unsigned_int<uint32_t>(little); }
  double f64(bool little) { return std::bit_cast<double>(unsigned_int<uint64_t>(little)); }

 private:
  // Reads sizeof(U) bytes in the byte order the WKB header named.
  template <typename U>
  U unsigned_int(bool little) {
    need(sizeof(U));
    U v = 0;
    for (size_t i = 0; i < sizeof(U); ++i) {
      const U byte = buf_[pos_ + (little ? i : sizeof(U) - 1 - i)];
      v |= byte << (8 * i);
    }
    pos_ += sizeof(U);
    return v;
  }
  void need(size_t n) const {
    if (remaining() < n) throw WkbError("WKB truncated");
  }
  std::span<const uint8_t> buf_;
  size_t pos_ = 0;
};

struct Header {
  bool little = true;
  uint32_t base = 0;  // 1..7
  int dims = 2;       // doubles per point
};

Header read_header(WkbReader& r) {
  Header h;
  const uint8_t order = r.u8();
  if (order > 1) throw WkbError("WKB: bad byte-order flag " + std::to_string(order));
  h.little = order == 1;
  uint32_t code = r.u32(h.little);
  // EWKB (PostGIS/GDAL) flags in the high bits; an SRID, if flagged, follows the type.
  const bool ewkb_z = code & 0x80000000u, ewkb_m = code & 0x40000000u,
             ewkb_srid = code & 0x20000000u;
  code &= 0x0fffffffu;
  if (ewkb_srid) r.u32(h.little);
  const uint32_t iso = code / 1000;  // 0 = XY, 1 = Z, 2 = M, 3 = ZM
  h.base = code % 1000;
  if (iso > 3 || h.base < 1 || h.base > 7)
    throw WkbError("WKB: unsupported geometry type code " + std::to_string(code));
  h.dims = 2 + (iso == 1 || iso == 3 || ewkb_z) + (iso == 2 || iso == 3 || ewkb_m);
  return h;
}

// Reads a count and checks it against the bytes left, so a corrupt count cannot allocate wildly.
uint32_t read_count(WkbReader& r, bool little, size_t min_item_bytes) {
  const uint32_t n = r.u32(little);
  if (static_cast<uint64_t>(n) * min_item_bytes > r.remaining())
    throw WkbError("WKB: element count " + std::to_string(n) + " exceeds the data");
  return n;
}

Point read_point_coords(WkbReader& r, const Header& h) {
  Point p{r.f64(h.little), r.f64(h.little)};
  for (int i = 2; i < h.dims; ++i) r.f64(h.little);
  return p;
}

std::vector<Point> read_point_seq(WkbReader& r, const Header& h) {
  const uint32_t n = read_count(r, h.little, 8u * h.dims);
  std::vector<Point> pts;
  pts.reserve(n);
  for (uint32_t i = 0; i < n; ++i) pts.push_back(read_point_coords(r, h));
  return pts;
}

Polygon read_polygon_body(WkbReader& r, const Header& h) {
  const uint32_t n = read_count(r, h.little, 4);
  Polygon poly;
  poly.rings.reserve(n);
  for (uint32_t i = 0; i < n; ++i) poly.rings.push_back(read_point_seq(r, h));
  return poly;
}

Header expect_part(WkbReader& r, uint32_t base) {
  const Header h = read_header(r);
  if (h.base != base)
    throw WkbError("WKB: multi-geometry member of type " + std::to_string(h.base) + ", expected " +
                   std::to_string(base));
  return h;
}

}  // namespace

Geometry from_wkb(std::span<const uint8_t> wkb) {
  WkbReader r(wkb);
  const Header h = read_header(r);
  Geometry g;
  switch (h.base) {
    case 1: {
      g.type = GeomType::Point;
      const Point p = read_point_coords(r, h);
      if (!(std::isnan(p.x) && std::isnan(p.y))) g.points.push_back(p);  // NaN NaN = POINT EMPTY
      break;
    }
    case 2:
      g.type = GeomType::LineString;
      g.lines.push_back(read_point_seq(r, h));
      if (g.lines[0].empty()) g.lines.clear();
      break;
    case 3:
      g.type = GeomType::Polygon;
      g.polygons.push_back(read_polygon_body(r, h));
      if (g.polygons[0].rings.empty()) g.polygons.clear();
      break;
    case 4: {
      g.type = GeomType::MultiPoint;
      const uint32_t n = read_count(r, h.little, 5);
      for (uint32_t i = 0; i < n; ++i) {
        const Header ph = expect_part(r, 1);
        const Point p = read_point_coords(r, ph);
        if (!(std::isnan(p.x) && std::isnan(p.y))) g.points.push_back(p);
      }
      break;
    }
    case 5: {
      g.type = GeomType::MultiLineString;
      const uint32_t n = read_count(r, h.little, 9);
      for (uint32_t i = 0; i < n; ++i) {
        const Header lh = expect_part(r, 2);
        auto l = read_point_seq(r, lh);
        if (!l.empty()) g.lines.push_back(std::move(l));
      }
      break;
    }
    case 6: {
      g.type = GeomType::MultiPolygon;
      const uint32_t n = read_count(r, h.little, 9);
      for (uint32_t i = 0; i < n; ++i) {
        const Header ph = expect_part(r, 3);
        auto poly = read_polygon_body(r, ph);
        if (!poly.rings.empty()) g.polygons.push_back(std::move(poly));
      }
      break;
    }
    case 7: {
      // Only the empty collection is accepted (GDAL/GEOS write it for "no geometry").
      const uint32_t n = read_count(r, h.little, 5);
      if (n != 0) throw WkbError("WKB: GeometryCollection is not supported");
      g.type = GeomType::Empty;
      break;
    }
  }
  if (r.remaining() != 0) throw WkbError("WKB: trailing bytes after geometry");
  return g;
}

namespace {

// Little-endian WKB writer.
class WkbWriter {
 public:
  void header(uint32_t type) {
    out.push_back(1);
    u32(type);
  }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void f64(double d) {
    const auto v = std::bit_cast<uint64_t>(d);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void point(Point p) { f64(p.x), f64(p.y); }
  void seq(const std::vector<Point>& pts) {
    u32(static_cast<uint32_t>(pts.size()));
    for (const auto& p : pts) point(p);
  }
  void polygon(const Polygon& poly) {
    u32(static_cast<uint32_t>(poly.rings.size()));
    for (const auto& ring : poly.rings) seq(ring);
  }
  std::vector<uint8_t> out;
};

}  // namespace

std::vector<uint8_t> to_wkb(const Geometry& g) {
  WkbWriter w;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  switch (g.type) {
    case GeomType::Empty:
      w.header(7);
      w.u32(0);
      break;
    case GeomType::Point:
      w.header(1);
      w.point(g.points.empty() ? Point{nan, nan} : g.points[0]);
      break;
    case GeomType::LineString:
      w.header(2);
      w.seq(g.lines.empty() ? LineString{} : g.lines[0]);
      break;
    case GeomType::Polygon:
      w.header(3);
      w.polygon(g.polygons.empty() ? Polygon{} : g.polygons[0]);
      break;
    case GeomType::MultiPoint:
      w.header(4);
      w.u32(static_cast<uint32_t>(g.points.size()));
      for (const auto& p : g.points) w.header(1), w.point(p);
      break;
    case GeomType::MultiLineString:
      w.header(5);
      w.u32(static_cast<uint32_t>(g.lines.size()));
      for (const auto& l : g.lines) w.header(2), w.seq(l);
      break;
    case GeomType::MultiPolygon:
      w.header(6);
      w.u32(static_cast<uint32_t>(g.polygons.size()));
      for (const auto& poly : g.polygons) w.header(3), w.polygon(poly);
      break;
  }
  return std::move(w.out);
}

}  // namespace secmap::geo
