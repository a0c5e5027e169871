// Values a lenient reader would have changed without a word: coordinates that do not parse
// (GDAL makes them 0), numbers with a thousands separator, numbers past 64 bits, NaN, text with
// a NUL. Each is refused with the feature or row named, and the database stays as it was.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <cmath>

#include "io/gdal_source.h"
#include "io/route_file.h"
#include "io_test_util.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

class GarbageValues : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_.emplace(seeded_db(dir_));
    before_ = dump_tables(*db_);
  }
  void expect_rejected(const std::string& layer, const std::string& file_name,
                       const std::string& content, std::initializer_list<const char*> needles) {
    ImportOptions o;
    o.layer = layer;
    o.file = dir_ / file_name;
    write_file(o.file, content);
    try {
      const auto r = import_file(*db_, o);
      ADD_FAILURE() << file_name << " was imported (" << r.imported << " rows)";
    } catch (const ImportError& e) {
      for (const char* n : needles)
        EXPECT_NE(std::string(e.what()).find(n), std::string::npos)
            << "message: " << e.what() << "\nexpected to contain: " << n;
    }
    EXPECT_EQ(dump_tables(*db_), before_) << "a refused import changed the database";
  }
  fs::path dir_;
  std::optional<store::Database> db_;
  std::string before_;
};

std::string gpx(const std::string& points) {
  return R"(<?xml version="1.0"?><gpx version="1.1" creator="t" )"
         R"(xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Tuần tra A</name><trkseg>)" +
         points + "</trkseg></trk></gpx>\n";
}

std::string kml(const std::string& coordinates) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">)"
         R"(<Document><Placemark><name>Đường mòn</name><LineString><coordinates>)" +
         coordinates + "</coordinates></LineString></Placemark></Document></kml>\n";
}

std::string line_feature(const std::string& coordinates) {
  return R"({"type":"Feature","properties":{"name":"Tuyến 1","mode":"foot"},)"
         R"("geometry":{"type":"LineString","coordinates":)" +
         coordinates + "}}";
}

TEST_F(GarbageValues, GpxCoordinatesThatDoNotParseAreNotZero) {
  expect_rejected(
      "patrols", "abc.gpx", gpx(R"(<trkpt lat="22.4" lon="104.0"/><trkpt lat="abc" lon="104.1"/>)"),
      {"abc.gpx", "line 1", "track 1 ('Tuần tra A')", "latitude 'abc' is not a number"});
  expect_rejected("patrols", "nolon.gpx", gpx(R"(<trkpt lat="22.4"/><trkpt lat="22.5" lon="1"/>)"),
                  {"trkpt has no lon"});
  expect_rejected("patrols", "range.gpx",
                  gpx(R"(<trkpt lat="22.4" lon="104.0"/><trkpt lat="22.5" lon="404.1"/>)"),
                  {"longitude 404.1 is not in -180…180"});
  // The same files through the patrol planner's route reader.
  for (const char* f : {"abc.gpx", "nolon.gpx"}) {
    try {
      read_routes(dir_ / f);
      ADD_FAILURE() << f << " was read";
    } catch (const RouteFileError& e) {
      EXPECT_NE(std::string(e.what()).find("track 1"), std::string::npos) << e.what();
    }
  }
}

TEST_F(GarbageValues, KmlTuplesThatDoNotParseAreRefused) {
  expect_rejected("patrols", "tuples.kml", kml("104.0,22.4 1,2,3,4,5 ,,,, a,b"),
                  {"tuples.kml", "placemark 1 ('Đường mòn')", "coordinate 2 '1,2,3,4,5,",
                   "not lon,lat or lon,lat,altitude"});
  expect_rejected("patrols", "letters.kml", kml("104.0,22.4\n a,b"),
                  {"coordinate 2 'a,b'", "longitude 'a' is not a number"});
  expect_rejected("patrols", "altitude.kml", kml("104.0,22.4,0 104.1,22.5,high"),
                  {"altitude 'high' is not a number"});
}

TEST_F(GarbageValues, KmlAsWrittenByOrdinaryToolsStillImports) {
  // Spaces after commas, altitudes, several lines: all valid lon,lat tuples.
  ImportOptions o;
  o.layer = "patrols";
  o.file = dir_ / "ok.kml";
  write_file(o.file, kml("\n  104.0, 22.4,0\n\t104.05,22.45 ,0  104.1,22.5\n"));
  const auto r = import_file(*db_, o);
  EXPECT_EQ(r.imported, 1u);
  auto st = db_->prepare(
      "SELECT NumPoints(geom), X(EndPoint(geom)), Y(EndPoint(geom)) FROM "
      "patrols ORDER BY id DESC LIMIT 1");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 3);
  EXPECT_DOUBLE_EQ(st.column_double(1), 104.1);
  EXPECT_DOUBLE_EQ(st.column_double(2), 22.5);
}

TEST_F(GarbageValues, JsonNumbersThatAreNotNumbersAreRefused) {
  expect_rejected("patrols", "half.geojson",
                  feature_collection({line_feature("[[104.0,22.4],[104.1,22.5e]]")}),
                  {"half.geojson", "not valid JSON at byte"});
  expect_rejected("patrols", "text.geojson",
                  feature_collection({line_feature("[[104.0,22.4],[104.1,22.5]]"),
                                      line_feature(R"([[104.0,22.4],[104.1,"22.5"]])")}),
                  {"feature 2", R"(coordinate '"22.5"' is not a number)"});
  expect_rejected("patrols", "null.geojson",
                  feature_collection({line_feature("[[104.0,22.4],[104.1,null]]")}),
                  {"feature 1", "coordinate 'null' is not a number"});
  expect_rejected("patrols", "nan.geojson",
                  feature_collection({line_feature("[[104.0,22.4],[104.1,NaN]]")}),
                  {"not valid JSON"});
}

TEST_F(GarbageValues, ThousandsSeparatorsAreNotGuessed) {
  const std::string square = R"("geometry":{"type":"Polygon","coordinates":)"
                             R"([[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}})";
  for (const char* population : {"12.000", "1.234.567", "1,500"}) {
    expect_rejected("communes", "pop.geojson",
                    feature_collection({std::string(R"({"type":"Feature","properties":)") +
                                        R"({"code":"00070","name":"Xã Đông","population":")" +
                                        population + "\"}," + square}),
                    {"feature 1", "population", population, "ambiguous"});
  }
  // "12.0" is a spreadsheet's integer and means 12.
  ImportOptions o;
  o.layer = "communes";
  o.file = dir_ / "pop_ok.geojson";
  write_file(o.file, feature_collection(
                         {std::string(R"({"type":"Feature","properties":)") +
                          R"({"code":"00071","name":"Xã Tây","population":"12.0"},)" + square}));
  EXPECT_EQ(import_file(*db_, o).imported, 1u);
  EXPECT_EQ(db_->query_int("SELECT population FROM communes WHERE code = '00071'"), 12);
}

TEST_F(GarbageValues, NumbersPast64BitsAreRefusedNotClamped) {
  const std::string square = R"("geometry":{"type":"Polygon","coordinates":)"
                             R"([[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}})";
  expect_rejected("communes", "big.geojson",
                  feature_collection({std::string(R"({"type":"Feature","properties":)") +
                                      R"({"code":"00072","name":"Xã Lớn",)"
                                      R"("population":9223372036854775808},)" +
                                      square}),
                  {"feature 1", "9223372036854775808", "past the 64-bit range"});
  expect_rejected("communes", "bigger.geojson",
                  feature_collection({std::string(R"({"type":"Feature","properties":)") +
                                      R"({"code":"00072","name":"Xã Lớn",)"
                                      R"("population":99999999999999999999999},)" +
                                      square}),
                  {"feature 1", "past the 64-bit range"});
  expect_rejected("communes", "big_text.geojson",
                  feature_collection({std::string(R"({"type":"Feature","properties":)") +
                                      R"({"code":"00073","name":"Xã Lớn",)"
                                      R"("population":"99999999999999999999"},)" +
                                      square}),
                  {"feature 1", "population", "not an integer"});
}

TEST_F(GarbageValues, TextWithANulIsNotCutShort) {
  expect_rejected("incidents", "nul.csv",
                  std::string("case_number,lon,lat,category,occurred_at,description\n") +
                      "A1,104.05,22.05,NS-01,2024-01-02,ok\n" +
                      std::string("A2,104.05,22.05,NS-01,2024-01-02,cut ") + '\0' + " here\n",
                  {"nul.csv", "line 3", "NUL"});
  expect_rejected(
      "incidents", "nul.geojson",
      feature_collection({R"({"type":"Feature","properties":{"case_number":"A3",)"
                          R"("category":"NS-01","occurred_at":"2024-01-02",)"
                          R"("description":"cut \u0000 here"},)"
                          R"("geometry":{"type":"Point","coordinates":[104.05,22.05]}})"}),
      {"nul.geojson", "feature 1", "NUL"});
}

TEST_F(GarbageValues, NotANumberIsNotStoredAsEmpty) {
  // A shapefile's DBF holds "nan" in a numeric column; SQLite would store NaN as NULL.
  ensure_gdal_registered();
  const fs::path shp = dir_ / "nan.shp";
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create(shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* l = ds->CreateLayer("communes", &wgs84, wkbPolygon, nullptr);
    for (auto [n, t] : {std::pair{"code", OFTString}, {"name", OFTString}, {"area_km2", OFTReal}}) {
      OGRFieldDefn f(n, t);
      l->CreateField(&f);
    }
    OGRFeature feat(l->GetLayerDefn());
    feat.SetField("code", "00074");
    feat.SetField("name", "Xã Trống");
    feat.SetField("area_km2", std::nan(""));
    OGRGeometry* g = nullptr;
    OGRGeometryFactory::createFromWkt("POLYGON((104 22,104.1 22,104.1 22.1,104 22))", nullptr, &g);
    feat.SetGeometryDirectly(g);
    ASSERT_EQ(l->CreateFeature(&feat), OGRERR_NONE);
  }
  ImportOptions o;
  o.layer = "communes";
  o.file = shp;
  try {
    import_file(*db_, o);
    ADD_FAILURE() << "NaN was imported";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("area_km2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a finite number"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dump_tables(*db_), before_);
}

}  // namespace
}  // namespace secmap::io
