// GEOS C API (reentrant) behind geos_ops.h: conversion to and from our Geometry, validity,
// repair, simplification, triangulation, area and prepared point-in-polygon.
#include "geo/geos_ops.h"

#include <geos_c.h>

#include <cstdarg>
#include <cstdio>
#include <utility>

namespace secmap::geo {
namespace {

// One GEOS context per thread: contexts are cheap, not shareable, and hold the last error text.
struct GeosContext {
  GEOSContextHandle_t h = nullptr;
  std::string last_error;
  GeosContext() {
    h = GEOS_init_r();
    GEOSContext_setErrorMessageHandler_r(h, &GeosContext::on_error, this);
  }
  ~GeosContext() { GEOS_finish_r(h); }
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  static void on_error(const char* msg, void* self) {
    static_cast<GeosContext*>(self)->last_error = msg ? msg : "";
  }
};

GeosContext& ctx() {
  thread_local GeosContext c;
  return c;
}

[[noreturn]] void fail(const std::string& what) {
  const std::string& detail = ctx().last_error;
  throw GeosError(detail.empty() ? what : what + ": " + detail);
}

// Owning pointer for GEOS geometries created on the calling thread's context.
struct GeomDeleter {
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(ctx().h, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

GEOSCoordSequence* make_seq(const std::vector<Point>& pts) {
  static_assert(sizeof(Point) == 2 * sizeof(double));
  auto* seq = GEOSCoordSeq_copyFromBuffer_r(ctx().h, pts.empty() ? nullptr : &pts[0].x,
                                            static_cast<unsigned>(pts.size()), 0, 0);
  if (!seq) fail("cannot create coordinate sequence");
  return seq;
}

// A closed copy of ring (GEOS refuses unclosed rings); empty if it has too few points.
std::vector<Point> closed(const Ring& ring) {
  std::vector<Point> r = ring;
  if (!r.empty() && !(r.front() == r.back())) r.push_back(r.front());
  if (r.size() < 4) r.clear();
  return r;
}

// Builds a GEOS polygon. Degenerate holes are dropped; a degenerate shell gives nullptr when
// lenient, or throws.
GEOSGeometry* make_polygon(const Polygon& poly, bool lenient) {
  auto h = ctx().h;
  if (poly.rings.empty()) return GEOSGeom_createEmptyPolygon_r(h);
  const auto shell_pts = closed(poly.rings[0]);
  if (shell_pts.empty()) {
    if (lenient) return nullptr;
    throw GeosError("polygon shell has fewer than 4 points");
  }
  GEOSGeometry* shell = GEOSGeom_createLinearRing_r(h, make_seq(shell_pts));
  if (!shell) fail("cannot create polygon shell");
  std::vector<GEOSGeometry*> holes;
  for (size_t i = 1; i < poly.rings.size(); ++i) {
    const auto pts = closed(poly.rings[i]);
    if (pts.empty()) {
      if (lenient) continue;
      for (auto* hole : holes) GEOSGeom_destroy_r(h, hole);
      GEOSGeom_destroy_r(h, shell);
      throw GeosError("polygon hole has fewer than 4 points");
    }
    GEOSGeometry* ring = GEOSGeom_createLinearRing_r(h, make_seq(pts));
    if (!ring) fail("cannot create polygon hole");
    holes.push_back(ring);
  }
  GEOSGeometry* g = GEOSGeom_createPolygon_r(h, shell, holes.empty() ? nullptr : holes.data(),
                                             static_cast<unsigned>(holes.size()));
  if (!g) fail("cannot create polygon");
  return g;
}

// Throws GeosError (with GEOS's message) when a constructor returned null.
GEOSGeometry* checked(GEOSGeometry* g, const char* what) {
  if (!g) fail(what);
  return g;
}

GeomPtr make_collection(int type, std::vector<GEOSGeometry*>& parts) {
  GEOSGeometry* g = GEOSGeom_createCollection_r(
      ctx().h, type, parts.empty() ? nullptr : parts.data(), static_cast<unsigned>(parts.size()));
  if (!g) {
    for (auto* p : parts) GEOSGeom_destroy_r(ctx().h, p);
    fail("cannot create collection");
  }
  return GeomPtr(g);
}

GeomPtr to_geos(const Geometry& g, bool lenient = false) {
  auto h = ctx().h;
  std::vector<GEOSGeometry*> parts;
  switch (g.type) {
    case GeomType::Empty:
      return GeomPtr(GEOSGeom_createEmptyCollection_r(h, GEOS_GEOMETRYCOLLECTION));
    case GeomType::Point:
      if (g.points.empty()) return GeomPtr(GEOSGeom_createEmptyPoint_r(h));
      return GeomPtr(GEOSGeom_createPointFromXY_r(h, g.points[0].x, g.points[0].y));
    case GeomType::LineString:
      if (g.lines.empty()) return GeomPtr(GEOSGeom_createEmptyLineString_r(h));
      return GeomPtr(checked(GEOSGeom_createLineString_r(h, make_seq(g.lines[0])), "bad line"));
    case GeomType::Polygon: {
      if (g.polygons.empty()) return GeomPtr(GEOSGeom_createEmptyPolygon_r(h));
      GEOSGeometry* p = make_polygon(g.polygons[0], lenient);
      return GeomPtr(p ? p : GEOSGeom_createEmptyPolygon_r(h));
    }
    case GeomType::MultiPoint:
      for (const auto& p : g.points) parts.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
      return make_collection(GEOS_MULTIPOINT, parts);
    case GeomType::MultiLineString:
      for (const auto& l : g.lines) {
        GEOSGeometry* line = GEOSGeom_createLineString_r(h, make_seq(l));
        if (!line) {
          for (auto* p : parts) GEOSGeom_destroy_r(h, p);
          fail("bad line");
        }
        parts.push_back(line);
      }
      return make_collection(GEOS_MULTILINESTRING, parts);
    case GeomType::MultiPolygon:
      try {
        for (const auto& poly : g.polygons)
          if (GEOSGeometry* p = make_polygon(poly, lenient)) parts.push_back(p);
      } catch (...) {
        for (auto* p : parts) GEOSGeom_destroy_r(h, p);
        throw;
      }
      return make_collection(GEOS_MULTIPOLYGON, parts);
  }
  throw GeosError("unknown geometry type");
}

std::vector<Point> read_seq(const GEOSGeometry* g) {
  auto h = ctx().h;
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
  unsigned n = 0;
  if (!seq || !GEOSCoordSeq_getSize_r(h, seq, &n)) fail("cannot read coordinates");
  std::vector<Point> pts(n);
  if (n && !GEOSCoordSeq_copyToBuffer_r(h, seq, &pts[0].x, 0, 0)) fail("cannot read coordinates");
  return pts;
}

Polygon read_polygon(const GEOSGeometry* g) {
  auto h = ctx().h;
  Polygon poly;
  if (GEOSisEmpty_r(h, g)) return poly;
  poly.rings.push_back(read_seq(GEOSGetExteriorRing_r(h, g)));
  const int holes = GEOSGetNumInteriorRings_r(h, g);
  for (int i = 0; i < holes; ++i) poly.rings.push_back(read_seq(GEOSGetInteriorRingN_r(h, g, i)));
  return poly;
}

// Appends every part of g (recursing into collections) to out, by family.
void collect(const GEOSGeometry* g, Geometry& out) {
  auto h = ctx().h;
  switch (GEOSGeomTypeId_r(h, g)) {
    case GEOS_POINT:
      if (!GEOSisEmpty_r(h, g)) out.points.push_back(read_seq(g).at(0));
      break;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      if (!GEOSisEmpty_r(h, g)) out.lines.push_back(read_seq(g));
      break;
    case GEOS_POLYGON:
      if (!GEOSisEmpty_r(h, g)) out.polygons.push_back(read_polygon(g));
      break;
    default: {
      const int n = GEOSGetNumGeometries_r(h, g);
      for (int i = 0; i < n; ++i) collect(GEOSGetGeometryN_r(h, g, i), out);
    }
  }
}

Geometry from_geos(const GEOSGeometry* g) {
  Geometry out;
  collect(g, out);
  switch (GEOSGeomTypeId_r(ctx().h, g)) {
    case GEOS_POINT:
      out.type = GeomType::Point;
      break;
    case GEOS_LINESTRING:
    case GEOS_LINEARRING:
      out.type = GeomType::LineString;
      break;
    case GEOS_POLYGON:
      out.type = GeomType::Polygon;
      break;
    case GEOS_MULTIPOINT:
      out.type = GeomType::MultiPoint;
      break;
    case GEOS_MULTILINESTRING:
      out.type = GeomType::MultiLineString;
      break;
    case GEOS_MULTIPOLYGON:
      out.type = GeomType::MultiPolygon;
      break;
    default:  // a mixed collection: report it by its richest family
      out.type = !out.polygons.empty() ? GeomType::MultiPolygon
                 : !out.lines.empty()  ? GeomType::MultiLineString
                 : !out.points.empty() ? GeomType::MultiPoint
                                       : GeomType::Empty;
      if (!out.polygons.empty()) out.lines.clear(), out.points.clear();
      if (!out.lines.empty()) out.points.clear();
  }
  return out;
}

bool is_polygonal(GeomType t) {
  return t == GeomType::Polygon || t == GeomType::MultiPolygon;
}
bool is_lineal(GeomType t) {
  return t == GeomType::LineString || t == GeomType::MultiLineString;
}

}  // namespace

ValidityResult check_validity(const Geometry& g) {
  ctx().last_error.clear();
  GeomPtr gg;
  try {
    gg = to_geos(g);
  } catch (const GeosError& e) {
    return {false, e.what()};
  }
  char* reason = nullptr;
  GEOSGeometry* location = nullptr;
  const char r = GEOSisValidDetail_r(ctx().h, gg.get(), 0, &reason, &location);
  if (r == 2) fail("validity check failed");
  ValidityResult res;
  res.valid = r == 1;
  if (!res.valid) {
    res.reason = reason ? reason : "invalid";
    double x = 0, y = 0;
    if (location && GEOSGeomGetX_r(ctx().h, location, &x) &&
        GEOSGeomGetY_r(ctx().h, location, &y)) {
      char buf[80];
      std::snprintf(buf, sizeof buf, "[%.7g %.7g]", x, y);
      res.reason += buf;
    }
  }
  if (reason) GEOSFree_r(ctx().h, reason);
  if (location) GEOSGeom_destroy_r(ctx().h, location);
  return res;
}

std::optional<Geometry> make_valid(const Geometry& g) {
  ctx().last_error.clear();
  GeomPtr in = to_geos(g, /*lenient=*/true);
  GeomPtr out(GEOSMakeValid_r(ctx().h, in.get()));
  if (!out) fail("MakeValid failed");
  Geometry all;
  collect(out.get(), all);
  Geometry res;
  if (is_polygonal(g.type)) {
    if (all.polygons.empty()) return std::nullopt;
    res.polygons = std::move(all.polygons);
    res.type = g.type == GeomType::Polygon && res.polygons.size() == 1 ? GeomType::Polygon
                                                                       : GeomType::MultiPolygon;
  } else if (is_lineal(g.type)) {
    if (all.lines.empty()) return std::nullopt;
    res.lines = std::move(all.lines);
    res.type = g.type == GeomType::LineString && res.lines.size() == 1 ? GeomType::LineString
                                                                       : GeomType::MultiLineString;
  } else if (g.type == GeomType::Empty) {
    return std::nullopt;
  } else {
    if (all.points.empty()) return std::nullopt;
    res.points = std::move(all.points);
    res.type = g.type == GeomType::Point && res.points.size() == 1 ? GeomType::Point
                                                                   : GeomType::MultiPoint;
  }
  return res;
}

Geometry simplify(const Geometry& g, double tolerance) {
  ctx().last_error.clear();
  GeomPtr in = to_geos(g);
  GeomPtr out(GEOSTopologyPreserveSimplify_r(ctx().h, in.get(), tolerance));
  if (!out) fail("simplify failed");
  Geometry res = from_geos(out.get());
  if (res.type == GeomType::Polygon && g.type == GeomType::MultiPolygon)
    res.type = GeomType::MultiPolygon;
  return res;
}

std::vector<Point> triangulate(const Geometry& polygonal) {
  ctx().last_error.clear();
  std::vector<Point> tris;
  if (polygonal.polygons.empty()) return tris;
  GeomPtr in = to_geos(polygonal);
  GeomPtr out(GEOSConstrainedDelaunayTriangulation_r(ctx().h, in.get()));
  if (!out) fail("triangulation failed");
  auto h = ctx().h;
  const int n = GEOSGetNumGeometries_r(h, out.get());
  tris.reserve(static_cast<size_t>(n) * 3);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* tri = GEOSGetGeometryN_r(h, out.get(), i);
    if (GEOSGeomTypeId_r(h, tri) != GEOS_POLYGON || GEOSisEmpty_r(h, tri)) continue;
    const auto ring = read_seq(GEOSGetExteriorRing_r(h, tri));
    if (ring.size() < 4) continue;
    tris.insert(tris.end(), ring.begin(), ring.begin() + 3);
  }
  return tris;
}

Point point_on_surface(const Geometry& g) {
  ctx().last_error.clear();
  GeomPtr in = to_geos(g);
  GeomPtr out(GEOSPointOnSurface_r(ctx().h, in.get()));
  if (!out) fail("point on surface failed");
  const Geometry p = from_geos(out.get());
  if (p.points.empty()) fail("point on surface of an empty geometry");
  return p.points.front();
}

double area(const Geometry& g) {
  ctx().last_error.clear();
  GeomPtr gg = to_geos(g);
  double a = 0;
  if (!GEOSArea_r(ctx().h, gg.get(), &a)) fail("area failed");
  return a;
}

// Owns its own GEOS context: the prepared geometry's lazily built index is tied to it.
struct PreparedPolygon::Impl {
  GEOSContextHandle_t h = nullptr;
  GEOSGeometry* geom = nullptr;
  const GEOSPreparedGeometry* prep = nullptr;
  ~Impl() {
    if (prep) GEOSPreparedGeom_destroy_r(h, prep);
    if (geom) GEOSGeom_destroy_r(h, geom);
    if (h) GEOS_finish_r(h);
  }
};

PreparedPolygon::PreparedPolygon(const Geometry& polygonal) : impl_(std::make_unique<Impl>()) {
  // Built on the thread context, then handed to our own context for its lifetime (GEOS
  // geometries are not bound to the handle that made them; the handle only carries messages).
  impl_->h = GEOS_init_r();
  impl_->geom = to_geos(polygonal).release();
  impl_->prep = GEOSPrepare_r(impl_->h, impl_->geom);
  if (!impl_->prep) throw GeosError("cannot prepare polygon");
}

PreparedPolygon::~PreparedPolygon() = default;
PreparedPolygon::PreparedPolygon(PreparedPolygon&&) noexcept = default;

bool PreparedPolygon::contains(Point p) const {
  // GEOS 3.11 has no GEOSPreparedContainsXY (3.12+), so a temporary point is built.
  GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(impl_->h, p.x, p.y);
  const char r = GEOSPreparedContains_r(impl_->h, impl_->prep, pt);
  GEOSGeom_destroy_r(impl_->h, pt);
  if (r == 2) throw GeosError("prepared contains failed");
  return r == 1;
}

}  // namespace secmap::geo
