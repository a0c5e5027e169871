// Edits of the editable layers, as the window, the command line and the tests make them. Every
// edit is validated first (nothing invalid is saved), runs in one transaction, is written by the
// one Writer (derived columns, version, audit row with the record before and after), and
// becomes one entry on the undo stack; the result carries the change records written.
//
// Concurrency: an update names the version it was loaded at. If the row has moved on meanwhile
// (another analyst saved it), nothing is written and the result carries a Conflict with both
// versions; resolve() then re-applies yours on top of theirs, or keeps theirs. Never a silent
// overwrite.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/record_checks.h"
#include "edit/rows.h"
#include "edit/undo_stack.h"
#include "edit/validation.h"
#include "edit/writer.h"

namespace secmap::edit {

struct Conflict {
  std::string table;
  int64_t id = 0;
  int64_t your_version = 0;         // the version you loaded
  int64_t their_version = 0;        // the version stored now (0: the row is gone)
  std::optional<Row> theirs;        // the row as stored now
  Fields yours = Fields::object();  // the changes you tried to save
  std::optional<geo::Geometry> your_geom;
  bool accept_outside = false;
};

enum class EditStatus { Ok, Invalid, Conflict, NotFound, Unchanged };

struct EditResult {
  EditStatus status = EditStatus::Ok;
  std::vector<FieldError> errors;  // Invalid: one per bad field
  std::optional<Conflict> conflict;
  int64_t id = 0;                     // the record edited or created
  int64_t version = 0;                // its version now
  std::string message;                // a one-line English summary
  std::vector<ChangeRecord> changes;  // what was written, in order (empty when nothing was)
  bool ok() const { return status == EditStatus::Ok || status == EditStatus::Unchanged; }
};

enum class Resolution { KeepMine, KeepTheirs, Cancel };

class Editor {
 public:
  explicit Editor(store::Database& db);

  // A new record of table with the given columns (see tables.h) and geometry.
  EditResult insert(std::string_view table, const Fields& fields,
                    std::optional<geo::Geometry> geom = {}, bool accept_outside = false);
  EditResult insert_incident(const IncidentInput& in);
  // Changes some columns (and/or the geometry) of a record loaded at expect_version.
  EditResult update(std::string_view table, int64_t id, int64_t expect_version,
                    const Fields& changes, std::optional<geo::Geometry> geom = {},
                    bool accept_outside = false);
  EditResult move(std::string_view table, int64_t id, int64_t expect_version, geo::Point p,
                  bool accept_outside = false);
  // Incidents are marked deleted (kept); other records are removed, their last state kept in
  // the audit trail.
  EditResult remove(std::string_view table, int64_t id, int64_t expect_version);
  // A commune's status from period_from on: a new row; the period before it is closed the day
  // before, and a later period bounds the new one. History is never overwritten.
  EditResult record_commune_status(const Fields& fields);
  // What to do about a conflict an update reported.
  EditResult resolve(const Conflict& conflict, Resolution choice);

  EditResult undo();
  EditResult redo();
  const UndoStack& history() const { return undo_; }

  // The record as stored now (for forms: fields and the version to save against).
  std::optional<Row> load(std::string_view table, int64_t id);

  Validator& validator() { return validator_; }
  // Today's date for "not in the future" checks; local today by default (tests pin it).
  void set_today(std::string iso) { today_ = std::move(iso); }
  std::string today() const;

 private:
  struct Txn;
  EditResult apply_inverse(const Command& c, bool is_undo);
  EditResult invalid(std::vector<FieldError> errs) const;
  store::Database& db_;
  Validator validator_;
  Writer writer_;
  UndoStack undo_;
  std::string today_;
};

std::string to_string(EditStatus s);

}  // namespace secmap::edit
