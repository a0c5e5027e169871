// The real post-2025 communes of Lào Cai and Lai Châu: import, round trip through export, and
// commune assignment equal to SpatiaLite's own ST_Within.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <random>

#include "geo/geometry.h"
#include "io_test_util.h"
#include "text/unicode.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

constexpr const char* kCommunes = "vn2025_communes_laocai_laichau.geojson";

store::Database import_real(const fs::path& dir, double* seconds = nullptr) {
  auto db = store::Database::open(dir / "real.sqlite", store::Database::Mode::CreateIfMissing);
  ImportOptions o;
  o.layer = "communes";
  o.file = test::realdata_dir() / kCommunes;
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  const ImportReport r = import_file(db, o);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (seconds) {
    *seconds = s;
    // CPU time too: wall time on a shared 2-core machine says little.
    std::printf("[ perf ] import CPU time: %.3f s\n",
                static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  EXPECT_EQ(r.read, 137u);
  EXPECT_EQ(r.imported, 137u);
  return db;
}

TEST(RealData, Imports137CommunesWithCodesAndNfcNames) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  const auto dir = test::scratch_dir("io_real_import");
  double seconds = 0;
  auto db = import_real(dir, &seconds);
  std::printf("[ perf ] import of 137 real communes: %.3f s\n", seconds);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes"), 137);
  EXPECT_EQ(db.query_int("SELECT count(DISTINCT code) FROM communes"), 137);
  EXPECT_EQ(db.query_text("SELECT name FROM communes WHERE code = '02647'"), "Lào Cai");
  EXPECT_EQ(db.query_text("SELECT kind FROM communes WHERE code = '02647'"), "phuong");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes WHERE kind = 'phuong'"), 12);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes WHERE length(code) = 5"), 137);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes WHERE ST_IsValid(geom)"), 137);
  EXPECT_EQ(db.query_int("SELECT sum(ST_NPoints(geom)) > 400000 FROM communes"), 1);
  auto st = db.prepare("SELECT name, full_name, province_name FROM communes");
  while (st.step())
    for (int c = 0; c < 3; ++c) EXPECT_TRUE(text::is_nfc(st.column_text(c))) << st.column_text(c);
}

std::string commune_rows(store::Database& db) {
  std::string out;
  auto st = db.prepare(
      "SELECT code, name, full_name, name_en, kind, province_code, province_name, area_km2, "
      "hex(AsBinary(geom)) FROM communes ORDER BY code");
  while (st.step()) {
    for (int c = 0; c < st.column_count(); ++c)
      out += (st.is_null(c) ? "NULL" : st.column_text(c)) + "|";
    out += "\n";
  }
  return out;
}

TEST(RealData, ExportThenReimportGivesSameRows) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  const auto dir = test::scratch_dir("io_real_roundtrip");
  auto db = import_real(dir);
  const std::string expected = commune_rows(db);
  for (const char* ext : {".geojson", ".gpkg"}) {
    const fs::path out = dir / (std::string("communes") + ext);
    EXPECT_EQ(export_layer(db, "communes", out).written, 137u);
    auto db2 = store::Database::open(dir / (std::string("re") + ext + ".sqlite"),
                                     store::Database::Mode::CreateIfMissing);
    ImportOptions o;
    o.layer = "communes";
    o.file = out;
    EXPECT_EQ(import_file(db2, o).imported, 137u);
    EXPECT_EQ(commune_rows(db2), expected) << ext;
  }
}

// Random incidents over the communes' bbox plus points exactly on commune vertices: our
// assignment must equal SpatiaLite's ST_Within for every one, and on a boundary the lowest-id
// commune that ST_Intersects the point.
TEST(RealData, CommuneAssignmentEqualsSpatialiteStWithin) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  const auto dir = test::scratch_dir("io_real_pip");
  auto db = import_real(dir);
  std::mt19937_64 rng(20250701);
  std::uniform_real_distribution<double> lon(102.32, 105.11), lat(21.32, 22.85);
  std::string csv = "case_number,lon,lat,category,occurred_at\n";
  char line[160];
  int n = 0;
  for (; n < 5000; ++n) {
    std::snprintf(line, sizeof line, "R%d,%.17g,%.17g,NS-01,2024-01-01\n", n, lon(rng), lat(rng));
    csv += line;
  }
  // Vertices of a few communes: on a boundary, so ST_Within holds for none of them.
  auto st = db.prepare("SELECT AsBinary(geom) FROM communes ORDER BY code LIMIT 10");
  while (st.step()) {
    const auto g = geo::from_wkb(st.column_blob(0));
    const auto& ring = g.polygons.at(0).rings.at(0);
    for (size_t i = 0; i < ring.size(); i += ring.size() / 20 + 1) {
      std::snprintf(line, sizeof line, "V%d,%.17g,%.17g,NS-01,2024-01-01\n", n++, ring[i].x,
                    ring[i].y);
      csv += line;
    }
  }
  write_file(dir / "random.csv", csv);
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "random.csv";
  o.accept_outside = true;  // this test is about which commune a point gets, not the rules
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.imported, static_cast<size_t>(n));
  EXPECT_GT(r.outside, 100u);  // the bbox reaches into China and Laos
  auto cmp = db.prepare(
      "SELECT i.case_number, X(i.geom), Y(i.geom), coalesce(i.commune_code, '-'), "
      "  coalesce((SELECT c.code FROM communes c WHERE c.valid_to IS NULL AND "
      "    c.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'communes' AND "
      "                search_frame = i.geom) AND ST_Within(i.geom, c.geom) "
      // A few source polygons overlap (about 11 km² in all); there the rule is the lowest id.
      "    ORDER BY c.id LIMIT 1), "
      // On a boundary (the vertices below) ST_Within holds for none: the rule is the lowest id
      // of the communes the point touches.
      "  (SELECT c.code FROM communes c WHERE c.valid_to IS NULL AND "
      "    c.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'communes' AND "
      "                search_frame = i.geom) AND ST_Intersects(i.geom, c.geom) "
      "    ORDER BY c.id LIMIT 1), '-'), "
      "  i.outside_communes FROM incidents i");
  int checked = 0, mismatches = 0;
  while (cmp.step()) {
    ++checked;
    const std::string ours = cmp.column_text(3), theirs = cmp.column_text(4);
    EXPECT_EQ(cmp.column_int(5), ours == "-" ? 1 : 0);
    if (ours != theirs && ++mismatches <= 10)
      ADD_FAILURE() << cmp.column_text(0) << " at " << cmp.column_text(1) << " "
                    << cmp.column_text(2) << ": ours " << ours << ", ST_Within " << theirs;
  }
  EXPECT_EQ(checked, n);
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace secmap::io

namespace secmap::io {
namespace {

// Where two source communes overlap, ST_Within matches both; the importer's rule is the lowest
// commune id, which is also the first row of ST_Within ordered by id.
TEST(RealData, PointsInOverlappingCommunesGetTheLowestId) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  const auto dir = test::scratch_dir("io_real_overlap");
  auto db = import_real(dir);
  auto pairs = db.prepare(
      "SELECT X(p), Y(p) FROM (SELECT ST_PointOnSurface(ST_Intersection(a.geom, b.geom)) AS p "
      "FROM communes a JOIN communes b ON a.id < b.id AND b.ROWID IN (SELECT ROWID FROM "
      "SpatialIndex WHERE f_table_name = 'communes' AND search_frame = a.geom) "
      "WHERE ST_Overlaps(a.geom, b.geom) AND ST_Area(ST_Intersection(a.geom, b.geom)) > 1e-9) "
      "WHERE p IS NOT NULL");
  std::string csv = "case_number,lon,lat,category,occurred_at\n";
  int n = 0;
  while (pairs.step()) {
    csv += "O" + std::to_string(n++) + "," + pairs.column_text(0) + "," + pairs.column_text(1) +
           ",NS-01,2024-01-01\n";
  }
  ASSERT_GT(n, 0) << "the real communes are expected to overlap in a few places";
  write_file(dir / "overlap.csv", csv);
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "overlap.csv";
  o.accept_outside = true;
  EXPECT_EQ(import_file(db, o).imported, static_cast<size_t>(n));
  auto cmp = db.prepare(
      "SELECT i.case_number, coalesce(i.commune_code, '-'), "
      "  (SELECT count(*) FROM communes c WHERE ST_Within(i.geom, c.geom)), "
      "  coalesce((SELECT c.code FROM communes c WHERE ST_Within(i.geom, c.geom) "
      "    ORDER BY c.id LIMIT 1), '-') FROM incidents i");
  int in_two = 0;
  while (cmp.step()) {
    in_two += cmp.column_int(2) >= 2;
    EXPECT_EQ(cmp.column_text(1), cmp.column_text(3)) << cmp.column_text(0);
  }
  EXPECT_GT(in_two, 0);
}

}  // namespace
}  // namespace secmap::io
