// export_layer writes every format the extension names; GDAL reopens each with the same count.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include "io/gdal_source.h"
#include "io_test_util.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

GIntBig reopen_count(const fs::path& p, const char* layer = nullptr) {
  ensure_gdal_registered();
  GDALDatasetUniquePtr ds(GDALDataset::Open(p.c_str(), GDAL_OF_VECTOR));
  if (!ds) return -1;
  OGRLayer* l = layer ? ds->GetLayerByName(layer) : ds->GetLayer(0);
  return l ? l->GetFeatureCount(TRUE) : -1;
}

class Export : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(std::string("export_") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_.emplace(seeded_db(dir_));
    write_file(dir_ / "inc.csv",
               "case_number,lon,lat,category,occurred_at,description\n"
               "A1,104.05,22.05,NS-01,2024-01-02,Vụ một\nA2,104.15,22.05,NS-01,2024-01-03,\n");
    ImportOptions o;
    o.layer = "incidents";
    o.file = dir_ / "inc.csv";
    import_file(*db_, o);
  }
  fs::path dir_;
  std::optional<store::Database> db_;
};

// Individual incidents are sensitive: an export writes them only when asked.
const ExportOptions kInternal{.include_sensitive = true};

TEST_F(Export, IndividualIncidentsNeedIncludeSensitive) {
  const ExportReport r = export_layer(*db_, "incidents", dir_ / "public.geojson");
  EXPECT_EQ(r.written, 0u);
  EXPECT_EQ(r.withheld, 2u);
  EXPECT_EQ(reopen_count(dir_ / "public.geojson"), 0);
}

TEST_F(Export, EveryFormatReopensWithSameCount) {
  for (const char* ext : {".geojson", ".gpkg", ".shp", ".kml", ".csv"}) {
    const fs::path p = dir_ / (std::string("communes") + ext);
    EXPECT_EQ(export_layer(*db_, "communes", p).written, 3u) << ext;
    EXPECT_EQ(reopen_count(p), 3) << ext;
    const fs::path q = dir_ / (std::string("incidents") + ext);
    EXPECT_EQ(export_layer(*db_, "incidents", q, kInternal).written, 2u) << ext;
    EXPECT_EQ(reopen_count(q), 2) << ext;
  }
  const fs::path gpx = dir_ / "incidents.gpx";
  EXPECT_EQ(export_layer(*db_, "incidents", gpx, kInternal).written, 2u);
  EXPECT_EQ(reopen_count(gpx, "waypoints"), 2);
}

TEST_F(Export, ReimportFromShapefileAndCsv) {
  for (const char* ext : {".shp", ".csv"}) {
    const fs::path p = dir_ / (std::string("inc_out") + ext);
    export_layer(*db_, "incidents", p, kInternal);
    auto db2 = store::Database::open(dir_ / (std::string("re") + ext + ".sqlite"),
                                     store::Database::Mode::CreateIfMissing);
    ImportOptions o;
    o.layer = "incidents";
    o.file = p;
    EXPECT_EQ(import_file(db2, o).imported, 2u) << ext;
    EXPECT_EQ(db2.query_text("SELECT description FROM incidents WHERE case_number = 'A1'"),
              "Vụ một");
    EXPECT_EQ(db2.query_text("SELECT printf('%.6f %.6f', X(geom), Y(geom)) FROM incidents "
                             "WHERE case_number = 'A2'"),
              "104.150000 22.050000");
  }
}

TEST_F(Export, RejectsUnknownExtensionAndPolygonsAsGpx) {
  EXPECT_THROW(export_layer(*db_, "communes", dir_ / "x.docx"), ImportError);
  EXPECT_THROW(export_layer(*db_, "communes", dir_ / "x.gpx"), ImportError);
  EXPECT_THROW(export_layer(*db_, "nolayer", dir_ / "x.geojson"), ImportError);
}

}  // namespace
}  // namespace secmap::io
