// export_layer: every column of a layer's table (geometry as EPSG:4326) to the GDAL format that
// the file extension names.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "io/gdal_source.h"
#include "io/gdal_util.h"
#include "io/importer.h"
#include "io/vector_output.h"
#include "model/record_reader.h"
#include "model/sensitivity.h"
#include "model/tables.h"
#include "store/code_lists.h"
#include "store/table_schema.h"

namespace secmap::io {

namespace fs = std::filesystem;

namespace {

struct Format {
  const char* ext;
  const char* driver;
};
constexpr Format kFormats[] = {
    {".geojson", "GeoJSON"}, {".json", "GeoJSON"}, {".gpkg", "GPKG"}, {".shp", "ESRI Shapefile"},
    {".kml", "LIBKML"},      {".csv", "CSV"},      {".gpx", "GPX"}};

OGRwkbGeometryType ogr_type(const std::string& t) {
  if (t == "POINT") return wkbPoint;
  if (t == "LINESTRING") return wkbLineString;
  if (t == "MULTILINESTRING") return wkbMultiLineString;
  if (t == "MULTIPOLYGON") return wkbMultiPolygon;
  return wkbNone;
}

}  // namespace

ExportReport export_layer(store::Database& db, const std::string& layer_name, const fs::path& file,
                          const ExportOptions& options) {
  const model::Table* layer = model::find_layer(layer_name);
  if (!layer) {
    std::string names;
    for (const auto& n : layer_names()) names += (names.empty() ? "" : ", ") + n;
    throw ImportError("unknown layer '" + layer_name + "' (layers: " + names + ")");
  }
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  const Format* fmt = nullptr;
  for (const auto& f : kFormats)
    if (ext == f.ext) fmt = &f;
  if (!fmt)
    throw ImportError(file.string() + ": unknown export format '" + ext +
                      "' (use .geojson, .gpkg, .shp, .kml, .csv or .gpx)");
  const bool has_geom = !layer->geometry.empty();
  const bool gpx = std::string(fmt->driver) == "GPX";
  if (gpx && layer->geometry != "POINT" && layer->geometry != "LINESTRING" &&
      layer->geometry != "MULTILINESTRING")
    throw ImportError(file.string() + ": GPX holds only points and lines; layer '" + layer->layer +
                      "' is " + (has_geom ? layer->geometry : std::string("not spatial")));

  ensure_gdal_registered();
  QuietGdalErrors quiet;
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(fmt->driver);
  if (!driver && std::string(fmt->driver) == "LIBKML")
    driver = GetGDALDriverManager()->GetDriverByName("KML");
  if (!driver) throw ImportError(file.string() + ": GDAL has no " + fmt->driver + " driver");
  // Written beside the target, checked and renamed over it: a full disk or a kill never leaves
  // a cut file under the target's name.
  files::AtomicOutput output(file);
  std::vector<const char*> ds_options;
  if (gpx) ds_options.push_back("GPX_USE_EXTENSIONS=YES");
  ds_options.push_back(nullptr);
  GDALDatasetUniquePtr ds(driver->Create(output.path().c_str(), 0, 0, 0, GDT_Unknown,
                                         const_cast<char**>(ds_options.data())));
  if (!ds) throw ImportError(file.string() + ": cannot create (" + quiet.last_message() + ")");

  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  const bool csv = std::string(fmt->driver) == "CSV";
  // CSV points are written as lon/lat columns (re-importable without a CRS); other CSV
  // geometries as a WKT column.
  const bool csv_lonlat = csv && layer->geometry == "POINT";
  OGRwkbGeometryType gtype = has_geom && !csv_lonlat ? ogr_type(layer->geometry) : wkbNone;
  std::string out_layer_name = layer->layer;
  if (gpx) {
    out_layer_name = layer->geometry == "POINT" ? "waypoints" : "tracks";
    if (gtype == wkbLineString) gtype = wkbMultiLineString;
  }
  std::vector<const char*> lco;
  if (csv && gtype != wkbNone) lco.push_back("GEOMETRY=AS_WKT");
  if (std::string(fmt->driver) == "GeoJSON") lco.push_back("RFC7946=NO");
  // DBF defaults to ISO-8859-1, which cannot hold Vietnamese; write UTF-8 and a .cpg.
  if (std::string(fmt->driver) == "ESRI Shapefile") lco.push_back("ENCODING=UTF-8");
  lco.push_back(nullptr);
  OGRLayer* out = ds->CreateLayer(out_layer_name.c_str(), gtype != wkbNone ? &srs : nullptr, gtype,
                                  const_cast<char**>(lco.data()));
  if (!out)
    throw ImportError(file.string() + ": cannot create layer (" + quiet.last_message() + ")");

  // Every column but the geometry, typed from the schema.
  struct Column {
    std::string name;
    OGRFieldType type;
  };
  std::vector<Column> columns;
  for (const store::ColumnInfo& c : store::read_table_schema(db, layer->table).columns) {
    if (c.name == "geom") continue;
    const OGRFieldType t = c.type.find("INT") != std::string::npos    ? OFTInteger64
                           : c.type.find("REAL") != std::string::npos ? OFTReal
                                                                      : OFTString;
    columns.push_back({c.name, t});
  }
  // Where each column landed: drivers may reuse a predefined field (GPX "name") or rename one
  // (Shapefile truncates to 10 characters).
  std::vector<int> field_index;
  auto create_field = [&](const std::string& name, OGRFieldType type) {
    OGRFieldDefn def(name.c_str(), type);
    const int before = out->GetLayerDefn()->GetFieldCount();
    if (out->CreateField(&def) != OGRERR_NONE)
      throw ImportError(file.string() + ": cannot create field " + name + " (" +
                        quiet.last_message() + ")");
    const int found = out->GetLayerDefn()->GetFieldIndex(name.c_str());
    const int after = out->GetLayerDefn()->GetFieldCount();
    field_index.push_back(found >= 0 ? found : after > before ? after - 1 : -1);
  };
  for (const auto& c : columns) create_field(c.name, c.type);
  if (csv_lonlat) {
    create_field("lon", OFTReal);
    create_field("lat", OFTReal);
  }

  const store::CodeLists codes = store::CodeLists::load(db);
  const model::SensitivityRule sensitive(codes);
  ExportReport report;
  report.driver = driver->GetDescription();
  const bool transactional = ds->StartTransaction() == OGRERR_NONE;
  OGRFeatureDefn* defn = out->GetLayerDefn();
  // Every record as the model reads it; a column's value by name (id and the bookkeeping
  // columns are the row's own).
  auto value_of = [](const model::Row& r, const std::string& c) -> nlohmann::json {
    if (c == "id") return r.id;
    if (c == "version") return r.version;
    if (c == "updated_at")
      return r.updated_at.empty() ? nlohmann::json() : nlohmann::json(r.updated_at);
    if (c == "updated_by")
      return r.updated_by.empty() ? nlohmann::json() : nlohmann::json(r.updated_by);
    auto it = r.fields.find(c);
    return it == r.fields.end() ? nlohmann::json() : *it;
  };
  model::read_rows(db, *layer, INT64_MIN, INT64_MAX, [&](model::Row&& r) {
    const nlohmann::json flag = value_of(r, "sensitive"), kind = value_of(r, "kind");
    if (!options.include_sensitive &&
        sensitive(layer->table, flag.is_number() && flag.get<double>() != 0,
                  kind.is_string() ? kind.get<std::string>() : "")) {
      ++report.withheld;
      return;
    }
    OGRFeature feature(defn);
    // Fields are looked up by name: drivers may rename (Shapefile truncates to 10 chars).
    for (size_t i = 0; i < columns.size(); ++i) {
      const nlohmann::json v = value_of(r, columns[i].name);
      const int idx = field_index[i];
      if (v.is_null() || idx < 0) continue;
      switch (columns[i].type) {
        case OFTInteger64:
          if (v.is_number()) {
            feature.SetField(idx, static_cast<GIntBig>(v.get<int64_t>()));
            break;
          }
          [[fallthrough]];
        case OFTReal:
          if (v.is_number()) {
            feature.SetField(idx, v.get<double>());
            break;
          }
          [[fallthrough]];
        default:
          feature.SetField(idx, (v.is_string() ? v.get<std::string>() : v.dump()).c_str());
      }
    }
    if (has_geom && r.geom && !r.geom->is_empty()) {
      const std::vector<uint8_t> wkb = geo::to_wkb(*r.geom);
      OGRGeometry* g = nullptr;
      if (OGRGeometryFactory::createFromWkb(wkb.data(), &srs, &g, wkb.size()) == OGRERR_NONE && g) {
        if (csv_lonlat) {
          const auto* pt = g->toPoint();
          feature.SetField(field_index[columns.size()], pt->getX());
          feature.SetField(field_index[columns.size() + 1], pt->getY());
          delete g;
        } else {
          if (gpx && g->getGeometryType() == wkbLineString)
            g = OGRGeometryFactory::forceToMultiLineString(g);
          feature.SetGeometryDirectly(g);
        }
      }
    }
    if (out->CreateFeature(&feature) != OGRERR_NONE)
      throw ImportError(file.string() + ": cannot write feature " +
                        std::to_string(report.written + 1) + " (" + quiet.last_message() + ")");
    ++report.written;
  });
  if (transactional && ds->CommitTransaction() != OGRERR_NONE)
    throw ImportError(file.string() + ": cannot commit (" + quiet.last_message() + ")");
  ds.reset();  // flush and close before checking
  if (CPLGetLastErrorType() == CE_Failure)
    files::throw_output_error(file, "write failed (" + quiet.last_message() + ")");
  commit_vector_output(output, out_layer_name, report.written);
  return report;
}

}  // namespace secmap::io
