// Successful imports: field mapping, NFC text, repair, reprojection, commune assignment.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "geo/crs.h"
#include "io/field_mapping.h"
#include "io/gdal_source.h"
#include "io_test_util.h"
#include "text/unicode.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

fs::path scratch() {
  return test::scratch_dir(std::string("import_") +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
}

TEST(Import, SeedCommunesMapsKindAndDefaults) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes"), 3);
  EXPECT_EQ(db.query_text("SELECT kind FROM communes WHERE code = '00001'"), "xa");
  EXPECT_EQ(db.query_text("SELECT valid_from FROM communes WHERE code = '00001'"), "2025-07-01");
  EXPECT_EQ(db.query_text("SELECT GeometryType(geom) FROM communes LIMIT 1"), "MULTIPOLYGON");
  EXPECT_EQ(db.query_text("SELECT source FROM communes LIMIT 1"), "seed_communes.geojson");
}

TEST(Import, NfdTextIsStoredAsNfc) {
  const auto dir = scratch();
  auto db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
  // "Lào Cai" with combining grave accent (NFD).
  const std::string nfd = "La\xcc\x80o Cai";
  ASSERT_FALSE(text::is_nfc(nfd));
  write_file(dir / "nfd.geojson", feature_collection({square_feature("09999", nfd, 104, 22)}));
  ImportOptions o;
  o.layer = "communes";
  o.file = dir / "nfd.geojson";
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.imported, 1u);
  const auto name = db.query_text("SELECT name FROM communes");
  ASSERT_TRUE(name);
  EXPECT_EQ(*name, "L\xc3\xa0o Cai");
  EXPECT_TRUE(text::is_nfc(*name));
}

TEST(Import, BowtieIsRepairedAndCounted) {
  const auto dir = scratch();
  auto db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
  write_file(
      dir / "bowtie.geojson",
      feature_collection(
          {square_feature("00001", "Xã Tốt", 104.5, 22.5),
           R"({"type":"Feature","properties":{"code":"00002","name":"Xã Nơ"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22.1],[104.1,22],[104,22.1],[104,22]]]}})"}));
  ImportOptions o;
  o.layer = "communes";
  o.file = dir / "bowtie.geojson";
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.imported, 2u);
  EXPECT_EQ(r.repaired, 1u);
  ASSERT_EQ(r.notes.size(), 1u);
  EXPECT_NE(r.notes[0].find("feature 2"), std::string::npos) << r.notes[0];
  EXPECT_EQ(db.query_int("SELECT count(*) FROM communes WHERE ST_IsValid(geom)"), 2);
  EXPECT_EQ(db.query_int("SELECT ST_NumGeometries(geom) FROM communes WHERE code='00002'"), 2);
}

TEST(Import, MapOptionAndAliases) {
  const auto dir = scratch();
  auto db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
  write_file(
      dir / "alias.geojson",
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
      R"({"ma":"00100","ten":"Xã Bí Danh","DanSo":"1200","bien_gioi":"có"},)"
      R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}}]})");
  ImportOptions o;
  o.layer = "communes";
  o.file = dir / "alias.geojson";
  o.map = {{"population", "DanSo"}, {"is_border", "bien_gioi"}};
  import_file(db, o);
  EXPECT_EQ(db.query_text("SELECT code || '|' || name FROM communes"), "00100|Xã Bí Danh");
  EXPECT_EQ(db.query_int("SELECT population FROM communes"), 1200);
  EXPECT_EQ(db.query_int("SELECT is_border FROM communes"), 1);
}

TEST(Import, IncidentsGetCommuneOrOutsideFlag) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  write_file(dir / "inc.csv",
             "case_number,kinh_do,vi_do,category,occurred_at,cross_border\n"
             "A1,104.05,22.05,NS-01,2024-01-02T10:00:00,0\n"
             "A2,104.15,22.05,ns-01,2024-01-02 10:00,không\n"
             "A3,105.5,22.05,NS-01,2024-01-03,có\n");
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "inc.csv";
  o.accept_outside = true;  // A3 lies east of the three communes
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.imported, 3u);
  EXPECT_EQ(r.outside, 1u);
  EXPECT_EQ(r.source_crs, "EPSG:4326");
  auto st = db.prepare(
      "SELECT case_number, commune_code, outside_communes, category, occurred_at, cross_border "
      "FROM incidents ORDER BY case_number");
  std::vector<std::string> got;
  while (st.step())
    got.push_back(st.column_text(0) + "|" + (st.is_null(1) ? "-" : st.column_text(1)) + "|" +
                  st.column_text(2) + "|" + st.column_text(3) + "|" + st.column_text(4) + "|" +
                  st.column_text(5));
  EXPECT_EQ(got, (std::vector<std::string>{"A1|00001|0|NS-01|2024-01-02T10:00:00|0",
                                           "A2|00002|0|NS-01|2024-01-02T10:00|0",
                                           "A3|-|1|NS-01|2024-01-03|1"}));
}

// A point exactly on the edge two communes share is inside the province (the rules let it in
// without --accept-outside), so it must get a commune, not the outside flag.
TEST(Import, IncidentOnASharedEdgeGetsACommune) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  write_file(dir / "edge.csv",
             "case_number,lon,lat,category,occurred_at\n"
             "E1,104.1,22.05,NS-01,2024-01-02\n"    // edge of 00001 and 00002
             "E2,104.25,22.0,NS-01,2024-01-02\n");  // the province outline, on 00003
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "edge.csv";
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.imported, 2u);
  EXPECT_EQ(r.outside, 0u);
  EXPECT_EQ(db.query_text("SELECT commune_code FROM incidents WHERE case_number = 'E1'"), "00001");
  EXPECT_EQ(db.query_text("SELECT commune_code FROM incidents WHERE case_number = 'E2'"), "00003");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM incidents WHERE outside_communes = 1"), 0);
}

TEST(Import, ProgressIsReported) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  std::string csv = "case_number,lon,lat,category,occurred_at\n";
  for (int i = 0; i < 50; ++i) csv += "P" + std::to_string(i) + ",104.05,22.05,NS-01,2024-01-01\n";
  write_file(dir / "p.csv", csv);
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "p.csv";
  size_t calls = 0, last = 0;
  o.progress = [&](size_t done, size_t) { ++calls, last = done; };
  import_file(db, o);
  EXPECT_GE(calls, 50u);
  EXPECT_GE(last, 50u);
}

// Check value of DESIGN.md: 104.108E 22.640N ↔ EPSG:9208 E 433817.300 N 2504669.393.
TEST(Import, CsvInVn2000Tm3IsReprojected) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  write_file(dir / "vn2000.csv",
             "case_number,x,y,category,occurred_at\nV1,433817.300,2504669.393,NS-01,2024-05-01\n");
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "vn2000.csv";
  o.crs = "EPSG:9208";
  o.accept_outside = true;
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.source_crs, "EPSG:9208");
  auto st = db.prepare("SELECT X(geom), Y(geom) FROM incidents");
  ASSERT_TRUE(st.step());
  EXPECT_NEAR(st.column_double(0), 104.108, 1e-7);
  EXPECT_NEAR(st.column_double(1), 22.640, 1e-7);
}

TEST(Import, CsvInUtm48nIsReprojected) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  const geo::Point utm = geo::Transform("EPSG:4326", "EPSG:32648").apply({104.108, 22.640});
  char line[200];
  std::snprintf(line, sizeof line, "U1,%.4f,%.4f,NS-01,2024-05-01\n", utm.x, utm.y);
  write_file(dir / "utm.csv",
             std::string("case_number,easting,northing,category,occurred_at\n") + line);
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "utm.csv";
  o.crs = "EPSG:32648";
  o.accept_outside = true;
  import_file(db, o);
  auto st = db.prepare("SELECT X(geom), Y(geom) FROM incidents");
  ASSERT_TRUE(st.step());
  EXPECT_NEAR(st.column_double(0), 104.108, 1e-7);
  EXPECT_NEAR(st.column_double(1), 22.640, 1e-7);
}

// A GeoPackage in VN-2000 / TM-3 carries its CRS: no --crs needed.
TEST(Import, GeoPackageWithProjectedCrs) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  ensure_gdal_registered();
  const fs::path gpkg = dir / "crossings.gpkg";
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(drv->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(9208);
    OGRLayer* l = ds->CreateLayer("cua_khau", &srs, wkbPoint, nullptr);
    for (const char* n : {"name", "kind"}) {
      OGRFieldDefn f(n, OFTString);
      l->CreateField(&f);
    }
    OGRFeature feat(l->GetLayerDefn());
    feat.SetField(0, "Cửa khẩu Lào Cai");
    feat.SetField(1, "cửa khẩu quốc tế");
    OGRPoint pt(433817.300, 2504669.393);
    feat.SetGeometry(&pt);
    ASSERT_EQ(l->CreateFeature(&feat), OGRERR_NONE);
  }
  ImportOptions o;
  o.layer = "crossings";
  o.file = gpkg;
  const ImportReport r = import_file(db, o);
  EXPECT_EQ(r.source_crs, "EPSG:9208");
  EXPECT_EQ(db.query_text("SELECT kind FROM crossings"), "international_gate");
  EXPECT_EQ(db.query_text("SELECT status FROM crossings"), "open");
  auto st = db.prepare("SELECT X(geom), Y(geom) FROM crossings");
  ASSERT_TRUE(st.step());
  EXPECT_NEAR(st.column_double(0), 104.108, 1e-7);
  EXPECT_NEAR(st.column_double(1), 22.640, 1e-7);
}

TEST(Import, NonSpatialLayerFromCsv) {
  const auto dir = scratch();
  auto db = seeded_db(dir);
  write_file(dir / "cs.csv",
             "commune_code,period_from,drug_free,antt_standard\n00001,2025-01-01,drug_free,meets\n"
             "00002,2025-01-01,không ma túy,\n");
  ImportOptions o;
  o.layer = "commune_status";
  o.file = dir / "cs.csv";
  EXPECT_EQ(import_file(db, o).imported, 2u);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM commune_status WHERE drug_free = 'drug_free'"), 2);
}

TEST(ValueParsing, DatesAndBooleans) {
  std::string out;
  EXPECT_TRUE(parse_date("2024-02-29", out));
  EXPECT_FALSE(parse_date("2023-02-29", out));
  EXPECT_FALSE(parse_date("2023-2-1", out));
  EXPECT_FALSE(parse_date("01/02/2023", out));
  // Times with a zone are stored as local time in Vietnam (UTC+7), the zone dropped.
  EXPECT_TRUE(parse_datetime("2024-01-02T03:04:05Z", out));
  EXPECT_EQ(out, "2024-01-02T10:04:05");
  EXPECT_TRUE(parse_datetime("2024-01-02 03:04:05.123+07:00", out));
  EXPECT_EQ(out, "2024-01-02T03:04:05.123");
  EXPECT_TRUE(parse_datetime("2024-12-31T20:30-05:00", out));
  EXPECT_EQ(out, "2025-01-01T08:30:00");
  EXPECT_TRUE(parse_datetime("2024-03-01T01:00:00+0900", out));
  EXPECT_EQ(out, "2024-02-29T23:00:00");
  EXPECT_TRUE(parse_datetime("2024-01-02 03:04", out));
  EXPECT_EQ(out, "2024-01-02T03:04");  // no zone: already local
  EXPECT_FALSE(parse_datetime("2024-01-02T25:00", out));
  EXPECT_FALSE(parse_datetime("2024-01-02Tabc", out));
  EXPECT_EQ(parse_bool("Có"), true);
  EXPECT_EQ(parse_bool("không"), false);
  EXPECT_EQ(parse_bool("TRUE"), true);
  EXPECT_EQ(parse_bool("maybe"), std::nullopt);
}

}  // namespace
}  // namespace secmap::io
