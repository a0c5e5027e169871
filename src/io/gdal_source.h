// Reading one layer of any GDAL vector source as plain values and geo::Geometry, so the rest of
// the importer never touches GDAL. CSV files and spreadsheets (XLSX, ODS) are tables: their
// coordinates come from lon/lat (or x/y) columns, or a WKT column in CSV; a sheet's header row is
// found below any title lines. The source CRS is reported as a definition PROJ accepts.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "text/encoding.h"

namespace secmap::io {

// One attribute value as the source holds it. Dates and date-times from typed sources (GPKG,
// Shapefile) arrive as ISO-8601 text.
struct RawValue {
  enum class Kind { Null, Int, Real, Text };
  Kind kind = Kind::Null;
  int64_t i = 0;
  double d = 0;
  std::string s;
  bool is_null() const { return kind == Kind::Null; }
  // The value as text (numbers printed without loss), for messages and text fields.
  std::string as_text() const;
};

struct SourceFeature {
  std::vector<RawValue> values;       // one per field_names() entry
  std::optional<geo::Geometry> geom;  // nullopt: null geometry; Z/M dropped, curves linearised
  std::string geom_error;             // non-empty when the source geometry could not be read
};

// A layer of a source (a sheet of a spreadsheet, a table of a GeoPackage) and its feature
// count: lines for a sheet, -1 when GDAL cannot tell cheaply.
struct SourceLayer {
  std::string name;
  int64_t features = 0;
};

class GdalSource {
 public:
  // The layers (sheets) of a file, for choosing one; throws ImportError when GDAL cannot open it.
  static std::vector<SourceLayer> layers(const std::filesystem::path& file);
  // Opens the file (throws ImportError: missing file, unknown format, no such layer). CSV text
  // is read in `encoding`, or the detected one when nullopt (see text/encoding.h), and handed to
  // GDAL as UTF-8; a byte that is not valid in it is an ImportError naming line, row and column.
  // Other formats are UTF-8 by definition: naming a legacy encoding for them is an error.
  static GdalSource open(const std::filesystem::path& file,
                         const std::optional<std::string>& layer_name,
                         std::optional<text::Encoding> encoding = std::nullopt);
  ~GdalSource();
  GdalSource(GdalSource&&) noexcept;

  const std::string& driver() const;
  // CSV or a spreadsheet: rows on lines, coordinates (if any) in two columns.
  bool is_table() const;
  const std::vector<std::string>& field_names() const;
  bool has_geometry() const;
  // "EPSG:n" or WKT2 of the layer's CRS; empty when the source names none.
  std::string crs_definition() const;
  // A table whose coordinates come from columns named like lon/lat (degrees, no CRS needed).
  bool lonlat_columns() const;
  // The two columns a table's coordinates come from (x then y), or none.
  std::vector<std::string> coordinate_columns() const;
  // What was found around a spreadsheet's table and left out (title lines, notes below).
  const std::vector<std::string>& reading_notes() const;
  // The text encoding the CSV was read in ("UTF-8", "Windows-1258", "TCVN3"); empty otherwise.
  const std::string& encoding_name() const;
  // CSV: the 1-based line where data row `feature_number` (1-based) starts; 0 otherwise.
  size_t line_of(size_t feature_number) const;
  // Feature count when cheaply known, else 0.
  size_t feature_count_hint() const;
  // Reads the next feature; false at the end.
  bool next(SourceFeature& out);

 private:
  struct Impl;
  explicit GdalSource(std::unique_ptr<Impl> impl);
  static GdalSource open_sheet(const std::filesystem::path& file,
                               const std::optional<std::string>& layer_name,
                               std::optional<text::Encoding> encoding, std::unique_ptr<Impl> impl);
  void point_from_columns(SourceFeature& out) const;
  std::unique_ptr<Impl> impl_;
};

// Registers GDAL's drivers once (thread-safe).
void ensure_gdal_registered();

}  // namespace secmap::io
