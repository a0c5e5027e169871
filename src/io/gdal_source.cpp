#include "io/gdal_source.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>

#include "io/coordinate_check.h"
#include "io/csv_layout.h"
#include "io/gdal_util.h"
#include "io/importer.h"
#include "io/input_file.h"

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

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ImportError(file.string() + ": cannot be read");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string hex_byte(char c) {
  char b[8];
  std::snprintf(b, sizeof b, "0x%02X", static_cast<unsigned char>(c));
  return b;
}

// The header's name for field `column` (quotes removed), or empty when it is not plain text.
std::string header_name(std::string_view bytes, const CsvLayout& layout, size_t column) {
  size_t i = text::has_utf8_bom(bytes) ? 3 : 0;
  while (i < bytes.size() && (bytes[i] == '\r' || bytes[i] == '\n')) ++i;
  size_t field = 0;
  bool quoted = false;
  std::string name;
  for (; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (!quoted && (c == '\n' || c == '\r')) break;
    if (!quoted && c == layout.separator()) {
      if (field++ == column) break;
      continue;
    }
    if (field == column) name += c;
  }
  return text::first_invalid_utf8(name) == std::string_view::npos ? name : std::string();
}

// "line 3 (row 2), column 'description'" for a byte offset of a CSV file.
std::string describe_offset(std::string_view bytes, const CsvLayout& layout, size_t offset) {
  const CsvLayout::Position p = layout.locate(bytes, offset);
  std::string s = "line " + std::to_string(p.line);
  s += p.row ? " (row " + std::to_string(p.row) + ")" : std::string(" (the header)");
  const std::string name = header_name(bytes, layout, p.column);
  if (!name.empty()) s += ", column '" + name + "'";
  return s;
}

}  // namespace

struct GdalSource::Impl {
  ~Impl() {
    ds.reset();
    if (!mem_path.empty()) VSIUnlink(mem_path.c_str());
  }
  std::string mem_path;  // /vsimem/ copy of a transcoded CSV, removed with the source
  std::string encoding;
  std::optional<CsvLayout> csv_layout;
  GDALDatasetUniquePtr ds;
  OGRLayer* layer = nullptr;
  std::string driver;
  std::vector<std::string> fields;
  std::vector<OGRFieldType> field_types;
  bool csv_lonlat = false;
  std::vector<uint8_t> wkb;
  std::string file;  // for errors
  size_t read = 0;   // features returned so far
};

GdalSource::GdalSource(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GdalSource::~GdalSource() = default;
GdalSource::GdalSource(GdalSource&&) noexcept = default;

GdalSource GdalSource::open(const fs::path& file, const std::optional<std::string>& layer_name,
                            std::optional<text::Encoding> encoding) {
  ensure_gdal_registered();
  if (auto problem = input_file_problem(file)) throw ImportError(*problem);
  if (auto problem = coordinate_problem(file)) throw ImportError(*problem);

  auto impl = std::make_unique<Impl>();
  impl->file = file.string();
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
  std::string open_path = file.string();
  if (looks_csv) {
    // Read the bytes ourselves: to know each row's line and to decode legacy encodings.
    const std::string bytes = read_bytes(file);
    impl->csv_layout.emplace(bytes);
    // GDAL's strings end at a NUL byte, so the rest of that field would be lost without a word.
    if (const size_t nul = bytes.find('\0'); nul != std::string::npos)
      throw ImportError(file.string() + ": " + describe_offset(bytes, *impl->csv_layout, nul) +
                        ": a NUL byte (0x00) at offset " + std::to_string(nul) +
                        " would cut the text there; this is not a text file, or it is damaged");
    text::Detection detection;
    const std::optional<text::Encoding> enc =
        encoding ? encoding : text::detect_encoding(bytes, &detection);
    if (!enc) {
      const size_t bad = detection.first_invalid_utf8;
      throw ImportError(file.string() + ": " + describe_offset(bytes, *impl->csv_layout, bad) +
                        ": byte " + hex_byte(bytes[bad]) + " at offset " + std::to_string(bad) +
                        " is not valid UTF-8, and the file does not read as Windows-1258 or TCVN3 "
                        "Vietnamese text either; name its encoding with --encoding " +
                        text::encoding_choices());
    }
    impl->encoding = text::encoding_name(*enc);
    const bool plain_utf8 =
        *enc == text::Encoding::Utf8 && text::first_invalid_utf8(bytes) == std::string_view::npos;
    if (!plain_utf8) {
      std::string decoded;
      try {
        decoded = text::decode_to_utf8(bytes, *enc);
      } catch (const text::EncodingError& e) {
        throw ImportError(
            file.string() + ": " + describe_offset(bytes, *impl->csv_layout, e.offset()) + ": " +
            e.what() + (encoding ? "" : " (the encoding was detected; name it with --encoding)"));
      }
      static std::atomic<int> serial{0};
      impl->mem_path =
          "/vsimem/secmap_csv_" + std::to_string(++serial) + "/" + file.filename().string();
      auto* buffer = static_cast<GByte*>(CPLMalloc(decoded.size()));
      std::copy(decoded.begin(), decoded.end(), buffer);
      VSILFILE* mem = VSIFileFromMemBuffer(impl->mem_path.c_str(), buffer, decoded.size(), TRUE);
      if (!mem) {
        CPLFree(buffer);
        throw ImportError(file.string() + ": cannot hold the decoded text in memory");
      }
      VSIFCloseL(mem);
      open_path = impl->mem_path;
    }
  } else if (encoding && *encoding != text::Encoding::Utf8) {
    throw ImportError(file.string() + ": --encoding " + text::encoding_name(*encoding) +
                      " applies to CSV files only (GeoJSON and GeoPackage text is UTF-8)");
  }
  GDALDataset* ds = nullptr;
  if (looks_csv)
    ds = GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers_csv_only,
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
const std::string& GdalSource::encoding_name() const {
  return impl_->encoding;
}
size_t GdalSource::line_of(size_t feature_number) const {
  return impl_->csv_layout ? impl_->csv_layout->line_of_row(feature_number) : 0;
}

std::string GdalSource::crs_definition() const {
  const OGRSpatialReference* srs = impl_->layer->GetSpatialRef();
  if (!srs || srs->IsEmpty()) return {};
  return srs_definition(*srs);
}

size_t GdalSource::feature_count_hint() const {
  if (impl_->csv_layout) return impl_->csv_layout->rows();  // GDAL would read the whole file
  GIntBig n = impl_->layer->GetFeatureCount(FALSE);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

bool GdalSource::next(SourceFeature& out) {
  // A driver that gives up mid-file (a CSV field over GDAL's size limit, a cut GeoJSON) says so
  // only through its error handler, then reports the end of the layer: that is an import error,
  // never a shorter import.
  OGRFeatureUniquePtr f;
  {
    QuietGdalErrors quiet;
    f.reset(impl_->layer->GetNextFeature());
    if (CPLGetLastErrorType() >= CE_Failure)
      throw ImportError(impl_->file + ": reading stopped after feature " +
                        std::to_string(impl_->read) + ": " + quiet.last_message());
  }
  if (!f) return false;
  ++impl_->read;
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
        if (impl_->field_types[i] == OFTDateTime) {
          v.s += "T" + two(h) + ":" + two(mi) + ":" + two(static_cast<int>(sec));
          // GDAL's zone flag: 100 is UTC, each step from it 15 minutes; 0/1 unknown or local.
          if (tz >= 2) {
            const int minutes = (tz - 100) * 15;
            v.s += minutes == 0
                       ? std::string("Z")
                       : std::string(minutes < 0 ? "-" : "+") + two(std::abs(minutes) / 60) + ":" +
                             two(std::abs(minutes) % 60);
          }
        }
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
