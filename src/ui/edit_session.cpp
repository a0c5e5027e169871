#include "ui/edit_session.h"

#include "edit/audit.h"
#include "edit/tables.h"
#include "ui/app_state.h"

namespace secmap::ui {

namespace {

const edit::TableSpec& incidents_spec() {
  return *edit::find_table("incidents");
}

}  // namespace

const edit::FieldError* IncidentForm::error_of(const std::string& field) const {
  for (const auto& e : errors)
    if (e.field == field) return &e;
  return nullptr;
}

EditSession::EditSession(store::Database& db) : editor_(db) {}
EditSession::~EditSession() = default;

void EditSession::new_incident(geo::Point lonlat) {
  form_ = {};
  form_.open = true;
  form_.lonlat = lonlat;
  form_.values["occurred_at"] = edit::today_iso();
  form_.values["status"] = "received";
  form_.values["cross_border"] = "0";
  adding_ = false;
  message_.clear();
}

bool EditSession::open_incident(int64_t id) {
  auto row = editor_.load("incidents", id);
  if (!row) return false;
  form_ = {};
  form_.open = true;
  form_.id = id;
  form_.version = row->version;
  for (const auto& col : incidents_spec().columns)
    form_.values[col.name] = edit::value_text(row->fields.value(col.name, edit::Fields()));
  if (row->geom && !row->geom->points.empty()) form_.lonlat = row->geom->points[0];
  form_.accept_outside = row->fields.value("outside_communes", 0) != 0;
  form_.loaded = form_.values;
  message_.clear();
  return true;
}

bool EditSession::set_field(const std::string& name, const std::string& value) {
  if (name == "accept_outside") {
    form_.accept_outside = value == "1" || value == "true" || value == "on";
    return true;
  }
  if (!incidents_spec().column(name)) return false;
  form_.values[name] = value;
  return true;
}

bool EditSession::after_write(AppState& state, const edit::EditResult& r) {
  message_ = r.message;
  form_.errors = r.errors;
  form_.conflict = r.conflict;
  if (r.status == edit::EditStatus::Ok || r.status == edit::EditStatus::Unchanged) {
    form_.open = false;
    form_.conflict.reset();
    if (r.status == edit::EditStatus::Ok) state.reload_data();
    return true;
  }
  return false;
}

bool EditSession::save(AppState& state) {
  if (!form_.open) return false;
  const edit::TableSpec& spec = incidents_spec();
  edit::Fields fields = edit::Fields::object();
  std::vector<edit::FieldError> errs;
  for (const auto& [name, text] : form_.values) {
    if (form_.id && form_.loaded.count(name) && form_.loaded.at(name) == text) continue;
    const edit::ColumnSpec* col = spec.column(name);
    if (!col) continue;
    std::string error;
    if (auto v = edit::parse_value(*col, text, &error))
      fields[name] = *v;
    else
      errs.push_back({name, error, error});
  }
  if (!errs.empty()) {
    form_.errors = std::move(errs);
    message_ = "not saved";
    return false;
  }
  const auto point = geo::Geometry::point(form_.lonlat);
  edit::EditResult r;
  try {
    r = form_.id ? editor_.update("incidents", *form_.id, form_.version, fields, std::nullopt,
                                  form_.accept_outside)
                 : editor_.insert("incidents", fields, point, form_.accept_outside);
  } catch (const std::exception& e) {  // the database is locked or read-only
    message_ = e.what();
    return false;
  }
  if (r.ok() && r.status == edit::EditStatus::Ok) {
    form_.id = r.id;
    form_.version = r.version;
  }
  return after_write(state, r);
}

void EditSession::cancel() {
  form_ = {};
  adding_ = false;
  message_.clear();
}

bool EditSession::keep_mine(AppState& state) {
  if (!form_.conflict) return false;
  edit::EditResult r;
  try {
    r = editor_.resolve(*form_.conflict, edit::Resolution::KeepMine);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  return after_write(state, r);
}

void EditSession::keep_theirs() {
  form_ = {};
  message_ = "kept their version";
}

namespace {
// Runs an undo or redo step; on success the map reloads so it shows the restored rows.
template <typename Step>
bool run_history_step(Step step, std::string& message, AppState& state) {
  edit::EditResult r;
  try {
    r = step();
  } catch (const std::exception& e) {
    message = e.what();
    return false;
  }
  message = r.message;
  if (r.status != edit::EditStatus::Ok) return false;
  state.reload_data();
  return true;
}
}  // namespace

bool EditSession::undo(AppState& state) {
  return can_undo() && run_history_step([this] { return editor_.undo(); }, message_, state);
}

bool EditSession::redo(AppState& state) {
  return can_redo() && run_history_step([this] { return editor_.redo(); }, message_, state);
}

}  // namespace secmap::ui
