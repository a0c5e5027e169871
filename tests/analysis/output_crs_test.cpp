// Every per-commune output of `secmap analyze` opens in GDAL (what QGIS uses) as one polygon
// layer in EPSG:4326, checked with the ogrinfo program on GeoPackage and GeoJSON; the KDE
// raster's .prj names the province's VN-2000 zone (gdalsrsinfo). tests/io/analyze_output_test.cpp
// reads counts and hotspots through the GDAL API; this covers the other subcommands too.
#include <gtest/gtest.h>

#include <regex>

#include "analysis_fixture.h"

using namespace secmap;
using namespace secmap::analysis::testing;
namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) {
  return "'" + p.string() + "'";
}

// A 4×4 grid of communes with incidents over two years, most of them in one corner.
fs::path make_db(const fs::path& dir) {
  auto db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
  store::Transaction tx(db);
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 4; ++j)
      add_square(db, "C" + std::to_string(i) + std::to_string(j), 104.0 + 0.1 * i, 22.0 + 0.1 * j,
                 0.1, 10000);
  int k = 0;
  for (int year : {2024, 2025})
    for (int m = 1; m <= 12; ++m)
      for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
          const int n = (i + j < 2 ? 4 : 1) + (year == 2025 && i == 0 ? m / 4 : 0);
          for (int r = 0; r < n; ++r, ++k) {
            char date[16];
            std::snprintf(date, sizeof date, "%d-%02d-%02d", year, m, 1 + r % 27);
            add_incident(db, {.date = date,
                              .commune = "C" + std::to_string(i) + std::to_string(j),
                              .x = 104.0 + 0.1 * i + 0.01 + 0.08 * ((k * 37) % 100) / 100.0,
                              .y = 22.0 + 0.1 * j + 0.01 + 0.08 * ((k * 61) % 100) / 100.0});
          }
        }
  tx.commit();
  return dir / "t.sqlite";
}

}  // namespace

TEST(AnalyzeOutputCrs, EveryCommuneTableOpensInGdalAsEpsg4326) {
  if (test::run_command("ogrinfo --version").exit_code != 0)
    GTEST_SKIP() << "ogrinfo (gdal-bin) is not installed; tools/setup installs it";
  const fs::path dir = test::scratch_dir("analyze_output_crs");
  const fs::path db = make_db(dir);
  const std::string bin = test::secmap_binary().string();
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"counts", "counts"},
      {"compare", "compare --from 2025-01-01 --to 2025-12-31"},
      {"targets", "targets --year 2025"},
      {"hotspots", "hotspots --stat gistar --weights queen --permutations 99 --seed 1"},
      {"moran", "hotspots --stat moran --weights queen --permutations 99 --seed 1"},
      {"emerging", "emerging --from 2024-01-01 --to 2025-12-31"}};
  for (const auto& [name, args] : commands)
    for (const char* ext : {".gpkg", ".geojson"}) {
      const fs::path out = dir / (name + ext);
      const auto run =
          test::run_command(bin + " analyze " + q(db) + " " + args + " --out " + q(out));
      ASSERT_EQ(run.exit_code, 0) << name << ext << ": " << run.output;
      const auto info = test::run_command("ogrinfo -ro -so -al " + q(out));
      ASSERT_EQ(info.exit_code, 0) << name << ext << ": " << info.output;
      // The layer's CRS is WGS 84 identified as EPSG:4326 (PROJ's WKT2 ends with its ID).
      EXPECT_TRUE(std::regex_search(info.output, std::regex(R"(ID\["EPSG",4326\])")))
          << name << ext << ":\n"
          << info.output;
      EXPECT_NE(info.output.find("Geometry: Multi Polygon"), std::string::npos)
          << name << ext << ":\n"
          << info.output;
      EXPECT_NE(info.output.find("code: String"), std::string::npos) << name << ext << ":\n"
                                                                     << info.output;
      std::smatch m;
      ASSERT_TRUE(std::regex_search(info.output, m, std::regex(R"(Feature Count: (\d+))")))
          << info.output;
      EXPECT_GT(std::stoi(m[1]), 0) << name << ext;
    }

  // The density grid is in metres in the province's VN-2000 zone, named by its .prj.
  const auto kde =
      test::run_command(bin + " analyze " + q(db) +
                        " kde --bandwidth 1000 --cell 500 --epsg 9208 --out " + q(dir / "kde.asc"));
  ASSERT_EQ(kde.exit_code, 0) << kde.output;
  const auto srs = test::run_command("gdalsrsinfo -e -o epsg " + q(dir / "kde.prj"));
  EXPECT_NE(srs.output.find("EPSG:9208"), std::string::npos) << srs.output;
}
