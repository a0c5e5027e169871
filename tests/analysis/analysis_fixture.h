// Small databases for the analysis tests, written with plain SQL so the tests depend only on the
// store: square communes on a grid, incidents at given points, commune statuses; and the real
// Lào Cai + Lai Châu communes through the importer when ../shared/realdata is present.
#pragma once
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "io/importer.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::analysis::testing {

inline store::Database fresh_db(const std::string& name) {
  const auto dir = secmap::test::scratch_dir(name);
  return store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
}

inline void add_square(store::Database& db, const std::string& code, double x, double y,
                       double size, std::optional<int64_t> population = std::nullopt) {
  char wkt[512];
  std::snprintf(wkt, sizeof wkt,
                "MULTIPOLYGON(((%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f,%.9f %.9f)))", x, y,
                x + size, y, x + size, y + size, x, y + size, x, y);
  auto st = db.prepare(
      "INSERT INTO communes (code, name, population, geom) VALUES (?, ?, ?, "
      "MultiPolygonFromText(?, 4326))");
  st.bind(1, code).bind(2, "Xã " + code).bind(3, population).bind(4, wkt).run();
}

struct Inc {
  std::string category = "SO-06";
  std::string date = "2026-03-01";
  std::optional<std::string> severity = "nghiem_trong";
  std::string status = "received";
  std::optional<std::string> commune;
  double x = 0, y = 0;
};

inline void add_incident(store::Database& db, const Inc& i) {
  auto st = db.prepare(
      "INSERT INTO incidents (category, occurred_at, severity, status, commune_code, geom) "
      "VALUES (?, ?, ?, ?, ?, MakePoint(?, ?, 4326))");
  st.bind(1, i.category).bind(2, i.date).bind(3, i.severity).bind(4, i.status);
  st.bind(5, i.commune).bind(6, i.x).bind(7, i.y).run();
}

// commune code → incidents strictly inside it, by SpatiaLite.
inline std::map<std::string, int64_t> spatialite_within_counts(store::Database& db) {
  std::map<std::string, int64_t> out;
  auto st = db.prepare(
      "SELECT c.code, count(*) FROM communes c JOIN incidents i ON ST_Within(i.geom, c.geom) = 1 "
      "AND i.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'incidents' "
      "AND search_frame = c.geom) WHERE c.valid_to IS NULL AND i.deleted = 0 GROUP BY c.code");
  while (st.step()) out[st.column_text(0)] = st.column_int(1);
  return out;
}

inline const char* kRealCommunes = "vn2025_communes_laocai_laichau.geojson";

inline void import_real_communes(store::Database& db) {
  io::ImportOptions o;
  o.layer = "communes";
  o.file = secmap::test::realdata_dir() / kRealCommunes;
  io::import_file(db, o);
}

}  // namespace secmap::analysis::testing
