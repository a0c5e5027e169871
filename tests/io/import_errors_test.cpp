// Every bad input is rejected with a message naming the problem and leaves every table exactly
// as it was.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "io/gdal_source.h"
#include "io_test_util.h"
#include "text/unicode.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

class ImportErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_.emplace(seeded_db(dir_));
    before_ = dump_tables(*db_);
  }
  // Imports and expects an ImportError whose message contains every `needles` entry.
  void expect_rejected(ImportOptions opt, std::initializer_list<const char*> needles) {
    try {
      import_file(*db_, opt);
      ADD_FAILURE() << "import of " << opt.file << " succeeded";
    } catch (const ImportError& e) {
      for (const char* n : needles)
        EXPECT_NE(std::string(e.what()).find(n), std::string::npos)
            << "message: " << e.what() << "\nexpected to contain: " << n;
    }
    EXPECT_EQ(dump_tables(*db_), before_) << "a failed import changed the database";
  }
  ImportOptions opts(const std::string& layer, const std::string& file_name,
                     const std::string& content) {
    ImportOptions o;
    o.layer = layer;
    o.file = dir_ / file_name;
    write_file(o.file, content);
    return o;
  }
  fs::path dir_;
  std::optional<store::Database> db_;
  std::string before_;
};

const char* kIncidentHeader = "case_number,lon,lat,category,occurred_at,description\n";

TEST_F(ImportErrors, MissingFile) {
  ImportOptions o;
  o.layer = "communes";
  o.file = dir_ / "nope.geojson";
  expect_rejected(o, {"nope.geojson", "not found"});
}

TEST_F(ImportErrors, UnknownLayer) {
  auto o = opts("nonsense", "a.geojson", feature_collection({}));
  expect_rejected(o, {"unknown layer", "nonsense"});
}

TEST_F(ImportErrors, UnknownFormat) {
  auto o = opts("communes", "data.xyz", std::string("\x01\x02garbage\xff not a format", 24));
  expect_rejected(o, {"data.xyz", "unknown format"});
}

TEST_F(ImportErrors, CsvXYWithoutCrs) {
  auto o = opts("incidents", "xy.csv",
                "case_number,x,y,category,occurred_at\nA1,433817.3,2504669.393,NS-01,2024-01-02\n");
  expect_rejected(o, {"xy.csv", "no CRS", "--crs"});
}

TEST_F(ImportErrors, ShapefileWithoutPrj) {
  ensure_gdal_registered();
  const fs::path shp = dir_ / "noprj.shp";
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    GDALDatasetUniquePtr ds(drv->Create(shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* l = ds->CreateLayer("noprj", nullptr, wkbPoint, nullptr);
    for (const char* n : {"category", "occurred_a"}) {
      OGRFieldDefn f(n, OFTString);
      l->CreateField(&f);
    }
    OGRFeature feat(l->GetLayerDefn());
    feat.SetField(0, "NS-01");
    feat.SetField(1, "2024-01-01");
    OGRPoint pt(433817.3, 2504669.393);
    feat.SetGeometry(&pt);
    ASSERT_EQ(l->CreateFeature(&feat), OGRERR_NONE);
  }
  ImportOptions o;
  o.layer = "incidents";
  o.file = shp;
  o.map = {{"occurred_at", "occurred_a"}};
  expect_rejected(o, {"noprj.shp", "no CRS"});
}

TEST_F(ImportErrors, SwappedAxes) {
  auto o = opts("incidents", "swapped.csv",
                std::string(kIncidentHeader) + "A1,22.64,104.108,NS-01,2024-01-02,\n" +
                    "A2,22.65,104.109,NS-01,2024-01-03,\n");
  expect_rejected(o, {"lat/lon swapped", "row 1", "x=22.64", "y=104.108"});
}

TEST_F(ImportErrors, CoordinateOutOfRange) {
  auto o = opts("incidents", "range.csv",
                std::string(kIncidentHeader) + "A1,104.1,22.6,NS-01,2024-01-02,\n" +
                    "A2,204.1,22.6,NS-01,2024-01-02,\n");
  expect_rejected(o, {"row 2", "outside the valid lon/lat range"});
}

TEST_F(ImportErrors, UnrepairableGeometry) {
  // A polygon whose vertices are collinear: MakeValid leaves only a line.
  auto o = opts(
      "communes", "flat.geojson",
      feature_collection(
          {square_feature("00010", "Xã Mười", 104.5, 22.5),
           R"({"type":"Feature","properties":{"code":"00011","name":"Xã Phẳng"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22],[104.2,22],[104,22]]]}})"}));
  expect_rejected(o, {"feature 2", "00011", "invalid geometry"});
}

TEST_F(ImportErrors, NullGeometry) {
  auto o = opts(
      "communes", "null.geojson",
      feature_collection(
          {square_feature("00010", "Xã Mười", 104.5, 22.5),
           R"({"type":"Feature","properties":{"code":"00012","name":"Xã Rỗng"},"geometry":null})"}));
  expect_rejected(o, {"feature 2", "00012", "no geometry"});
}

TEST_F(ImportErrors, EmptyGeometry) {
  auto o = opts(
      "communes", "empty.geojson",
      feature_collection({R"({"type":"Feature","properties":{"code":"00013","name":"Xã Rỗng"},)"
                          R"("geometry":{"type":"Polygon","coordinates":[]}})"}));
  expect_rejected(o, {"feature 1", "00013", "geometry"});
}

TEST_F(ImportErrors, WrongGeometryType) {
  auto o = opts(
      "communes", "points.geojson",
      feature_collection({R"({"type":"Feature","properties":{"code":"00014","name":"Xã Điểm"},)"
                          R"("geometry":{"type":"Point","coordinates":[104.1,22.1]}})"}));
  expect_rejected(o, {"feature 1", "Point", "MULTIPOLYGON"});
}

TEST_F(ImportErrors, DuplicateCodesInFile) {
  auto o = opts("communes", "dup.geojson",
                feature_collection({square_feature("00020", "Xã A", 104.5, 22.5),
                                    square_feature("00021", "Xã B", 104.6, 22.5),
                                    square_feature("00020", "Xã C", 104.7, 22.5)}));
  expect_rejected(o, {"feature 1", "feature 3", "code=00020", "valid_from=2025-07-01"});
}

TEST_F(ImportErrors, DuplicateCodeAgainstDatabase) {
  auto o = opts("communes", "dup_db.geojson",
                feature_collection({square_feature("00030", "Xã A", 104.5, 22.5),
                                    square_feature("00002", "Xã Hai mới", 104.6, 22.5)}));
  expect_rejected(o, {"feature 2", "code=00002", "already exists"});
}

TEST_F(ImportErrors, RequiredFieldMissing) {
  auto o = opts(
      "communes", "noname.geojson",
      feature_collection(
          {R"({"type":"Feature","properties":{"code":"00040"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}})"}));
  expect_rejected(o, {"required field 'name'", "--map"});
}

TEST_F(ImportErrors, CsvBadDateNamesRow) {
  auto o = opts("incidents", "bad_date.csv",
                std::string(kIncidentHeader) + "A1,104.05,22.05,NS-01,2024-01-02,\n" +
                    "A2,104.05,22.05,NS-01,2024-02-30,\n");
  expect_rejected(o, {"row 2", "line 3", "occurred_at", "2024-02-30"});
}

TEST_F(ImportErrors, CsvUnknownCategoryNamesRowAndAllowedCodes) {
  auto o = opts("incidents", "bad_cat.csv",
                std::string(kIncidentHeader) + "A1,104.05,22.05,NS-01,2024-01-02,\n" +
                    "A2,104.05,22.05,NS-01,2024-01-02,\n" + "A3,104.05,22.05,XX-99,2024-01-02,\n");
  expect_rejected(o, {"row 3", "category", "XX-99", "incident_categories", "NS-01"});
}

// GDAL gives up on a CSV field of 10 MB or more and reports the end of the file: the import
// must fail, not import the rows before it.
TEST_F(ImportErrors, CsvFieldOverGdalsLimitStopsTheImport) {
  std::string csv = kIncidentHeader;
  for (int r = 1; r <= 1000; ++r) {
    csv += "A" + std::to_string(r) + ",104.05,22.05,NS-01,2024-01-02,";
    if (r == 3) csv += std::string(11 * 1024 * 1024, 'x');
    csv += "\n";
  }
  auto o = opts("incidents", "huge_field.csv", csv);
  expect_rejected(o, {"huge_field.csv", "reading stopped after feature 2"});
}

TEST_F(ImportErrors, CsvDuplicateCaseNumber) {
  auto o = opts("incidents", "dup_case.csv",
                std::string(kIncidentHeader) + "A1,104.05,22.05,NS-01,2024-01-02,\n" +
                    "A1,104.05,22.05,NS-01,2024-01-02,\n");
  expect_rejected(o, {"row 2", "case_number", "A1 appears twice", "first at row 1"});
}

TEST_F(ImportErrors, InvalidUtf8NamesFeatureAndField) {
  auto o = opts("incidents", "bad_utf8.csv",
                std::string(kIncidentHeader) + "A1,104.05,22.05,NS-01,2024-01-02,ok\n" +
                    "A2,104.05,22.05,NS-01,2024-01-02,bad \xff\xfe text\n");
  expect_rejected(o, {"row 2", "description", "UTF-8"});
}

TEST_F(ImportErrors, BadBooleanAndInteger) {
  auto o = opts(
      "communes", "bad_int.geojson",
      feature_collection(
          {R"({"type":"Feature","properties":{"code":"00050","name":"Xã X","population":"nhiều"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}})"}));
  expect_rejected(o, {"feature 1", "population", "not an integer"});
}

TEST_F(ImportErrors, RowRefusedByDatabaseRollsBackEarlierRows) {
  // population -5 passes our type check but violates the table's CHECK: the first row was
  // already inserted when the second fails; the transaction must undo it.
  auto o = opts(
      "communes", "neg.geojson",
      feature_collection(
          {square_feature("00060", "Xã Tốt", 104.5, 22.5),
           R"({"type":"Feature","properties":{"code":"00061","name":"Xã Âm","population":-5},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104,22],[104.1,22],[104.1,22.1],[104,22]]]}})"}));
  expect_rejected(o, {"feature 2", "00061"});
}

TEST_F(ImportErrors, BadMapArguments) {
  auto o = opts("communes", "ok.geojson",
                feature_collection({square_feature("00070", "Xã", 104.5, 22.5)}));
  o.map = {{"nosuchfield", "code"}};
  expect_rejected(o, {"nosuchfield"});
  o.map = {{"name", "nosuchcolumn"}};
  expect_rejected(o, {"nosuchcolumn"});
}

TEST_F(ImportErrors, CsvWithoutCoordinates) {
  auto o =
      opts("incidents", "nocoords.csv", "case_number,category,occurred_at\nA1,NS-01,2024-01-01\n");
  expect_rejected(o, {"no geometry"});
}

}  // namespace
}  // namespace secmap::io
