// `secmap analyze … --out FILE.gpkg` writes a GeoPackage layer in EPSG:4326 and `.geojson`
// stays RFC 7946 (CRS84): read back with GDAL, both carry EPSG:4326, the same rows as the CSV
// output of the same command, and the commune `code` column.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <fstream>

#include "io/gdal_source.h"
#include "io_test_util.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

struct Read {
  std::string crs_authority;
  int64_t rows = 0;
  std::vector<std::string> codes;
  OGRwkbGeometryType geometry = wkbUnknown;
  OGRFieldType count_type = OFTString;
};

Read read_with_gdal(const fs::path& file) {
  ensure_gdal_registered();
  Read r;
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, nullptr, nullptr));
  if (!ds || ds->GetLayerCount() != 1) {
    ADD_FAILURE() << file << ": GDAL cannot open it as one vector layer";
    return r;
  }
  OGRLayer* layer = ds->GetLayer(0);
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference copy(*srs);
    copy.AutoIdentifyEPSG();
    const char* auth = copy.GetAuthorityName(nullptr);
    const char* code = copy.GetAuthorityCode(nullptr);
    if (auth && code) r.crs_authority = std::string(auth) + ":" + code;
  }
  r.geometry = wkbFlatten(layer->GetGeomType());
  const int code_idx = layer->GetLayerDefn()->GetFieldIndex("code");
  EXPECT_GE(code_idx, 0) << file << " has no code column";
  const int count_idx = layer->GetLayerDefn()->GetFieldIndex("count");
  if (count_idx >= 0) r.count_type = layer->GetLayerDefn()->GetFieldDefn(count_idx)->GetType();
  for (auto& f : *layer) {
    ++r.rows;
    if (code_idx >= 0)
      r.codes.push_back(f->IsFieldSetAndNotNull(code_idx) ? f->GetFieldAsString(code_idx) : "");
  }
  return r;
}

// The `code` column of a CSV written by the same command (first column).
std::vector<std::string> csv_codes(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.rfind("code,", 0), 0u) << line;
  std::vector<std::string> codes;
  while (std::getline(in, line)) codes.push_back(line.substr(0, line.find(',')));
  return codes;
}

TEST(AnalyzeOutput, GeoPackageAndGeoJsonCarryEpsg4326RowsAndCodes) {
  const fs::path dir = test::scratch_dir("analyze_output");
  {
    auto db = seeded_db(dir);
    std::string csv = "case_number,lon,lat,category,occurred_at\n";
    for (int i = 0; i < 60; ++i)
      csv += "A" + std::to_string(i) + "," +
             (i % 3 == 0   ? "104.05"
              : i % 3 == 1 ? "104.15"
                           : "104.25") +
             ",22.05,SO-01,2025-0" + std::to_string(1 + i % 3) + "-1" + std::to_string(i % 10) +
             "\n";
    write_file(dir / "inc.csv", csv);
    ImportOptions o;
    o.layer = "incidents";
    o.file = dir / "inc.csv";
    ASSERT_EQ(import_file(db, o).imported, 60u);
  }
  const std::string bin = test::secmap_binary().string();
  const std::string db = "'" + (dir / "test.sqlite").string() + "'";
  const std::vector<std::pair<std::string, std::string>> commands = {
      {"counts", "counts --period month"},
      {"hotspots", "hotspots --stat gistar --weights queen --permutations 99 --seed 1"}};
  for (const auto& [name, args] : commands) {
    for (const char* ext : {".csv", ".gpkg", ".geojson"}) {
      const fs::path out = dir / (name + ext);
      const auto r =
          test::run_command(bin + " analyze " + db + " " + args + " --out '" + out.string() + "'");
      ASSERT_EQ(r.exit_code, 0) << r.output;
    }
    const std::vector<std::string> want = csv_codes(dir / (name + ".csv"));
    ASSERT_FALSE(want.empty());
    for (const char* ext : {".gpkg", ".geojson"}) {
      const Read got = read_with_gdal(dir / (name + ext));
      EXPECT_EQ(got.crs_authority, "EPSG:4326") << name << ext;
      EXPECT_EQ(got.rows, static_cast<int64_t>(want.size())) << name << ext;
      EXPECT_EQ(got.codes, want) << name << ext;
      EXPECT_EQ(got.geometry, wkbMultiPolygon) << name << ext;
    }
    EXPECT_EQ(read_with_gdal(dir / (name + ".gpkg")).count_type, OFTInteger64) << name;
  }
}

}  // namespace
}  // namespace secmap::io
