#include "io/feature_table.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>

#include "io/gdal_source.h"
#include "io/gdal_util.h"
#include "io/vector_output.h"

namespace secmap::io {

namespace fs = std::filesystem;

namespace {

std::string csv_cell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void write_csv(const fs::path& file, const FeatureTable& t) {
  files::AtomicOutput output(file);
  std::ofstream out(output.path(), std::ios::binary | std::ios::trunc);
  if (!out) throw TableWriteError(file.string() + ": cannot open for writing");
  for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << csv_cell(t.columns[c]);
  out << "\n";
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_cell(row[c]);
    out << "\n";
  }
  out.close();
  if (!out) throw TableWriteError(file.string() + ": write failed (disk full?)");
  output.commit();
}

OGRGeometry* to_ogr(const geo::Geometry& g) {
  if (g.is_empty()) return nullptr;
  const auto wkb = geo::to_wkb(g);
  OGRGeometry* out = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &out, wkb.size()) != OGRERR_NONE)
    return nullptr;
  return out;
}

}  // namespace

void write_feature_table(const fs::path& file, const FeatureTable& t) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".csv") return write_csv(file, t);
  const char* driver = ext == ".gpkg"                          ? "GPKG"
                       : (ext == ".geojson" || ext == ".json") ? "GeoJSON"
                                                               : nullptr;
  if (!driver)
    throw TableWriteError(file.string() + ": unknown output format \"" + ext +
                          "\" (use .csv, .geojson or .gpkg)");
  ensure_gdal_registered();
  QuietGdalErrors quiet;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver);
  if (!drv) throw TableWriteError(file.string() + ": GDAL has no " + driver + " driver");
  files::AtomicOutput output(file);
  std::unique_ptr<GDALDataset> ds(
      drv->Create(output.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw TableWriteError(file.string() + ": cannot create (" + quiet.last_message() + ")");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLStringList lco;
  if (std::string(driver) == "GeoJSON") lco.SetNameValue("RFC7946", "YES");
  OGRwkbGeometryType gtype = wkbUnknown;
  if (!t.geoms.empty()) {
    for (const auto& g : t.geoms)
      if (!g.is_empty()) {
        gtype = g.type == geo::GeomType::Point        ? wkbPoint
                : g.type == geo::GeomType::LineString ? wkbLineString
                                                      : wkbUnknown;
        break;
      }
  }
  OGRLayer* layer = ds->CreateLayer(t.layer.c_str(), t.geoms.empty() ? nullptr : &wgs84,
                                    t.geoms.empty() ? wkbNone : gtype, lco.List());
  if (!layer) throw TableWriteError(file.string() + ": cannot create layer " + t.layer);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    OGRFieldDefn fd(t.columns[c].c_str(), t.numeric[c] ? OFTReal : OFTString);
    if (layer->CreateField(&fd) != OGRERR_NONE)
      throw TableWriteError(file.string() + ": cannot create field " + t.columns[c]);
  }
  const bool tx = layer->StartTransaction() == OGRERR_NONE;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    OGRFeature f(layer->GetLayerDefn());
    for (size_t c = 0; c < t.columns.size() && c < t.rows[r].size(); ++c) {
      const std::string& v = t.rows[r][c];
      if (v.empty()) continue;
      if (t.numeric[c])
        f.SetField(int(c), std::stod(v));
      else
        f.SetField(int(c), v.c_str());
    }
    if (r < t.geoms.size()) f.SetGeometryDirectly(to_ogr(t.geoms[r]));
    if (layer->CreateFeature(&f) != OGRERR_NONE)
      throw TableWriteError(file.string() + ": cannot write row " + std::to_string(r + 1) + " (" +
                            quiet.last_message() + ")");
  }
  if (tx && layer->CommitTransaction() != OGRERR_NONE)
    throw TableWriteError(file.string() + ": write failed (" + quiet.last_message() + ")");
  ds.reset();
  if (CPLGetLastErrorType() == CE_Failure)
    throw TableWriteError(file.string() + ": write failed (" + quiet.last_message() + ")");
  commit_vector_output(output, t.layer, t.rows.size());
}

}  // namespace secmap::io
