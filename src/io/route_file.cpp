#include "io/route_file.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "io/coordinate_check.h"
#include "io/gdal_source.h"
#include "io/gdal_util.h"
#include "io/input_file.h"
#include "io/vector_output.h"

namespace secmap::io {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

struct DatasetCloser {
  void operator()(GDALDataset* d) const { GDALClose(d); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

// Index of the first field named like one of `names` (lower case), or -1.
int find_field(OGRFeatureDefn* defn, std::initializer_list<const char*> names) {
  for (const char* n : names)
    for (int i = 0; i < defn->GetFieldCount(); ++i)
      if (lower(defn->GetFieldDefn(i)->GetNameRef()) == n) return i;
  return -1;
}

std::string field_text(OGRFeature& f, int i) {
  if (i < 0 || !f.IsFieldSetAndNotNull(i)) return {};
  return f.GetFieldAsString(i);
}

void append_line(const OGRLineString& l, geo::LineString& out) {
  for (int i = 0; i < l.getNumPoints(); ++i) {
    const geo::Point p{l.getX(i), l.getY(i)};
    if (out.empty() || !(out.back() == p)) out.push_back(p);
  }
}

}  // namespace

std::vector<RouteRecord> read_routes(const fs::path& file) {
  ensure_gdal_registered();
  if (auto problem = input_file_problem(file)) throw RouteFileError(*problem);
  if (auto problem = coordinate_problem(file)) throw RouteFileError(*problem);
  QuietGdalErrors quiet;
  DatasetPtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    throw RouteFileError(file.string() + ": not a vector file GDAL can read (" +
                         quiet.last_message() + ")");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::vector<RouteRecord> out;
  for (OGRLayer* layer : ds->GetLayers()) {
    std::unique_ptr<OGRCoordinateTransformation> ct;
    if (const OGRSpatialReference* srs = layer->GetSpatialRef(); srs && !srs->IsSame(&wgs84)) {
      OGRSpatialReference src(*srs);
      src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
      if (!ct)
        throw RouteFileError(file.string() + ": layer " + layer->GetName() +
                             ": cannot transform its CRS to EPSG:4326");
    }
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    const int f_name = find_field(defn, {"name", "ten", "tên"});
    const int f_unit = find_field(defn, {"unit", "ogr_unit", "don_vi"});
    const int f_mode = find_field(defn, {"mode", "ogr_mode", "type"});
    const int f_state = find_field(defn, {"state", "ogr_state"});
    const int f_start = find_field(defn, {"starts_at", "ogr_starts_at"});
    const int f_end = find_field(defn, {"ends_at", "ogr_ends_at"});
    layer->ResetReading();
    int64_t n = 0;
    for (auto& feature : *layer) {
      ++n;
      OGRGeometry* g = feature->GetGeometryRef();
      if (!g) continue;
      const auto type = wkbFlatten(g->getGeometryType());
      if (type != wkbLineString && type != wkbMultiLineString) continue;
      const std::string where =
          file.string() + ": layer " + layer->GetName() + ", feature " + std::to_string(n);
      std::unique_ptr<OGRGeometry> copy(g->clone());
      if (ct && copy->transform(ct.get()) != OGRERR_NONE)
        throw RouteFileError(where + ": cannot transform the geometry to EPSG:4326");
      RouteRecord r;
      if (type == wkbLineString)
        append_line(*copy->toLineString(), r.line);
      else
        for (const OGRLineString* part : *copy->toMultiLineString()) append_line(*part, r.line);
      if (r.line.size() < 2) throw RouteFileError(where + ": a route needs at least 2 points");
      for (const auto& p : r.line)
        if (!(p.x >= -180 && p.x <= 180 && p.y >= -90 && p.y <= 90))
          throw RouteFileError(where + ": coordinate (" + std::to_string(p.x) + ", " +
                               std::to_string(p.y) + ") is not lon/lat; give the file a CRS");
      r.name = field_text(*feature, f_name);
      if (r.name.empty()) r.name = std::string(layer->GetName()) + " " + std::to_string(n);
      r.unit = field_text(*feature, f_unit);
      r.mode = field_text(*feature, f_mode);
      r.state = field_text(*feature, f_state);
      r.starts_at = field_text(*feature, f_start);
      r.ends_at = field_text(*feature, f_end);
      out.push_back(std::move(r));
    }
  }
  if (out.empty()) throw RouteFileError(file.string() + ": no line features (routes) in the file");
  return out;
}

void write_routes(const fs::path& file, const std::vector<RouteRecord>& routes) {
  ensure_gdal_registered();
  const std::string ext = lower(file.extension().string());
  const bool gpx = ext == ".gpx";
  if (!gpx && ext != ".geojson" && ext != ".json")
    throw RouteFileError(file.string() + ": unknown route format \"" + ext +
                         "\" (use .gpx or .geojson)");
  QuietGdalErrors quiet;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(gpx ? "GPX" : "GeoJSON");
  if (!drv)
    throw RouteFileError(file.string() + ": GDAL has no " + (gpx ? "GPX" : "GeoJSON") + " driver");
  files::AtomicOutput output(file);
  CPLStringList dsco;
  if (gpx) dsco.SetNameValue("GPX_USE_EXTENSIONS", "YES");
  DatasetPtr ds(drv->Create(output.path().c_str(), 0, 0, 0, GDT_Unknown, dsco.List()));
  if (!ds) throw RouteFileError(file.string() + ": cannot create (" + quiet.last_message() + ")");
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  CPLStringList lco;
  if (!gpx) {
    lco.SetNameValue("RFC7946", "YES");
    lco.SetNameValue("COORDINATE_PRECISION", "8");
  }
  OGRLayer* layer = ds->CreateLayer(gpx ? "routes" : "routes", &wgs84, wkbLineString, lco.List());
  if (!layer)
    throw RouteFileError(file.string() + ": cannot create a layer (" + quiet.last_message() + ")");
  // GPX knows name/desc/type; the rest become <extensions>.
  const char* fields[] = {"name", "type", "unit", "mode", "state", "starts_at", "ends_at"};
  for (const char* f : fields) {
    if (gpx && std::string(f) == "mode") continue;  // GPX carries the mode as <type>
    if (!gpx && std::string(f) == "type") continue;
    OGRFieldDefn fd(f, OFTString);
    if (layer->CreateField(&fd) != OGRERR_NONE)
      throw RouteFileError(file.string() + ": cannot create field " + f);
  }
  for (const auto& r : routes) {
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("name", r.name.c_str());
    feature.SetField(gpx ? "type" : "mode", r.mode.c_str());
    feature.SetField("unit", r.unit.c_str());
    feature.SetField("state", r.state.c_str());
    if (!r.starts_at.empty()) feature.SetField("starts_at", r.starts_at.c_str());
    if (!r.ends_at.empty()) feature.SetField("ends_at", r.ends_at.c_str());
    OGRLineString ls;
    for (const auto& p : r.line) ls.addPoint(p.x, p.y);
    feature.SetGeometry(&ls);
    if (layer->CreateFeature(&feature) != OGRERR_NONE)
      throw RouteFileError(file.string() + ": cannot write route \"" + r.name + "\" (" +
                           quiet.last_message() + ")");
  }
  ds.reset();  // closing writes the file
  if (CPLGetLastErrorType() == CE_Failure)
    throw RouteFileError(file.string() + ": write failed (" + quiet.last_message() + ")");
  commit_vector_output(output, "routes", routes.size());
}

}  // namespace secmap::io
