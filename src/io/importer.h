// Import of any GDAL vector source into a secmap layer: field mapping, reprojection to
// EPSG:4326, NFC text, geometry repair, commune assignment for point layers, all in one
// transaction. Export writes a layer back out in the format named by the file's extension.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::io {

// A rejected import. The message names the file, the feature/row (1-based) or field and what is
// wrong; nothing was written.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ImportOptions {
  std::string layer;  // communes, border, crossings, facilities, incidents, ...
  std::filesystem::path file;
  std::optional<std::string> crs;           // overrides/supplies the source CRS, e.g. "EPSG:9208"
  std::map<std::string, std::string> map;   // our field -> source column
  std::optional<std::string> source_layer;  // for multi-layer sources (GPKG)
  std::string source_label;                 // stored in the `source` column; default: file name
  bool is_demo = false;                     // mark rows as demo data
  // Called with (done, total) for progress; total may be 0 when unknown.
  std::function<void(size_t, size_t)> progress;
};

struct ImportReport {
  size_t read = 0;                 // features read
  size_t imported = 0;             // rows written
  size_t repaired = 0;             // invalid geometries repaired with MakeValid
  size_t outside = 0;              // points outside every commune (kept, flagged)
  std::string source_crs;          // as detected or given
  std::vector<std::string> notes;  // human-readable remarks (e.g. which features were repaired)
};

// Imports one file into one layer. Throws ImportError (database untouched) on any bad input.
ImportReport import_file(store::Database& db, const ImportOptions& options);

// Names of the layers import/export understand.
const std::vector<std::string>& layer_names();

struct ExportReport {
  size_t written = 0;
  std::string driver;
};
// Writes a layer to a file; the extension picks the GDAL driver (.geojson .gpkg .shp .kml .csv
// .gpx). Throws ImportError for an unknown layer or extension.
ExportReport export_layer(store::Database& db, const std::string& layer,
                          const std::filesystem::path& file);

}  // namespace secmap::io
