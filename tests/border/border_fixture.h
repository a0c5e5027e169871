// Databases for the border tests: a synthetic straight border built in VN-2000 metres (EPSG:9208,
// projected with PROJ directly, independently of src/border), with communes, crossings,
// incidents and patrols added by plain SQL; and the real demo database when ../shared/realdata
// is present. Also the independent references: PROJ transforms and GEOS measurements.
#pragma once
#include <geos_c.h>
#include <gtest/gtest.h>
#include <proj.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "demo/demo_builder.h"
#include "geo/geometry.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::border::testing {

inline store::Database fresh_db(const std::string& name) {
  const auto dir = secmap::test::scratch_dir(name);
  return store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
}

// PROJ on its own: EPSG:9208 metres ↔ lon/lat, the reference frame of the tests.
class RefProj {
 public:
  RefProj() {
    ctx_ = proj_context_create();
    PJ* raw = proj_create_crs_to_crs(ctx_, "EPSG:4326", "EPSG:9208", nullptr);
    pj_ = proj_normalize_for_visualization(ctx_, raw);
    proj_destroy(raw);
  }
  ~RefProj() {
    proj_destroy(pj_);
    proj_context_destroy(ctx_);
  }
  geo::Point to_m(geo::Point ll) const { return apply(ll, PJ_FWD); }
  geo::Point to_ll(geo::Point m) const { return apply(m, PJ_INV); }
  std::vector<geo::Point> to_ll(const std::vector<geo::Point>& l) const {
    std::vector<geo::Point> out;
    for (auto p : l) out.push_back(to_ll(p));
    return out;
  }
  std::vector<geo::Point> to_m(const std::vector<geo::Point>& l) const {
    std::vector<geo::Point> out;
    for (auto p : l) out.push_back(to_m(p));
    return out;
  }

 private:
  geo::Point apply(geo::Point p, PJ_DIRECTION dir) const {
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(pj_, dir, c);
    return {c.xy.x, c.xy.y};
  }
  PJ_CONTEXT* ctx_;
  PJ* pj_;
};

// GEOS on its own (reentrant API) for distances, buffers and lengths.
class RefGeos {
 public:
  RefGeos() : h_(GEOS_init_r()) {}
  ~RefGeos() { GEOS_finish_r(h_); }
  GEOSGeometry* line(const std::vector<geo::Point>& l) const {
    GEOSCoordSequence* s = GEOSCoordSeq_create_r(h_, unsigned(l.size()), 2);
    for (unsigned i = 0; i < l.size(); ++i) GEOSCoordSeq_setXY_r(h_, s, i, l[i].x, l[i].y);
    return GEOSGeom_createLineString_r(h_, s);
  }
  GEOSGeometry* point(geo::Point p) const { return GEOSGeom_createPointFromXY_r(h_, p.x, p.y); }
  double distance(const GEOSGeometry* a, const GEOSGeometry* b) const {
    double d = -1;
    GEOSDistance_r(h_, a, b, &d);
    return d;
  }
  double length(const GEOSGeometry* g) const {
    double d = -1;
    GEOSLength_r(h_, g, &d);
    return d;
  }
  // Length of `line` inside the buffer of `around` (64 segments per quarter circle: the polygon
  // departs from the true circle by < 0.08 m at 1 km).
  double length_within(const GEOSGeometry* line, const GEOSGeometry* around, double r) const {
    GEOSGeometry* buf =
        GEOSBufferWithStyle_r(h_, around, r, 64, GEOSBUF_CAP_ROUND, GEOSBUF_JOIN_ROUND, 5.0);
    GEOSGeometry* inter = GEOSIntersection_r(h_, line, buf);
    const double len = length(inter);
    GEOSGeom_destroy_r(h_, inter);
    GEOSGeom_destroy_r(h_, buf);
    return len;
  }
  GEOSGeometry* merge(std::vector<GEOSGeometry*> parts) const {
    return GEOSGeom_createCollection_r(h_, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                       unsigned(parts.size()));
  }
  GEOSGeometry* union_all(const GEOSGeometry* g) const { return GEOSUnaryUnion_r(h_, g); }
  void destroy(GEOSGeometry* g) const { GEOSGeom_destroy_r(h_, g); }
  GEOSContextHandle_t handle() const { return h_; }

 private:
  GEOSContextHandle_t h_;
};

inline std::string linestring_wkt(const std::vector<geo::Point>& l) {
  std::string s = "LINESTRING(";
  char buf[64];
  for (size_t i = 0; i < l.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.10f %.10f", i ? "," : "", l[i].x, l[i].y);
    s += buf;
  }
  return s + ")";
}

// The synthetic border: a straight line 40 km long running east from (kX0, kY0) in EPSG:9208,
// two square communes of Lào Cai south of it (0–20 km: 00001, 20–40 km: 00002).
inline constexpr double kX0 = 420000, kY0 = 2500000, kLen = 40000;

inline void add_commune_m(store::Database& db, const RefProj& proj, const std::string& code,
                          double x0, double x1, double y0, double y1) {
  std::vector<geo::Point> ring;
  // Densified so the lon/lat polygon follows the metric square closely.
  for (int i = 0; i <= 20; ++i) ring.push_back(proj.to_ll({x0 + (x1 - x0) * i / 20, y0}));
  for (int i = 0; i <= 20; ++i) ring.push_back(proj.to_ll({x1, y0 + (y1 - y0) * i / 20}));
  for (int i = 0; i <= 20; ++i) ring.push_back(proj.to_ll({x1 - (x1 - x0) * i / 20, y1}));
  for (int i = 0; i <= 20; ++i) ring.push_back(proj.to_ll({x0, y1 - (y1 - y0) * i / 20}));
  std::string wkt = "MULTIPOLYGON(((";
  char buf[64];
  for (size_t i = 0; i < ring.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.10f %.10f", i ? "," : "", ring[i].x, ring[i].y);
    wkt += buf;
  }
  wkt += ")))";
  auto st = db.prepare(
      "INSERT INTO communes (code, name, province_name, is_border, geom) VALUES (?, ?, 'Lào Cai', "
      "1, MultiPolygonFromText(?, 4326))");
  st.bind(1, code).bind(2, "Xã " + code).bind(3, wkt).run();
}

inline void add_border_m(store::Database& db, const RefProj& proj,
                         const std::vector<geo::Point>& line_m) {
  auto st = db.prepare(
      "INSERT INTO border_line (name, geom) VALUES ('VN–CN (test)', "
      "CastToMultiLinestring(LineFromText(?, 4326)))");
  st.bind(1, linestring_wkt(proj.to_ll(line_m))).run();
}

inline int64_t add_crossing_m(store::Database& db, const RefProj& proj, const std::string& name,
                              geo::Point m, const std::string& kind = "main_gate",
                              const std::string& commune = "") {
  const auto ll = proj.to_ll(m);
  auto st = db.prepare(
      "INSERT INTO crossings (name, kind, commune_code, sensitive, geom) VALUES (?, ?, ?, "
      "(SELECT sensitive FROM crossing_kinds WHERE code = ?), MakePoint(?, ?, 4326))");
  st.bind(1, name)
      .bind(2, kind)
      .bind(3, commune.empty() ? std::optional<std::string>() : commune)
      .bind(4, kind)
      .bind(5, ll.x)
      .bind(6, ll.y)
      .run();
  return db.last_insert_rowid();
}

inline void add_incident_m(store::Database& db, const RefProj& proj, const std::string& category,
                           const std::string& date, geo::Point m) {
  const auto ll = proj.to_ll(m);
  auto st = db.prepare(
      "INSERT INTO incidents (category, occurred_at, geom) VALUES (?, ?, MakePoint(?, ?, 4326))");
  st.bind(1, category).bind(2, date).bind(3, ll.x).bind(4, ll.y).run();
}

inline void add_patrol_m(store::Database& db, const RefProj& proj, const std::string& name,
                         const std::vector<geo::Point>& line_m, const std::string& state,
                         const std::string& starts, const std::string& mode = "foot",
                         int sensitive = 1) {
  auto st = db.prepare(
      "INSERT INTO patrols (name, unit, mode, state, starts_at, ends_at, sensitive, geom) VALUES "
      "(?, 'Đồn Biên phòng A', ?, ?, ?, ?, ?, LineFromText(?, 4326))");
  st.bind(1, name)
      .bind(2, mode)
      .bind(3, state)
      .bind(4, starts + "T07:00:00")
      .bind(5, starts + "T15:00:00")
      .bind(6, sensitive)
      .bind(7, linestring_wkt(proj.to_ll(line_m)))
      .run();
}

// The straight synthetic border with its two communes.
inline store::Database synthetic_border_db(const std::string& name, const RefProj& proj) {
  auto db = fresh_db(name);
  add_commune_m(db, proj, "00001", kX0, kX0 + 20000, kY0 - 15000, kY0);
  add_commune_m(db, proj, "00002", kX0 + 20000, kX0 + kLen, kY0 - 15000, kY0);
  add_border_m(db, proj, {{kX0, kY0}, {kX0 + kLen / 2, kY0}, {kX0 + kLen, kY0}});
  return db;
}

// The real demo database (real communes and border, synthetic rest), built once per program.
inline const std::filesystem::path& real_demo_db() {
  static std::filesystem::path path;
  if (path.empty()) {
    path = secmap::test::scratch_dir("border_real_demo") / "demo.sqlite";
    demo::DemoOptions o;
    o.incidents = 5000;
    o.realdata = secmap::test::realdata_dir();
    o.replace = true;
    demo::build_demo(path, o);
  }
  return path;
}

}  // namespace secmap::border::testing
