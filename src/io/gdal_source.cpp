#include "io/gdal_source.h"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <mutex>

#include "io/column_names.h"
#include "io/coordinate_check.h"
#include "io/csv_layout.h"
#include "io/gdal_util.h"
#include "io/importer.h"
#include "io/input_file.h"
#include "io/sheet_table.h"

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

// Where a table's coordinates are: the columns named like lon/lat (degrees, no CRS needed) or
// x/y (metres of the CRS given with --crs), by geodata/column_names.csv.
struct CoordinateColumns {
  int x = -1, y = -1;
  bool lonlat = false;
};

std::optional<CoordinateColumns> find_coordinate_columns(const std::vector<std::string>& fields) {
  auto find = [&](const char* pseudo) {
    for (const std::string& key : column_name_keys("*", pseudo))
      for (size_t i = 0; i < fields.size(); ++i)
        if (column_key(fields[i]) == key) return static_cast<int>(i);
    return -1;
  };
  CoordinateColumns c;
  c.x = find("lon"), c.y = find("lat");
  c.lonlat = c.x >= 0 && c.y >= 0;
  if (!c.lonlat) c.x = find("x"), c.y = find("y");
  if (c.x < 0 || c.y < 0) return std::nullopt;
  return c;
}

// A coordinate as written in a cell: a number, with a decimal comma accepted ("104,05").
std::optional<double> coordinate_value(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  if (s.find('.') == std::string::npos) std::replace(s.begin(), s.end(), ',', '.');
  if (!s.empty() && s.front() == '+') s.erase(0, 1);
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

bool is_spreadsheet(const fs::path& file) {
  const std::string ext = lower_extension(file);
  return ext == ".xlsx" || ext == ".ods";
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

// Every cell of a sheet as text, no header row assumed: the header is found by
// find_sheet_table, and dates styled as dates come as "YYYY/MM/DD[ HH:MM:SS]". GDAL 3.6 reads
// these settings from configuration options (its open options are ignored here), set for this
// thread while a sheet is opened and read.
class SheetsAsText {
 public:
  SheetsAsText() {
    for (const char* driver : {"XLSX", "ODS"}) {
      set((std::string("OGR_") + driver + "_HEADERS").c_str(), "DISABLE");
      set((std::string("OGR_") + driver + "_FIELD_TYPES").c_str(), "STRING");
    }
  }
  ~SheetsAsText() {
    for (const auto& [key, value] : saved_)
      CPLSetThreadLocalConfigOption(key.c_str(), value ? value->c_str() : nullptr);
  }
  SheetsAsText(const SheetsAsText&) = delete;
  SheetsAsText& operator=(const SheetsAsText&) = delete;

 private:
  void set(const char* key, const char* value) {
    const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
    saved_.emplace_back(key, old ? std::optional<std::string>(old) : std::nullopt);
    CPLSetThreadLocalConfigOption(key, value);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

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
  std::optional<CoordinateColumns> coords;  // CSV and sheets: coordinates from two columns
  std::optional<SheetTable> sheet;          // a spreadsheet's table, read whole
  size_t sheet_next = 0;
  std::vector<std::string> notes;  // what was read around the table (title lines …)
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
  if (is_spreadsheet(file)) return open_sheet(file, layer_name, encoding, std::move(impl));
  // CSV: a WKT column is GDAL's geometry; coordinates in two columns are read by us (any spelling
  // of their names, see find_coordinate_columns); every column stays text so that our own parser
  // checks types and reports the row.
  const char* open_options[] = {"GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom",
                                "KEEP_GEOM_COLUMNS=YES", "AUTODETECT_TYPE=NO",
                                "EMPTY_STRING_AS_NULL=YES", nullptr};
  const char* drivers_csv_only[] = {"CSV", nullptr};
  const std::string ext = lower_extension(file);
  const bool looks_csv = ext == ".csv" || ext == ".tsv";
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
  if (impl->driver == "CSV" && defn->GetGeomFieldCount() == 0)
    impl->coords = find_coordinate_columns(impl->fields);
  return GdalSource(std::move(impl));
}

std::vector<SourceLayer> GdalSource::layers(const fs::path& file) {
  ensure_gdal_registered();
  if (auto problem = input_file_problem(file)) throw ImportError(*problem);
  QuietGdalErrors quiet;
  const bool sheet = is_spreadsheet(file);
  std::optional<SheetsAsText> as_text;
  if (sheet) as_text.emplace();
  const char* sheet_drivers[] = {"XLSX", "ODS", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            sheet ? sheet_drivers : nullptr, nullptr, nullptr));
  if (!ds)
    throw ImportError(file.string() + ": not a vector format GDAL can read (" +
                      quiet.last_message() + ")");
  std::vector<SourceLayer> out;
  for (OGRLayer* l : ds->GetLayers())
    out.push_back({l->GetName(), static_cast<int64_t>(l->GetFeatureCount(TRUE))});
  return out;
}

GdalSource GdalSource::open_sheet(const fs::path& file,
                                  const std::optional<std::string>& layer_name,
                                  std::optional<text::Encoding> encoding,
                                  std::unique_ptr<Impl> impl) {
  if (encoding && *encoding != text::Encoding::Utf8)
    throw ImportError(file.string() +
                      ": --encoding applies to CSV files only (spreadsheets hold "
                      "Unicode text)");
  QuietGdalErrors quiet;
  const SheetsAsText as_text;
  const char* drivers[] = {"XLSX", "ODS", nullptr};
  GDALDataset* ds =
      GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
  if (!ds)
    throw ImportError(file.string() + ": not a spreadsheet GDAL can read (" + quiet.last_message() +
                      ")");
  impl->ds.reset(ds);
  impl->driver = ds->GetDriver()->GetDescription();
  std::string sheets;
  std::vector<OGRLayer*> with_data;
  for (OGRLayer* l : ds->GetLayers()) {
    const GIntBig n = l->GetFeatureCount(TRUE);
    sheets += (sheets.empty() ? "" : ", ") + std::string(l->GetName()) + " (" + std::to_string(n) +
              " lines)";
    if (n > 0) with_data.push_back(l);
  }
  if (layer_name) {
    impl->layer = ds->GetLayerByName(layer_name->c_str());
    if (!impl->layer)
      throw ImportError(file.string() + ": no sheet '" + *layer_name + "' (sheets: " + sheets +
                        ")");
  } else if (with_data.size() == 1) {
    impl->layer = with_data.front();
  } else {
    throw ImportError(
        file.string() +
        (with_data.empty() ? ": every sheet is empty (sheets: " : ": several sheets hold data (") +
        sheets + "); choose one with --layer SHEET");
  }
  std::vector<std::vector<std::string>> lines;
  impl->layer->ResetReading();
  for (OGRFeatureUniquePtr f(impl->layer->GetNextFeature()); f;
       f.reset(impl->layer->GetNextFeature())) {
    // GDAL numbers a sheet's features from its first line; empty lines in between are absent.
    const auto line = static_cast<size_t>(std::max<GIntBig>(f->GetFID(), 1));
    if (lines.size() < line) lines.resize(line);
    auto& cells = lines[line - 1];
    for (int i = 0; i < f->GetFieldCount(); ++i)
      cells.emplace_back(f->IsFieldSetAndNotNull(i) ? f->GetFieldAsString(i) : "");
  }
  if (CPLGetLastErrorType() >= CE_Failure)
    throw ImportError(file.string() + ": reading the sheet failed: " + quiet.last_message());
  SheetTable table = find_sheet_table(std::move(lines));
  if (!table.header_line)
    throw ImportError(file.string() + ": sheet '" + impl->layer->GetName() +
                      "' has no header row (a line naming at least two columns above the data)");
  const std::string sheet = std::string("sheet '") + impl->layer->GetName() + "'";
  impl->notes.push_back(sheet + ": header on line " + std::to_string(table.header_line));
  for (const auto& t : table.skipped_above)
    impl->notes.push_back(sheet + ": title line above the header, not data: '" + t + "'");
  if (table.empty_rows)
    impl->notes.push_back(sheet + ": " + std::to_string(table.empty_rows) +
                          " empty line(s) between rows ignored");
  for (const auto& n : table.notes_below) {
    std::string text;
    for (const auto& c : n.cells)
      if (!c.empty()) text += c;
    impl->notes.push_back(sheet + " line " + std::to_string(n.line) +
                          ": a single cell below the table, not data: '" + text + "'");
  }
  impl->fields = table.header;
  impl->field_types.assign(impl->fields.size(), OFTString);
  impl->coords = find_coordinate_columns(impl->fields);
  impl->sheet = std::move(table);
  return GdalSource(std::move(impl));
}

const std::string& GdalSource::driver() const {
  return impl_->driver;
}
bool GdalSource::is_table() const {
  return impl_->driver == "CSV" || impl_->sheet.has_value();
}
const std::vector<std::string>& GdalSource::field_names() const {
  return impl_->fields;
}
bool GdalSource::has_geometry() const {
  return impl_->coords || (!impl_->sheet && impl_->layer->GetLayerDefn()->GetGeomFieldCount() > 0);
}
bool GdalSource::lonlat_columns() const {
  return impl_->coords && impl_->coords->lonlat;
}
std::vector<std::string> GdalSource::coordinate_columns() const {
  if (!impl_->coords) return {};
  return {impl_->fields[impl_->coords->x], impl_->fields[impl_->coords->y]};
}
const std::vector<std::string>& GdalSource::reading_notes() const {
  return impl_->notes;
}
const std::string& GdalSource::encoding_name() const {
  return impl_->encoding;
}
size_t GdalSource::line_of(size_t feature_number) const {
  if (impl_->sheet)
    return feature_number >= 1 && feature_number <= impl_->sheet->rows.size()
               ? impl_->sheet->rows[feature_number - 1].line
               : 0;
  return impl_->csv_layout ? impl_->csv_layout->line_of_row(feature_number) : 0;
}

std::string GdalSource::crs_definition() const {
  if (impl_->sheet) return {};
  const OGRSpatialReference* srs = impl_->layer->GetSpatialRef();
  if (!srs || srs->IsEmpty()) return {};
  return srs_definition(*srs);
}

size_t GdalSource::feature_count_hint() const {
  if (impl_->sheet) return impl_->sheet->rows.size();
  if (impl_->csv_layout) return impl_->csv_layout->rows();  // GDAL would read the whole file
  GIntBig n = impl_->layer->GetFeatureCount(FALSE);
  return n > 0 ? static_cast<size_t>(n) : 0;
}

// Coordinates from two columns: both empty is no location; one empty or not a number is an
// unreadable one, named.
void GdalSource::point_from_columns(SourceFeature& out) const {
  const auto& c = *impl_->coords;
  const RawValue &x = out.values[c.x], &y = out.values[c.y];
  out.geom.reset();
  out.geom_error.clear();
  if (x.is_null() && y.is_null()) return;
  const auto xv = coordinate_value(x.as_text()), yv = coordinate_value(y.as_text());
  if (!xv || !yv) {
    const bool bad_x = !xv;
    out.geom_error = "column '" + impl_->fields[bad_x ? c.x : c.y] + "': '" +
                     (bad_x ? x : y).as_text() + "' is not a number";
    return;
  }
  out.geom = geo::Geometry::point({*xv, *yv});
}

bool GdalSource::next(SourceFeature& out) {
  if (impl_->sheet) {
    if (impl_->sheet_next >= impl_->sheet->rows.size()) return false;
    const SheetRow& row = impl_->sheet->rows[impl_->sheet_next++];
    ++impl_->read;
    out.values.assign(impl_->fields.size(), RawValue{});
    for (size_t i = 0; i < row.cells.size() && i < out.values.size(); ++i)
      if (!row.cells[i].empty())
        out.values[i].kind = RawValue::Kind::Text, out.values[i].s = row.cells[i];
    if (impl_->coords) point_from_columns(out);
    return true;
  }
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
  if (impl_->coords) {
    point_from_columns(out);
    return true;
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
