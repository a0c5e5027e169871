// Route files: GPX written by us opens with GDAL's GPX driver and round-trips the geometry to
// 1e-6°; KML, GeoJSON and GeoPackage lines are read with their fields; bad files give errors
// that name the file.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "io/route_file.h"
#include "test_support.h"

namespace secmap::io {
namespace {

std::vector<RouteRecord> sample_routes() {
  return {
      {"Tuần tra đoạn Bát Xát – Y Tý",
       "Đồn Biên phòng Y Tý",
       "foot",
       "planned",
       "2025-04-01T07:00:00",
       "2025-04-01T15:00:00",
       {{103.612345, 22.712345}, {103.623456, 22.70111}, {103.641234, 22.698765}}},
      {"Motorbike loop",
       "Đồn Biên phòng Bản Vược",
       "motorbike",
       "done",
       "2025-03-10",
       "",
       {{103.9, 22.55}, {103.95, 22.52}}},
  };
}

TEST(RouteFile, GpxOpensWithGdalsGpxDriverAndRoundTrips) {
  const auto dir = secmap::test::scratch_dir("route_gpx");
  const auto file = dir / "routes.gpx";
  const auto routes = sample_routes();
  write_routes(file, routes);

  // GDAL's own GPX driver, only that driver.
  GDALAllRegister();
  const char* drivers[] = {"GPX", nullptr};
  std::unique_ptr<GDALDataset> ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR, drivers));
  ASSERT_TRUE(ds) << "the GPX driver opens " << file;
  OGRLayer* layer = ds->GetLayerByName("routes");
  ASSERT_TRUE(layer);
  ASSERT_EQ(layer->GetFeatureCount(), 2);
  layer->ResetReading();
  size_t k = 0;
  for (auto& f : *layer) {
    ASSERT_LT(k, routes.size());
    EXPECT_EQ(std::string(f->GetFieldAsString("name")), routes[k].name);
    const OGRLineString* ls = f->GetGeometryRef()->toLineString();
    ASSERT_EQ(size_t(ls->getNumPoints()), routes[k].line.size());
    for (int i = 0; i < ls->getNumPoints(); ++i) {
      EXPECT_NEAR(ls->getX(i), routes[k].line[size_t(i)].x, 1e-6);
      EXPECT_NEAR(ls->getY(i), routes[k].line[size_t(i)].y, 1e-6);
    }
    ++k;
  }
  ds.reset();
  // And our reader gets the fields back (mode from <type>, the rest from extensions).
  const auto back = read_routes(file);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].mode, "foot");
  EXPECT_EQ(back[0].unit, "Đồn Biên phòng Y Tý");
  EXPECT_EQ(back[1].state, "done");
  EXPECT_EQ(back[0].starts_at.substr(0, 10), "2025-04-01");
}

TEST(RouteFile, GeoJsonRoundTrip) {
  const auto file = secmap::test::scratch_dir("route_geojson") / "routes.geojson";
  const auto routes = sample_routes();
  write_routes(file, routes);
  const auto back = read_routes(file);
  ASSERT_EQ(back.size(), routes.size());
  for (size_t k = 0; k < routes.size(); ++k) {
    EXPECT_EQ(back[k].name, routes[k].name);
    EXPECT_EQ(back[k].mode, routes[k].mode);
    ASSERT_EQ(back[k].line.size(), routes[k].line.size());
    for (size_t i = 0; i < routes[k].line.size(); ++i) {
      EXPECT_NEAR(back[k].line[i].x, routes[k].line[i].x, 1e-7);
      EXPECT_NEAR(back[k].line[i].y, routes[k].line[i].y, 1e-7);
    }
  }
}

// Writes one line layer with GDAL in another format and a projected CRS (GPKG) or lon/lat (KML).
void write_with_gdal(const std::filesystem::path& file, const char* driver, int epsg,
                     const std::vector<std::pair<double, double>>& pts) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  ASSERT_TRUE(drv);
  std::unique_ptr<GDALDataset> ds(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer("plan", &srs, wkbLineString, nullptr);
  OGRFieldDefn name("name", OFTString), mode("mode", OFTString);
  layer->CreateField(&name);
  if (std::string(driver) != "KML") layer->CreateField(&mode);
  OGRFeature f(layer->GetLayerDefn());
  f.SetField("name", "Tuyến 1");
  if (std::string(driver) != "KML") f.SetField("mode", "vehicle");
  OGRLineString ls;
  for (auto [x, y] : pts) ls.addPoint(x, y);
  f.SetGeometry(&ls);
  ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
}

TEST(RouteFile, ReadsKmlAndProjectedGeoPackage) {
  const auto dir = secmap::test::scratch_dir("route_formats");
  write_with_gdal(dir / "plan.kml", "KML", 4326, {{103.9, 22.5}, {103.91, 22.51}});
  const auto kml = read_routes(dir / "plan.kml");
  ASSERT_EQ(kml.size(), 1u);
  EXPECT_EQ(kml[0].name, "Tuyến 1");
  EXPECT_NEAR(kml[0].line[1].x, 103.91, 1e-9);
  // GPKG in VN-2000 / TM-3 104°45' (EPSG:9208): transformed to lon/lat on read.
  write_with_gdal(dir / "plan.gpkg", "GPKG", 9208, {{420000, 2500000}, {421000, 2500500}});
  const auto gpkg = read_routes(dir / "plan.gpkg");
  ASSERT_EQ(gpkg.size(), 1u);
  EXPECT_EQ(gpkg[0].mode, "vehicle");
  EXPECT_NEAR(gpkg[0].line[0].x, 103.98, 0.05);
  EXPECT_NEAR(gpkg[0].line[0].y, 22.6, 0.05);
}

TEST(RouteFile, BadFilesNameTheProblem) {
  const auto dir = secmap::test::scratch_dir("route_bad");
  try {
    read_routes(dir / "missing.gpx");
    FAIL();
  } catch (const RouteFileError& e) {
    EXPECT_NE(std::string(e.what()).find("missing.gpx: file not found"), std::string::npos);
  }
  std::ofstream(dir / "points.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
         R"("geometry":{"type":"Point","coordinates":[103.9,22.5]}}]})";
  try {
    read_routes(dir / "points.geojson");
    FAIL();
  } catch (const RouteFileError& e) {
    EXPECT_NE(std::string(e.what()).find("no line features"), std::string::npos);
  }
  std::ofstream(dir / "swapped.geojson")
      << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},)"
         R"("geometry":{"type":"LineString","coordinates":[[420000,2500000],[421000,2500000]]}}]})";
  try {
    read_routes(dir / "swapped.geojson");
    FAIL();
  } catch (const RouteFileError& e) {
    EXPECT_NE(std::string(e.what()).find("feature 1"), std::string::npos) << e.what();
  }
  EXPECT_THROW(write_routes(dir / "x.shp", sample_routes()), RouteFileError);
}

}  // namespace
}  // namespace secmap::io
