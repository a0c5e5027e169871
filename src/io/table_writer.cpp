#include "io/table_writer.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <charconv>

#include "io/gdal_source.h"
#include "io/gdal_util.h"
#include "io/importer.h"
#include "io/vector_output.h"

namespace secmap::io {

namespace fs = std::filesystem;

namespace {

bool is_integer(const std::string& s) {
  int64_t v;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace

void write_table_gpkg(const fs::path& path, const OutputTable& t) {
  ensure_gdal_registered();
  QuietGdalErrors quiet;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
  if (!driver) throw ImportError(path.string() + ": GDAL has no GPKG driver");
  files::AtomicOutput output(path);
  GDALDatasetUniquePtr ds(driver->Create(output.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!ds) throw ImportError(path.string() + ": cannot create (" + quiet.last_message() + ")");

  bool any_geometry = false;
  for (const auto* g : t.geometry) any_geometry = any_geometry || (g && !g->is_empty());
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* layer = ds->CreateLayer(t.layer_name.c_str(), any_geometry ? &srs : nullptr,
                                    any_geometry ? wkbMultiPolygon : wkbNone, nullptr);
  if (!layer)
    throw ImportError(path.string() + ": cannot create layer (" + quiet.last_message() + ")");

  std::vector<OGRFieldType> types;
  for (size_t c = 0; c < t.columns.size(); ++c) {
    OGRFieldType type = OFTString;
    if (c < t.numeric.size() && t.numeric[c]) {
      type = OFTInteger64;
      for (const auto& row : t.rows)
        if (!row[c].empty() && !is_integer(row[c])) type = OFTReal;
    }
    OGRFieldDefn def(t.columns[c].c_str(), type);
    if (layer->CreateField(&def) != OGRERR_NONE)
      throw ImportError(path.string() + ": cannot create field " + t.columns[c] + " (" +
                        quiet.last_message() + ")");
    types.push_back(type);
  }

  const bool transactional = ds->StartTransaction() == OGRERR_NONE;
  std::vector<uint8_t> wkb;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    OGRFeature feature(layer->GetLayerDefn());
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const std::string& v = t.rows[r][c];
      if (v.empty()) continue;
      const int idx = static_cast<int>(c);
      if (types[c] == OFTInteger64)
        feature.SetField(idx, static_cast<GIntBig>(std::stoll(v)));
      else if (types[c] == OFTReal)
        feature.SetField(idx, std::stod(v));
      else
        feature.SetField(idx, v.c_str());
    }
    const geo::Geometry* g = r < t.geometry.size() ? t.geometry[r] : nullptr;
    if (any_geometry && g && !g->is_empty()) {
      wkb = geo::to_wkb(g->as_multi());
      OGRGeometry* og = nullptr;
      if (OGRGeometryFactory::createFromWkb(wkb.data(), &srs, &og, wkb.size()) != OGRERR_NONE)
        throw ImportError(path.string() + ": row " + std::to_string(r + 1) +
                          ": geometry GDAL cannot read");
      feature.SetGeometryDirectly(og);
    }
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
      throw ImportError(path.string() + ": cannot write row " + std::to_string(r + 1) + " (" +
                        quiet.last_message() + ")");
  }
  if (transactional && ds->CommitTransaction() != OGRERR_NONE)
    throw ImportError(path.string() + ": cannot commit (" + quiet.last_message() + ")");
  ds.reset();
  commit_vector_output(output, t.layer_name, t.rows.size());
}

}  // namespace secmap::io
