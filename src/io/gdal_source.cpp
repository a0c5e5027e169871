#include "io/gdal_source.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <mutex>

#include "io/gdal_util.h"
#include "io/importer.h"

namespace secmap::io {

namespace fs = std::filesystem;

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

std::string RawValue::as_text() const {
  switch (kind) {
    case Kind::Null:
      return {};
    case Kind::Int:
      return std::to_string(i);
    case Kind::Real: {
      char buf[32];
      auto r = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
      return std::string(buf, r.ptr);
    }
    case Kind::Text:
      return s;
  }
  return {};
}

namespace {

// Column names that make a CSV's coordinates degrees (no CRS needed) or projected metres.
constexpr const char* kLonNames = "lon,lng,long,longitude,kinh_do,kinhdo";
constexpr const char* kLatNames = "lat,latitude,vi_do,vido";
constexpr const char* kXNames = "x,easting";
constexpr const char* kYNames = "y,northing";

bool name_in_list(const std::string& name, const char* list) {
  const CPLStringList items(CSLTokenizeString2(list, ",", 0));
  for (int i = 0; i < items.size(); ++i)
    if (EQUAL(items[i], name.c_str())) return true;
  return false;
}

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

}  // namespace

struct GdalSource::Impl {
  GDALDatasetUniquePtr ds;
  OGRLayer* layer = nullptr;
  std::string driver;
  std::vector<std::string> fields;
  std::vector<OGRFieldType> field_types;
  bool csv_lonlat = false;
  std::vector<uint8_t> wkb;
};

GdalSource::GdalSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GdalSource::~GdalSource() = default;
GdalSource::GdalSource(GdalSource&&) noexcept = default;

GdalSource GdalSource::open(const fs::path& file, const std::optional<std::string>& layer_name) {
  ensure_gdal_registered();
  std::error_code ec;
  if (!fs::exists(file, ec)) throw ImportError(file.string() + ": file not found");
  if (fs::is_directory(file, ec) && file.extension() != ".gdb")
    throw ImportError(file.string() + ": is a directory, not a vector file");

  auto impl = std::make_unique<Impl>();
  QuietGdalErrors quiet;
  // CSV: find coordinates in columns with the usual names; keep every column as text so that
  // our own parser checks types and reports the row.
  const std::string x_names = std::string("X_POSSIBLE_NAMES=") + kLonNames + "," + kXNames;
  const std::string y_names = std::string("Y_POSSIBLE_NAMES=") + kLatNames + "," + kYNames;
  const char* open_options[] = {x_names.c_str(),
                                y_names.c_str(),
                                "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom",
                                "KEEP_GEOM_COLUMNS=YES",
                                "AUTODETECT_TYPE=NO",
                                "EMPTY_STRING_AS_NULL=YES",
                                nullptr};
  const char* drivers_csv_only[] = {"CSV", nullptr};
  const bool looks_csv = [&] {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".csv" || ext == ".tsv";
  }();
  GDALDataset* ds = nullptr;
  if (looks_csv)
    ds = GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers_csv_only,
                           open_options, nullptr);
  else
    ds = GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr,
                           nullptr);
  if (!ds) {
    std::string why = quiet.last_message();
    throw ImportError(file.string() + ": not a vector format GDAL can read (unknown format" +
                      (why.empty() ? std::string(")") : "; " + why + ")"));
  }
  impl->ds.reset(ds);
  impl->driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";
  if (ds->GetLayerCount() == 0) throw ImportError(file.string() + ": contains no vector layer");
  if (layer_name) {
    impl->layer = ds->GetLayerByName(layer_name->c_str());
    if (!impl->layer) {
      std::string names;
      for (auto* l : ds->GetLayers())
        names += (names.empty() ? "" : ", ") + std::string(l->GetName());
      throw ImportError(file.string() + ": no layer '" + *layer_name + "' (layers: " + names + ")");
    }
  } else {
    if (ds->GetLayerCount() > 1) {
      std::string names;
      for (auto* l : ds->GetLayers())
        names += (names.empty() ? "" : ", ") + std::string(l->GetName());
      throw ImportError(file.string() + ": has " + std::to_string(ds->GetLayerCount()) +
                        " layers (" + names + "); choose one with --layer");
    }
    impl->layer = ds->GetLayer(0);
  }
  OGRFeatureDefn* defn = impl->layer->GetLayerDefn();
  for (int i = 0; i < defn->GetFieldCount(); ++i) {
    impl->fields.emplace_back(defn->GetFieldDefn(i)->GetNameRef());
    impl->field_types.push_back(defn->GetFieldDefn(i)->GetType());
  }
  if (impl->driver == "CSV" && defn->GetGeomFieldCount() > 0) {
    bool lon = false, lat = false;
    for (const auto& f : impl->fields) {
      lon = lon || name_in_list(f, kLonNames);
      lat = lat || name_in_list(f, kLatNames);
    }
    impl->csv_lonlat = lon && lat;
  }
  return GdalSource(std::move(impl));
}

const std::string& GdalSource::driver() const {
  return impl_->driver;
}
bool GdalSource::is_csv() const {
  return impl_->driver == "CSV";
}
const std::vector<std::string>& GdalSource::field_names() const {
  return impl_->fields;
}
bool GdalSource::has_geometry() const {
  return impl_->layer->GetLayerDefn()->GetGeomFieldCount() > 0;
}
bool GdalSource::csv_lonlat_columns() const {
  return impl_->csv_lonlat;
}

std::string GdalSource::crs_definition() const {
  const OGRSpatialReference* srs = impl_->layer->GetSpatialRef();
  if (!srs || srs->IsEmpty()) return {};
  return srs_definition(*srs);
}

size_t GdalSource::feature_count_hint() const {
  GIntBig n = impl_->layer->GetFeatureCount(FALSE);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

bool GdalSource::next(SourceFeature& out) {
  OGRFeatureUniquePtr f(impl_->layer->GetNextFeature());
  if (!f) return false;
  const int n = static_cast<int>(impl_->fields.size());
  out.values.assign(n, RawValue{});
  for (int i = 0; i < n; ++i) {
    if (!f->IsFieldSetAndNotNull(i)) continue;
    RawValue& v = out.values[i];
    switch (impl_->field_types[i]) {
      case OFTInteger:
      case OFTInteger64:
        v.kind = RawValue::Kind::Int;
        v.i = f->GetFieldAsInteger64(i);
        break;
      case OFTReal:
        v.kind = RawValue::Kind::Real;
        v.d = f->GetFieldAsDouble(i);
        break;
      case OFTDate:
      case OFTDateTime: {
        int y, mo, d, h, mi, tz;
        float sec;
        f->GetFieldAsDateTime(i, &y, &mo, &d, &h, &mi, &sec, &tz);
        v.kind = RawValue::Kind::Text;
        v.s = std::to_string(y) + "-" + two(mo) + "-" + two(d);
        if (impl_->field_types[i] == OFTDateTime)
          v.s += "T" + two(h) + ":" + two(mi) + ":" + two(static_cast<int>(sec));
        break;
      }
      default:
        v.kind = RawValue::Kind::Text;
        v.s = f->GetFieldAsString(i);
    }
  }
  out.geom.reset();
  out.geom_error.clear();
  const OGRGeometry* g = f->GetGeometryRef();
  if (g && !g->IsEmpty()) {
    std::unique_ptr<OGRGeometry> linear;
    if (OGR_GT_IsNonLinear(g->getGeometryType())) {
      linear.reset(g->getLinearGeometry());
      g = linear.get();
    }
    if (g) {
      impl_->wkb.resize(g->WkbSize());
      g->exportToWkb(wkbNDR, impl_->wkb.data(), wkbVariantIso);
      try {
        out.geom = geo::from_wkb(impl_->wkb);
      } catch (const std::exception& e) {
        out.geom_error = e.what();
      }
    }
  } else if (g) {
    out.geom = geo::Geometry{};  // present but empty
  }
  return true;
}

}  // namespace secmap::io
