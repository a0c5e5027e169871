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
#include <utility>
#include <vector>

#include "io/office_dates.h"
#include "store/database.h"
#include "text/encoding.h"

namespace secmap::io {

// One row of a source that cannot be imported: where it is (as the user sees it in the file),
// which field, and why.
struct RowProblem {
  size_t row = 0;          // 1-based data row / feature number
  size_t line = 0;         // CSV: the 1-based line the row starts on; 0 for other formats
  std::string where;       // "row 2 (line 3) (case_number A2)" or "feature 5"
  std::string field;       // our field name, "location"/"geometry", or empty
  std::string message;     // English
  std::string message_vi;  // Vietnamese, when the check has one
  // "row 2 (line 3), field 'occurred_at': '2024-02-30' is not a date"
  std::string text() const;
};

// A rejected import. The message names the file, the feature/row (1-based) or field and what is
// wrong; nothing was written. When rows were at fault, `problems` lists every one of them.
class ImportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ImportError(const std::string& message, std::vector<RowProblem> problems, size_t rows_read)
      : std::runtime_error(message), problems(std::move(problems)), rows_read(rows_read) {}
  std::vector<RowProblem> problems;
  size_t rows_read = 0;
};

struct ImportOptions {
  std::string layer;  // communes, border, crossings, facilities, incidents, ...
  std::filesystem::path file;
  std::optional<std::string> crs;           // overrides/supplies the source CRS, e.g. "EPSG:9208"
  std::map<std::string, std::string> map;   // our field -> source column
  std::optional<std::string> source_layer;  // for multi-layer sources (GPKG)
  std::string source_label;                 // stored in the `source` column; default: file name
  bool is_demo = false;                     // mark rows as demo data
  std::optional<text::Encoding> encoding;   // CSV text encoding; nullopt: detect
  // Check every row, write nothing, and report what would be added (or every failing row).
  bool dry_run = false;
  // Incidents: points outside the province's communes are accepted (kept, flagged) rather than
  // rejected by the validation rules.
  bool accept_outside = false;
  std::string today;  // for "not in the future" checks; empty: today's local date
  // How "03/01/2025" reads; Unknown: from the column (a day above 12), else refused.
  DayOrder day_order = DayOrder::Unknown;
  // Per coded field: source value → code ("1" → "it_nghiem_trong"), for files that write codes
  // their own way.
  std::map<std::string, std::map<std::string, std::string>> value_map;
  // Incidents named by commune only: the province of those names when the file has no
  // province column (a name two provinces share needs one).
  std::string province;
  // Called with (done, total) for progress; total may be 0 when unknown.
  std::function<void(size_t, size_t)> progress;
};

struct ImportReport {
  size_t read = 0;                 // features read
  size_t imported = 0;             // rows written
  size_t repaired = 0;             // invalid geometries repaired with MakeValid
  size_t outside = 0;              // points outside every commune (kept, flagged)
  std::string source_crs;          // as detected or given
  std::string encoding;            // CSV: the text encoding read ("UTF-8", "TCVN3", …)
  std::vector<std::string> notes;  // human-readable remarks (e.g. which features were repaired)
  bool dry_run = false;            // nothing was written; `imported` is 0, `checked` rows passed
  size_t checked = 0;              // rows that passed every check
  std::optional<int64_t> first_id, last_id;              // ids given to the new rows
  std::string first_date, last_date;                     // range of the layer's first date field
  std::vector<std::pair<std::string, size_t>> communes;  // commune code → rows, most first
  size_t audit_rows = 0;                                 // audit_log rows written (action import)
  std::vector<std::pair<std::string, std::string>> mapping;  // source column → field
  std::vector<std::string> unused_columns;                   // source columns no field takes
  size_t by_commune = 0;  // incidents located by their commune only (no coordinates)
};

// Imports one file into one layer, all or nothing, with audit rows (action "import") in the same
// transaction. Throws ImportError (database untouched) on any bad input; when rows are at fault
// the error lists every failing row, and so does a dry run.
ImportReport import_file(store::Database& db, const ImportOptions& options);

// Names of the layers import/export understand.
const std::vector<std::string>& layer_names();

struct ExportOptions {
  // Sensitive rows (model/sensitivity.h: individual incidents, patrols, openings, trails and
  // flagged records) are written only when asked for.
  bool include_sensitive = false;
};
struct ExportReport {
  size_t written = 0;
  size_t withheld = 0;  // sensitive rows left out
  std::string driver;
};
// Writes a layer to a file; the extension picks the GDAL driver (.geojson .gpkg .shp .kml .csv
// .gpx). Throws ImportError for an unknown layer or extension.
ExportReport export_layer(store::Database& db, const std::string& layer,
                          const std::filesystem::path& file, const ExportOptions& options = {});

}  // namespace secmap::io
