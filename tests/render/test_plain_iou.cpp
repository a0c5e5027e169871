// Acceptance: a `--plain` render of the real 137 communes matches an independent rasterisation
// of the same polygons (GDAL: OGR reprojection to EPSG:3857, GDALRasterizeGeometries into an
// in-memory raster with the same extent) with intersection over union ≥ 0.98.
#include <gdal.h>
#include <gdal_alg.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <memory>

#include "io/png.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::test {
namespace {

constexpr const char* kCommunes = "vn2025_communes_laocai_laichau.geojson";
constexpr int kW = 1024, kH = 768;

TEST(RenderPlainIoU, RealCommunesMatchGdalRasterisation) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  GDALAllRegister();
  auto dir = scratch_dir("render_iou");
  const auto src = realdata_dir() / kCommunes;
  GDALDatasetH ds = GDALOpenEx(src.string().c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr);
  ASSERT_NE(ds, nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  OGREnvelope env;
  ASSERT_EQ(OGR_L_GetExtent(layer, &env, 1), OGRERR_NONE);

  // The same polygons into a secmap database with plain SQL (independent of the importer).
  const auto db_path = dir / "communes.sqlite";
  std::filesystem::remove(db_path);
  std::vector<OGRGeometryH> merc;  // reprojected copies for GDAL's rasteriser
  OGRSpatialReferenceH wgs = OSRNewSpatialReference(nullptr), web = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(wgs, 4326);
  OSRImportFromEPSG(web, 3857);
  OSRSetAxisMappingStrategy(wgs, OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(web, OAMS_TRADITIONAL_GIS_ORDER);
  OGRCoordinateTransformationH ct = OCTNewCoordinateTransformation(wgs, web);
  {
    auto db = store::Database::open(db_path, store::Database::Mode::CreateIfMissing);
    store::Transaction tx(db);
    auto st = db.prepare(
        "INSERT INTO communes(code, name, geom) "
        "VALUES (?, ?, CastToMultiPolygon(GeomFromWKB(?, 4326)))");
    OGR_L_ResetReading(layer);
    OGRFeatureH f;
    int n = 0;
    while ((f = OGR_L_GetNextFeature(layer)) != nullptr) {
      OGRGeometryH g = OGR_F_GetGeometryRef(f);
      std::vector<unsigned char> wkb(OGR_G_WkbSize(g));
      OGR_G_ExportToIsoWkb(g, wkbNDR, wkb.data());
      st.bind(1, "c" + std::to_string(n)).bind(2, "x");
      st.bind_blob(3, wkb.data(), wkb.size());
      st.run();
      st.reset();
      OGRGeometryH m = OGR_G_Clone(g);
      ASSERT_EQ(OGR_G_Transform(m, ct), OGRERR_NONE);
      merc.push_back(m);
      OGR_F_Destroy(f);
      ++n;
    }
    tx.commit();
    ASSERT_EQ(n, 137);
  }
  GDALClose(ds);

  // Render through the CLI over the layer's extent.
  char bbox[128];
  std::snprintf(bbox, sizeof bbox, "%.9f,%.9f,%.9f,%.9f", env.MinX, env.MinY, env.MaxX, env.MaxY);
  const auto png = dir / "plain.png";
  auto r = run_command(secmap_binary().string() + " render " + db_path.string() + " --out " +
                       png.string() + " --size 1024x768 --plain --layers communes --bbox " + bbox);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  io::Image img = io::read_png(png);
  ASSERT_EQ(img.width, kW);

  // Independent raster: the bbox corners through OGR, centre and scale as the issue defines.
  double xs[2] = {env.MinX, env.MaxX}, ys[2] = {env.MinY, env.MaxY};
  ASSERT_TRUE(OCTTransform(ct, 2, xs, ys, nullptr));
  const double m_per_px = std::max((xs[1] - xs[0]) / kW, (ys[1] - ys[0]) / kH);
  const double cx = (xs[0] + xs[1]) / 2, cy = (ys[0] + ys[1]) / 2;
  double gt[6] = {cx - kW / 2.0 * m_per_px, m_per_px, 0, cy + kH / 2.0 * m_per_px, 0, -m_per_px};
  GDALDatasetH mem = GDALCreate(GDALGetDriverByName("MEM"), "", kW, kH, 1, GDT_Byte, nullptr);
  GDALSetGeoTransform(mem, gt);
  int band = 1;
  std::vector<double> burn(merc.size(), 255.0);
  ASSERT_EQ(GDALRasterizeGeometries(mem, 1, &band, static_cast<int>(merc.size()), merc.data(),
                                    nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr),
            CE_None);
  std::vector<uint8_t> ref(static_cast<size_t>(kW) * kH);
  ASSERT_EQ(GDALRasterIO(GDALGetRasterBand(mem, 1), GF_Read, 0, 0, kW, kH, ref.data(), kW, kH,
                         GDT_Byte, 0, 0),
            CE_None);
  GDALClose(mem);
  for (auto g : merc) OGR_G_DestroyGeometry(g);
  OCTDestroyCoordinateTransformation(ct);
  OSRDestroySpatialReference(wgs);
  OSRDestroySpatialReference(web);

  size_t inter = 0, uni = 0, ours = 0, theirs = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      bool a = img.pixel(x, y)[0] < 128;  // black ink on white
      bool b = ref[static_cast<size_t>(y) * kW + x] != 0;
      inter += a && b;
      uni += a || b;
      ours += a;
      theirs += b;
    }
  ASSERT_GT(uni, 0u);
  const double iou = static_cast<double>(inter) / uni;
  std::printf("plain render IoU %.5f (ours %zu px, GDAL %zu px)\n", iou, ours, theirs);
  EXPECT_GE(iou, 0.98);
  EXPECT_GT(theirs, static_cast<size_t>(kW) * kH / 5);  // the province fills the frame
}

}  // namespace
}  // namespace secmap::test
