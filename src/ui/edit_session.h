// The window's editing: the incident form (new from a click on the map, or an existing
// incident), Save/Cancel with the errors of each field, conflicts with another analyst's save,
// and Undo/Redo. No ImGui here: the form panel, the menu, the keys and the test scripts all act
// through this class, so they take the same path as `secmap edit` and the edit tests.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "edit/editor.h"
#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::ui {

class AppState;

// The incident being typed. Values are the text of each field (tables.h column names).
struct IncidentForm {
  bool open = false;
  std::optional<int64_t> id;  // editing this incident; nullopt: a new one
  int64_t version = 0;        // the version loaded, saved against
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> loaded;  // values when opened: only changes are saved
  geo::Point lonlat;
  bool accept_outside = false;
  std::vector<edit::FieldError> errors;    // from the last Save
  std::optional<edit::Conflict> conflict;  // the last Save found a newer version
  // The error of one field, or nullptr.
  const edit::FieldError* error_of(const std::string& field) const;
};

class EditSession {
 public:
  explicit EditSession(store::Database& db);
  ~EditSession();

  // "Add incident": the next click on the map places it.
  bool adding() const { return adding_; }
  void set_adding(bool on) { adding_ = on; }

  // Opens the form for a new incident at lon/lat, with today's date and status "received".
  void new_incident(geo::Point lonlat);
  // Opens the form on a stored incident.
  bool open_incident(int64_t id);
  IncidentForm& form() { return form_; }
  // Sets one field by name (category, occurred_at, severity, status, case_number,
  // cross_border, campaign_tags, description, accept_outside). False for an unknown name.
  bool set_field(const std::string& name, const std::string& value);

  // Validates and saves; on success the form closes and the map reloads. On failure the form
  // keeps the errors (or the conflict) and nothing is written.
  bool save(AppState& state);
  void cancel();
  // After a conflict: save yours on top of theirs, or take theirs (the form closes).
  bool keep_mine(AppState& state);
  void keep_theirs();

  bool can_undo() const { return editor_.history().can_undo(); }
  bool can_redo() const { return editor_.history().can_redo(); }
  bool undo(AppState& state);
  bool redo(AppState& state);

  // A line about the last action (saved, undone, refused …) for the status bar / form.
  const std::string& message() const { return message_; }
  edit::Editor& editor() { return editor_; }
  // Code lists for the form's combos.
  const store::CodeLists& codes() { return editor_.validator().codes(); }

 private:
  bool after_write(AppState& state, const edit::EditResult& r);
  edit::Editor editor_;
  IncidentForm form_;
  bool adding_ = false;
  std::string message_;
};

}  // namespace secmap::ui
