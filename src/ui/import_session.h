// The window's import (File › Import data): a file, its sheet, the layer it goes to, a preview
// of its first rows with the column → field mapping the user can change per column, the date
// format, a check that runs the whole import without writing (every failing row listed), and
// the import itself once the user confirms. Checks and imports run on a worker thread with their
// own connection, with progress; the window keeps drawing. No ImGui here: the dialog, the menu
// and the test scripts act through this class, and it runs the same io::import_file as
// `secmap import`.
#pragma once
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/import_preview.h"
#include "io/importer.h"

namespace secmap::ui {

class AppState;

// What the last check or import ended with.
struct ImportOutcome {
  bool dry_run = true;
  bool ok = false;
  io::ImportReport report;               // when ok
  std::string error;                     // when not ok: the first line of the reason
  std::vector<io::RowProblem> problems;  // every failing row
};

class ImportSession {
 public:
  ImportSession();
  ~ImportSession();  // waits for a running job (an import is never cut off mid-transaction)
  ImportSession(const ImportSession&) = delete;
  ImportSession& operator=(const ImportSession&) = delete;

  bool is_open() const { return open_; }
  void open_dialog() { open_ = true; }
  // Closes the dialog; a running job goes on, and its result still reaches the map.
  void close() { open_ = false; }

  // Reads the head of the file (sheets, first rows, proposed mapping). False with message()
  // when it cannot be read; a new file forgets the previous mapping and sheet.
  bool choose_file(const std::filesystem::path& file);
  const std::filesystem::path& file() const { return options_.file; }
  // The secmap layer the rows go to (incidents by default); re-reads the preview.
  bool set_layer(const std::string& layer);
  const std::string& layer() const { return options_.layer; }
  bool set_sheet(const std::string& sheet);
  // Column → field ("" keeps the column as extra). A field takes one column: the field's
  // previous column, and any other field this column filled, let go.
  bool set_column_field(const std::string& column, const std::string& field);
  // "auto", "dd/mm/yyyy" or "mm/dd/yyyy" (io::parse_date_format).
  bool set_date_format(const std::string& format);
  std::string date_format() const;

  const std::optional<io::ImportPreview>& preview() const { return preview_; }
  // The fields a column can be given to in the current layer.
  const std::vector<std::string>& fields() const { return fields_; }
  const std::map<std::string, std::string>& mapping_overrides() const { return options_.map; }
  // Why the last choice failed, or a note; empty when all is well.
  const std::string& message() const { return message_; }

  // Starts a check (the whole file read and validated, nothing written) or the import of
  // `database`. An import is allowed only after a check of the same choices passed.
  bool start_check(const std::filesystem::path& database);
  bool can_import() const;
  bool start_import(const std::filesystem::path& database);
  bool running() const { return job_.valid(); }
  // Rows done and the total (0: not known yet).
  std::pair<size_t, size_t> progress() const { return {progress_->done, progress_->total}; }
  // Each frame: takes a finished job's outcome; after an import that wrote rows, reloads the
  // map's data. True when an outcome arrived.
  bool poll(AppState& state);
  // Blocks until the running job ends, then polls (scripts and tests).
  bool wait(AppState& state);
  const std::optional<ImportOutcome>& outcome() const { return outcome_; }

 private:
  struct Progress {
    std::atomic<size_t> done{0}, total{0};
  };
  bool refresh_preview();  // reads the file's head again (a new file or sheet)
  bool replan();           // the mapping again from the columns read (a new layer or mapping)
  std::future<ImportOutcome> run(const std::filesystem::path& database, bool dry_run);

  bool open_ = false;
  io::ImportOptions options_;
  std::optional<io::ImportPreview> preview_;
  std::vector<std::string> fields_;
  std::string message_;
  std::shared_ptr<Progress> progress_ = std::make_shared<Progress>();
  std::future<ImportOutcome> job_;
  std::optional<ImportOutcome> outcome_;
  std::string running_choices_;  // the choices the running check runs with
  std::string checked_choices_;  // the choices the last passed check ran with
};

}  // namespace secmap::ui
