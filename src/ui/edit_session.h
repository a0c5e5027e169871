// The window's editing: one form for a record of any editable table (incidents, a commune's
// status for a period, designations, crossings, facilities, cooperation events, campaigns, patrol
// routes), new from a click on the map or on a stored record; Save/Cancel with the errors of each
// field; conflicts with another analyst's save (keep mine / keep theirs); moving an incident,
// deleting a record after a confirmation, drawing a patrol route; Undo/Redo; and the history of
// the selected feature from the audit trail. No ImGui here: the panels, the menu, the keys, the
// mouse and the test scripts all act through this class, so they take the same path as `secmap
// edit` and the edit tests.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "edit/editor.h"
#include "edit/history.h"
#include "geo/geometry.h"
#include "store/database.h"
#include "ui/features.h"

namespace secmap::ui {

class AppState;

// The record being typed. Values are the text of each field (tables.h column names).
struct RecordForm {
  bool open = false;
  std::string table = "incidents";
  std::optional<int64_t> id;  // editing this record; nullopt: a new one
  int64_t version = 0;        // the version loaded, saved against
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> loaded;  // values when opened: only changes are saved
  bool has_point = false;                     // a POINT table's location
  geo::Point lonlat;
  std::vector<geo::Point> line;  // a patrol route's vertices (lon/lat)
  bool accept_outside = false;
  std::vector<edit::FieldError> errors;    // from the last Save
  std::optional<edit::Conflict> conflict;  // the last Save found a newer version
  std::string draft_from;  // back from the draft kept at this time (form_draft.h); "" otherwise
  // The error of one field, or nullptr.
  const edit::FieldError* error_of(const std::string& field) const;
};
using IncidentForm = RecordForm;

class EditSession {
 public:
  explicit EditSession(store::Database& db);
  ~EditSession();

  // "Add …": the next click on the map places a new record of this table (point tables).
  bool adding() const { return adding_; }
  void set_adding(bool on, std::string table = "incidents");
  const std::string& adding_table() const { return adding_table_; }
  // The click that "Add" waits for: opens the form for a new record there.
  void place(geo::Point lonlat) { new_record(adding_table_, lonlat); }

  // Opens the form for a new incident at lon/lat, with today's date and status "received" —
  // or, while "Add" waits for a click for another table, a new record of that table (the
  // window's click handler calls this).
  void new_incident(geo::Point lonlat);
  // A new record of any editable table; lonlat for point tables (nullopt: none yet).
  bool new_record(const std::string& table, std::optional<geo::Point> lonlat = {});
  // A commune's status from a new period on, prefilled with the current period's values; the
  // save closes the previous period (Editor::record_commune_status), never overwrites it.
  bool new_commune_status(const std::string& commune_code);
  // Opens the form on a stored incident / record.
  bool open_incident(int64_t id) { return open_record("incidents", id); }
  bool open_record(const std::string& table, int64_t id);
  RecordForm& form() { return form_; }
  // Sets one field of the open form by column name (or accept_outside). False for an unknown
  // name.
  bool set_field(const std::string& name, const std::string& value);

  // Validates and saves as one transaction; on success the form closes and the map reloads. On
  // failure the form keeps the errors (or the conflict) and nothing is written.
  bool save(AppState& state);
  void cancel();
  // The open form holds what the user entered and has not saved: a new record (its place on the
  // map is input too), or values changed from the stored ones.
  bool has_unsaved_form() const;
  // Opens a kept draft as the form, still unsaved; false when its table is no longer editable.
  bool restore_form(RecordForm form, const std::string& saved_at);
  // After a conflict: save yours on top of theirs, or take theirs (the form closes).
  bool keep_mine(AppState& state);
  void keep_theirs();

  // Moves a stored point record (an incident dragged on the map): one undoable edit.
  bool move_record(AppState& state, const std::string& table, int64_t id, geo::Point lonlat);
  // Delete asks first: request_delete() names the record, the panel asks, confirm_delete()
  // removes it (incidents are marked deleted, never erased).
  void request_delete(const std::string& table, int64_t id);
  bool delete_pending() const { return pending_delete_.has_value(); }
  std::string pending_delete_label() const;
  bool confirm_delete(AppState& state);
  void cancel_delete() { pending_delete_.reset(); }

  // Drawing a patrol route: clicks add vertices; finish opens the patrol form with the line.
  void start_route();
  bool drawing_route() const { return drawing_route_; }
  void add_route_vertex(geo::Point lonlat);
  const std::vector<geo::Point>& route_vertices() const { return route_; }
  // False (and keeps drawing) with fewer than two vertices.
  bool finish_route();
  void cancel_route();

  bool can_undo() const { return editor_.history().can_undo(); }
  bool can_redo() const { return editor_.history().can_redo(); }
  bool undo(AppState& state);
  bool redo(AppState& state);

  // The table and id of a selected feature (communes: none; their history is by code).
  static std::optional<std::pair<std::string, int64_t>> record_of(const AppState& state,
                                                                  FeatureRef f);
  // The feature of a record (table "communes": by code), or none.
  static FeatureRef find_feature(const AppState& state, const std::string& table,
                                 const std::string& key);
  // The audit history Identify shows for a feature: a commune's status periods, or the record's
  // own changes. Re-read only when the trail or the selection changes.
  const std::vector<edit::HistoryEntry>& history_of(AppState& state, FeatureRef f);

  // A line about the last action (saved, undone, refused …) for the status bar / form.
  const std::string& message() const { return message_; }
  // A move, delete, undo or redo that was refused (outside a form): the window shows why
  // until it is dismissed.
  bool refused() const { return refused_; }
  void dismiss_refusal() { refused_ = false; }
  edit::Editor& editor() { return editor_; }
  // Code lists for the form's combos.
  const store::CodeLists& codes() { return editor_.validator().codes(); }
  // The editing state for dump-state (form, errors, conflict, route, undo/redo depth).
  nlohmann::json state_json() const;
  static nlohmann::json history_json(const std::vector<edit::HistoryEntry>& entries);

 private:
  bool after_write(AppState& state, const edit::EditResult& r);
  // Re-reads the map after a write; the selection stays on the same record when it still exists.
  // Applies what the writer wrote to the window's data and keeps the selection on its record.
  void reload(AppState& state, const std::vector<edit::ChangeRecord>& changes);
  bool run(AppState& state, const std::function<edit::EditResult()>& step);
  edit::Editor editor_;
  store::Database& db_;
  RecordForm form_;
  bool adding_ = false;
  std::string adding_table_ = "incidents";
  std::optional<std::pair<std::string, int64_t>> pending_delete_;
  bool drawing_route_ = false;
  std::vector<geo::Point> route_;
  std::string message_;
  bool refused_ = false;
  struct HistoryCache {
    std::string key;
    int64_t audit_stamp = -1;
    std::vector<edit::HistoryEntry> entries;
  } history_;
};

}  // namespace secmap::ui
