#include "ui/edit_session.h"

#include "edit/audit.h"
#include "edit/tables.h"
#include "model/communes.h"
#include "model/layer_records.h"
#include "ui/app_state.h"

namespace secmap::ui {

namespace {

// The status columns a new period starts from: the current period's values.
constexpr const char* kStatusCarried[] = {"drug_free", "antt_standard", "movement_class",
                                          "residential_areas", "residential_areas_safe"};

}  // namespace

const edit::FieldError* RecordForm::error_of(const std::string& field) const {
  for (const auto& e : errors)
    if (e.field == field) return &e;
  return nullptr;
}

EditSession::EditSession(store::Database& db) : editor_(db), db_(db) {}
EditSession::~EditSession() = default;

void EditSession::set_adding(bool on, std::string table) {
  adding_ = on;
  if (on) {
    adding_table_ = std::move(table);
    drawing_route_ = false;
  }
}

void EditSession::new_incident(geo::Point lonlat) {
  new_record(adding_ ? adding_table_ : "incidents", lonlat);
}

bool EditSession::new_record(const std::string& table, std::optional<geo::Point> lonlat) {
  const model::Table* spec = model::find_editable(table);
  if (!spec) return false;
  form_ = {};
  form_.open = true;
  form_.table = table;
  if (lonlat && spec->geometry == "POINT") {
    form_.has_point = true;
    form_.lonlat = *lonlat;
  }
  // Sensible starting values: today for the record's date, the schema's defaults.
  for (const auto& col : spec->columns) {
    if (col.type == model::ColumnType::Boolean) form_.values[col.name] = "0";
    if (col.required &&
        (col.type == model::ColumnType::Date || col.type == model::ColumnType::DateTime))
      form_.values[col.name] = editor_.today();
  }
  if (table == "incidents") form_.values["status"] = "received";
  adding_ = false;
  message_.clear();
  return true;
}

bool EditSession::new_commune_status(const std::string& commune_code) {
  if (!model::load_commune_details(db_, commune_code)) return false;
  new_record("commune_status");
  form_.values["commune_code"] = commune_code;
  form_.values["period_from"] = editor_.today();
  // The latest period's values carry over (status records come by period_from, id).
  std::optional<int64_t> latest;
  for (const model::StatusRecord& r : model::load_status_records(db_))
    if (r.commune_code == commune_code) latest = r.id;
  if (latest) {
    if (auto cur = editor_.load("commune_status", *latest))
      for (const char* c : kStatusCarried)
        form_.values[c] = edit::value_text(cur->fields.value(c, edit::Fields()));
  }
  return true;
}

bool EditSession::open_record(const std::string& table, int64_t id) {
  const model::Table* spec = model::find_editable(table);
  if (!spec) return false;
  auto row = editor_.load(table, id);
  if (!row || (spec->soft_delete && row->fields.value("deleted", 0) != 0)) return false;
  form_ = {};
  form_.open = true;
  form_.table = table;
  form_.id = id;
  form_.version = row->version;
  for (const auto& col : spec->columns)
    form_.values[col.name] = edit::value_text(row->fields.value(col.name, edit::Fields()));
  if (row->geom && spec->geometry == "POINT" && !row->geom->points.empty()) {
    form_.has_point = true;
    form_.lonlat = row->geom->points[0];
  }
  if (row->geom && spec->geometry == "LINESTRING" && !row->geom->lines.empty())
    form_.line = row->geom->lines[0];
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
  const model::Table* spec = model::find_editable(form_.table);
  if (!spec || !spec->column(name)) return false;
  form_.values[name] = value;
  return true;
}

bool EditSession::has_unsaved_form() const {
  return form_.open && (!form_.id || form_.values != form_.loaded);
}

bool EditSession::restore_form(RecordForm form, const std::string& saved_at) {
  if (!model::find_editable(form.table)) return false;
  form_ = std::move(form);
  form_.open = true;
  form_.errors.clear();
  form_.conflict.reset();  // a newer version meanwhile shows as a conflict on Save
  form_.draft_from = saved_at;
  return true;
}

bool EditSession::after_write(AppState& state, const edit::EditResult& r) {
  message_ = r.message;
  form_.errors = r.errors;
  form_.conflict = r.conflict;
  if (r.status == edit::EditStatus::Ok || r.status == edit::EditStatus::Unchanged) {
    form_.open = false;
    form_.conflict.reset();
    if (r.status == edit::EditStatus::Ok) reload(state, r.changes);
    return true;
  }
  return false;
}

bool EditSession::save(AppState& state) {
  if (!form_.open) return false;
  const model::Table* spec = model::find_editable(form_.table);
  if (!spec) return false;
  edit::Fields fields = edit::Fields::object();
  std::vector<edit::FieldError> errs;
  for (const auto& [name, text] : form_.values) {
    if (form_.id && form_.loaded.count(name) && form_.loaded.at(name) == text) continue;
    const model::Column* col = spec->column(name);
    if (!col) continue;
    if (!form_.id && text.empty()) continue;  // not given
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
  std::optional<geo::Geometry> geom;
  if (spec->geometry == "POINT" && form_.has_point) geom = geo::Geometry::point(form_.lonlat);
  if (spec->geometry == "LINESTRING" && form_.line.size() >= 2)
    geom = geo::Geometry::line(form_.line);
  edit::EditResult r;
  try {
    if (form_.id)  // the geometry is changed by moving or redrawing, not by the form
      r = editor_.update(form_.table, *form_.id, form_.version, fields, std::nullopt,
                         form_.accept_outside);
    else if (form_.table == "commune_status")
      r = editor_.record_commune_status(fields);
    else
      r = editor_.insert(form_.table, fields, geom, form_.accept_outside);
  } catch (const std::exception& e) {  // the database is locked or read-only
    message_ = e.what();
    return false;
  }
  if (r.status == edit::EditStatus::Ok) {
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

bool EditSession::run(AppState& state, const std::function<edit::EditResult()>& step) {
  edit::EditResult r;
  refused_ = true;
  try {
    r = step();
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  message_ = r.message;  // names each refused field
  if (r.status != edit::EditStatus::Ok) return false;
  refused_ = false;
  reload(state, r.changes);
  return true;
}

bool EditSession::move_record(AppState& state, const std::string& table, int64_t id,
                              geo::Point lonlat) {
  auto row = editor_.load(table, id);
  if (!row) {
    message_ = "no " + table + " #" + std::to_string(id);
    return false;
  }
  // A point moved outside the province stays refused unless it was accepted outside before.
  const bool outside = row->fields.value("outside_communes", 0) != 0;
  return run(state, [&] { return editor_.move(table, id, row->version, lonlat, outside); });
}

void EditSession::request_delete(const std::string& table, int64_t id) {
  pending_delete_ = {table, id};
}

std::string EditSession::pending_delete_label() const {
  if (!pending_delete_) return {};
  return pending_delete_->first + " #" + std::to_string(pending_delete_->second);
}

bool EditSession::confirm_delete(AppState& state) {
  if (!pending_delete_) return false;
  const auto [table, id] = *pending_delete_;
  pending_delete_.reset();
  auto row = editor_.load(table, id);
  if (!row) {
    message_ = "no " + table + " #" + std::to_string(id);
    return false;
  }
  const bool ok = run(state, [&] { return editor_.remove(table, id, row->version); });
  if (ok && form_.open && form_.table == table && form_.id == id) form_ = {};
  return ok;
}

void EditSession::start_route() {
  drawing_route_ = true;
  adding_ = false;
  route_.clear();
  message_.clear();
}

void EditSession::add_route_vertex(geo::Point lonlat) {
  if (!drawing_route_) return;
  // A double click lands twice on one spot: one vertex.
  if (!route_.empty() && route_.back() == lonlat) return;
  route_.push_back(lonlat);
}

bool EditSession::finish_route() {
  if (!drawing_route_) return false;
  if (route_.size() < 2) {
    message_ = "a route needs at least two points";
    return false;
  }
  drawing_route_ = false;
  new_record("patrols");
  form_.line = std::move(route_);
  route_.clear();
  return true;
}

void EditSession::cancel_route() {
  drawing_route_ = false;
  route_.clear();
}

bool EditSession::undo(AppState& state) {
  return can_undo() && run(state, [this] { return editor_.undo(); });
}

bool EditSession::redo(AppState& state) {
  return can_redo() && run(state, [this] { return editor_.redo(); });
}

std::optional<std::pair<std::string, int64_t>> EditSession::record_of(const AppState& state,
                                                                      FeatureRef f) {
  const FeatureIndex* index = state.index();
  if (!f || !index) return std::nullopt;
  switch (f.kind) {
    case FeatureKind::Incident:
      return std::pair<std::string, int64_t>{"incidents", index->data().incidents.id.at(f.index)};
    case FeatureKind::Patrol:
      return std::pair<std::string, int64_t>{"patrols", index->data().patrols.at(f.index).id};
    case FeatureKind::Crossing:
      return std::pair<std::string, int64_t>{"crossings", index->crossings().at(f.index).id};
    case FeatureKind::Facility:
      return std::pair<std::string, int64_t>{"facilities", index->facilities().at(f.index).id};
    default:
      return std::nullopt;
  }
}

FeatureRef EditSession::find_feature(const AppState& st, const std::string& table,
                                     const std::string& key) {
  const FeatureIndex* index = st.index();
  if (!index) return {};
  const render::MapData& d = index->data();
  if (table == "communes") {
    for (size_t i = 0; i < d.communes.size(); ++i)
      if (d.communes[i].code == key) return {FeatureKind::Commune, static_cast<int>(i)};
    return {};
  }
  int64_t id = 0;
  try {
    id = std::stoll(key);
  } catch (const std::exception&) {
    return {};
  }
  if (table == "incidents") {
    for (size_t i = 0; i < d.incidents.id.size(); ++i)
      if (d.incidents.id[i] == id) return {FeatureKind::Incident, static_cast<int>(i)};
  } else if (table == "patrols") {
    for (size_t i = 0; i < d.patrols.size(); ++i)
      if (d.patrols[i].id == id) return {FeatureKind::Patrol, static_cast<int>(i)};
  } else if (table == "crossings" || table == "facilities") {
    const auto& pts = table == "crossings" ? index->crossings() : index->facilities();
    for (size_t i = 0; i < pts.size(); ++i)
      if (pts[i].id == id)
        return {table == "crossings" ? FeatureKind::Crossing : FeatureKind::Facility,
                static_cast<int>(i)};
  }
  return {};
}

void EditSession::reload(AppState& state, const std::vector<edit::ChangeRecord>& changes) {
  const FeatureRef sel = state.selected();
  std::optional<std::pair<std::string, std::string>> key;
  if (sel && sel.kind == FeatureKind::Commune && state.index())
    key = {"communes", state.index()->code(sel)};
  else if (auto rec = record_of(state, sel))
    key = {rec->first, std::to_string(rec->second)};
  state.apply_changes(changes);  // only what the edit touched; no reload
  if (key)
    if (const FeatureRef again = find_feature(state, key->first, key->second)) state.select(again);
}

const std::vector<edit::HistoryEntry>& EditSession::history_of(AppState& state, FeatureRef f) {
  std::string key;
  std::optional<std::pair<std::string, int64_t>> rec;
  if (f && f.kind == FeatureKind::Commune && state.index()) {
    key = "commune:" + state.index()->code(f);
  } else if ((rec = record_of(state, f))) {
    key = rec->first + ":" + std::to_string(rec->second);
  }
  const int64_t stamp = edit::last_audit_id(db_);
  if (key == history_.key && stamp == history_.audit_stamp) return history_.entries;
  history_.key = key;
  history_.audit_stamp = stamp;
  history_.entries.clear();
  if (key.starts_with("commune:"))
    history_.entries = edit::commune_status_changes(db_, key.substr(8));
  else if (rec)
    history_.entries = edit::record_changes(db_, rec->first, rec->second);
  return history_.entries;
}

nlohmann::json EditSession::history_json(const std::vector<edit::HistoryEntry>& entries) {
  using nlohmann::json;
  json out = json::array();
  for (const auto& e : entries) {
    json changes = json::array();
    for (const auto& c : e.changes)
      changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
    out.push_back({{"at", e.at},
                   {"who", e.who},
                   {"action", e.action},
                   {"table", e.table},
                   {"id", e.row_id},
                   {"changes", changes}});
  }
  return out;
}

nlohmann::json EditSession::state_json() const {
  using nlohmann::json;
  json j;
  j["adding"] = adding_ ? json(adding_table_) : json(nullptr);
  j["undo"] = editor_.history().undo_size();
  j["redo"] = editor_.history().redo_size();
  j["message"] = message_;
  j["drawing_route"] = drawing_route_;
  j["route_vertices"] = route_.size();
  j["pending_delete"] = pending_delete_label();
  if (form_.open) {
    json f = {{"table", form_.table},
              {"id", form_.id ? json(*form_.id) : json(nullptr)},
              {"version", form_.version},
              {"values", form_.values},
              {"line_vertices", form_.line.size()},
              {"unsaved", has_unsaved_form()},
              {"draft_from", form_.draft_from}};
    json errs = json::array();
    for (const auto& e : form_.errors)
      errs.push_back({{"field", e.field}, {"message", e.message}, {"message_vi", e.message_vi}});
    f["errors"] = errs;
    if (form_.conflict) {
      const edit::Conflict& c = *form_.conflict;
      f["conflict"] = {{"your_version", c.your_version},
                       {"their_version", c.their_version},
                       {"yours", c.yours},
                       {"theirs", c.theirs ? json::parse(edit::row_json(*c.theirs)) : json()}};
    }
    j["form"] = f;
  } else {
    j["form"] = nullptr;
  }
  return j;
}

}  // namespace secmap::ui
