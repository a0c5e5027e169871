#include "edit/editor.h"

#include <algorithm>
#include <cstdio>

#include "edit/audit.h"
#include "model/record_reader.h"
#include "store/civil_date.h"

namespace secmap::edit {

namespace {

std::string describe(std::string_view action, std::string_view table, int64_t id) {
  return std::string(action) + " " + std::string(table) + " #" + std::to_string(id);
}

bool is_deleted(const std::optional<Row>& r) {
  if (!r) return true;
  auto it = r->fields.find("deleted");
  return it != r->fields.end() && it->is_number_integer() && it->get<int64_t>() != 0;
}

std::string text_field(const Fields& f, const char* key) {
  auto it = f.find(key);
  return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The ISO date one day before an ISO date.
std::string day_before(const std::string& iso) {
  const int32_t day = store::days_from_civil(
      std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2)));
  const store::Ymd d = store::civil_from_days(day - 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

FieldError field_error(std::string field, std::string en, std::string vi) {
  return {std::move(field), std::move(en), std::move(vi)};
}

// Unknown or derived columns in a set of changes.
std::vector<FieldError> check_settable(const model::Table& spec, const Fields& fields) {
  std::vector<FieldError> errs;
  if (!fields.is_object()) {
    errs.push_back(field_error("", "fields must be an object", "dữ liệu phải là một đối tượng"));
    return errs;
  }
  for (const auto& [name, value] : fields.items())
    if (!spec.column(name))
      errs.push_back(field_error(name, name + " is not an editable field of " + spec.table,
                                 name + " không phải trường sửa được của " + spec.table));
  return errs;
}

// Conflict for a row found at another version than expected.
Conflict make_conflict(const model::Table& spec, int64_t id, int64_t expected,
                       std::optional<Row> theirs) {
  Conflict c;
  c.table = spec.table;
  c.id = id;
  c.your_version = expected;
  c.their_version = theirs ? theirs->version : 0;
  c.theirs = std::move(theirs);
  return c;
}

}  // namespace

std::string to_string(EditStatus s) {
  switch (s) {
    case EditStatus::Ok:
      return "ok";
    case EditStatus::Invalid:
      return "invalid";
    case EditStatus::Conflict:
      return "conflict";
    case EditStatus::NotFound:
      return "not found";
    case EditStatus::Unchanged:
      return "unchanged";
  }
  return "?";
}

// One edit's transaction and the command it builds.
struct Editor::Txn {
  store::Transaction tx;
  Command command;
  explicit Txn(store::Database& db) : tx(db) {}
};

Editor::Editor(store::Database& db) : db_(db), validator_(db), writer_(db, validator_) {}

std::string Editor::today() const {
  return today_.empty() ? today_iso() : today_;
}

std::optional<Row> Editor::load(std::string_view table, int64_t id) {
  const model::Table* spec = model::find_editable(table);
  if (!spec) return std::nullopt;
  return read_row(db_, *spec, id);
}

EditResult Editor::invalid(std::vector<FieldError> errs) const {
  EditResult r;
  r.status = EditStatus::Invalid;
  r.message = "not saved: ";
  for (size_t i = 0; i < errs.size(); ++i)
    r.message += (i ? "; " : "") + errs[i].field + ": " + errs[i].message;
  r.errors = std::move(errs);
  return r;
}

EditResult Editor::insert(std::string_view table, const Fields& fields,
                          std::optional<geo::Geometry> geom, bool accept_outside) {
  const model::Table* spec = model::find_editable(table);
  if (!spec)
    return invalid({field_error("table", std::string(table) + " is not an editable table",
                                std::string(table) + " không phải bảng sửa được")});
  if (auto errs = check_settable(*spec, fields); !errs.empty()) return invalid(std::move(errs));
  Txn t(db_);
  Fields merged = fields;
  if (auto errs =
          check_record(validator_, {spec, &merged, &geom, std::nullopt, accept_outside}, today());
      !errs.empty())
    return invalid(std::move(errs));
  writer_.derive(*spec, merged, geom, true);
  Row row;
  row.fields = merged;
  row.geom = geom;
  ChangeRecord c = writer_.insert(*spec, std::move(row));
  const int64_t id = c.id;
  EditResult r;
  r.id = id;
  r.version = c.version();
  r.message = describe("inserted", spec->table, id);
  r.changes.push_back(c);
  t.command.label = describe("insert", spec->table, id);
  t.command.changes.push_back(std::move(c));
  t.tx.commit();
  undo_.push(std::move(t.command));
  return r;
}

EditResult Editor::insert_incident(const IncidentInput& in) {
  std::optional<geo::Geometry> geom;
  if (in.has_location) geom = geo::Geometry::point({in.lon, in.lat});
  return insert("incidents", incident_fields(in), geom, in.accept_outside);
}

EditResult Editor::update(std::string_view table, int64_t id, int64_t expect_version,
                          const Fields& changes, std::optional<geo::Geometry> geom,
                          bool accept_outside) {
  const model::Table* spec = model::find_editable(table);
  if (!spec)
    return invalid({field_error("table", std::string(table) + " is not an editable table",
                                std::string(table) + " không phải bảng sửa được")});
  if (auto errs = check_settable(*spec, changes); !errs.empty()) return invalid(std::move(errs));
  Txn t(db_);  // the write lock is held from here, so the version read stays current
  std::optional<Row> cur = read_row(db_, *spec, id);
  EditResult r;
  r.id = id;
  if (!cur || (spec->soft_delete && is_deleted(cur))) {
    r.status = EditStatus::NotFound;
    r.message = describe("no", spec->table, id) + (cur ? " (deleted)" : "");
    return r;
  }
  if (cur->version != expect_version) {
    r.status = EditStatus::Conflict;
    r.conflict = make_conflict(*spec, id, expect_version, cur);
    r.conflict->yours = changes;
    r.conflict->your_geom = geom;
    r.conflict->accept_outside = accept_outside;
    r.version = cur->version;
    r.message = spec->table + " #" + std::to_string(id) + " was changed by " + cur->updated_by +
                " since you loaded it (your version " + std::to_string(expect_version) +
                ", theirs " + std::to_string(cur->version) + ")";
    return r;
  }
  Row next = *cur;
  for (const auto& [name, value] : changes.items()) next.fields[name] = value;
  const bool geom_changed = geom.has_value();
  if (geom_changed) next.geom = geom;
  if (next.fields == cur->fields && !geom_changed) {
    r.status = EditStatus::Unchanged;
    r.version = cur->version;
    r.message = "nothing to change";
    return r;
  }
  // A point that was accepted outside stays accepted unless it moves.
  const bool outside_ok = accept_outside || (!geom_changed && spec->table == "incidents" &&
                                             cur->fields.value("outside_communes", 0) != 0);
  if (auto errs =
          check_record(validator_, {spec, &next.fields, &next.geom, id, outside_ok}, today());
      !errs.empty())
    return invalid(std::move(errs));
  writer_.derive(*spec, next.fields, next.geom, geom_changed);
  ChangeRecord c = writer_.overwrite(*spec, *cur, std::move(next));
  r.version = c.version();
  r.changes.push_back(c);
  t.command.label = describe("update", spec->table, id);
  t.command.changes.push_back(std::move(c));
  t.tx.commit();
  undo_.push(std::move(t.command));
  r.message = describe("updated", spec->table, id) + " to version " + std::to_string(r.version);
  return r;
}

EditResult Editor::move(std::string_view table, int64_t id, int64_t expect_version, geo::Point p,
                        bool accept_outside) {
  return update(table, id, expect_version, Fields::object(), geo::Geometry::point(p),
                accept_outside);
}

EditResult Editor::remove(std::string_view table, int64_t id, int64_t expect_version) {
  const model::Table* spec = model::find_editable(table);
  if (!spec)
    return invalid({field_error("table", std::string(table) + " is not an editable table",
                                std::string(table) + " không phải bảng sửa được")});
  Txn t(db_);
  std::optional<Row> cur = read_row(db_, *spec, id);
  EditResult r;
  r.id = id;
  if (!cur || (spec->soft_delete && is_deleted(cur))) {
    r.status = EditStatus::NotFound;
    r.message = describe("no", spec->table, id);
    return r;
  }
  if (cur->version != expect_version) {
    r.status = EditStatus::Conflict;
    r.conflict = make_conflict(*spec, id, expect_version, cur);
    r.version = cur->version;
    r.message = spec->table + " #" + std::to_string(id) + " changed since you loaded it";
    return r;
  }
  ChangeRecord c = writer_.remove(*spec, *cur);
  r.version = c.version();
  r.changes.push_back(c);
  t.command.label = describe("delete", spec->table, id);
  t.command.changes.push_back(std::move(c));
  t.tx.commit();
  undo_.push(std::move(t.command));
  r.message = describe("deleted", spec->table, id);
  return r;
}

EditResult Editor::record_commune_status(const Fields& fields) {
  const model::Table* spec = model::find_editable("commune_status");
  if (auto errs = check_settable(*spec, fields); !errs.empty()) return invalid(std::move(errs));
  Txn t(db_);
  Fields row_fields = fields;
  const std::string code = text_field(fields, "commune_code");
  const std::string from = text_field(fields, "period_from");
  std::optional<Row> previous, next_period;
  if (!code.empty() && is_iso_date(from)) {
    std::vector<std::pair<int64_t, std::string>> periods;
    for (model::KeyRow& k :
         model::load_key_values(db_, "commune_status", {"period_from"}, {{"commune_code", code}}))
      periods.emplace_back(k.id, k.values[0].value_or(""));
    std::stable_sort(periods.begin(), periods.end(),
                     [](const auto& a, const auto& b) { return a.second < b.second; });
    for (const auto& [pid, pfrom] : periods) {
      if (pfrom == from)
        return invalid({field_error(
            "period_from",
            "commune " + code + " already has a status from " + from + " (#" + std::to_string(pid) +
                "); edit that record",
            "xã " + code + " đã có trạng thái từ ngày " + from + "; hãy sửa bản ghi đó")});
      if (pfrom < from) previous = read_row(db_, *spec, pid);
      if (pfrom > from && !next_period) next_period = read_row(db_, *spec, pid);
    }
  }
  // The new period ends where a later one begins.
  if (next_period) {
    const std::string next_from = next_period->fields["period_from"].get<std::string>();
    const std::string buf = day_before(next_from.substr(0, 10));
    const std::string given = text_field(fields, "period_to");
    if (given.empty() || given > buf) row_fields["period_to"] = buf;
  }
  std::optional<geo::Geometry> no_geom;
  if (auto errs =
          check_record(validator_, {spec, &row_fields, &no_geom, std::nullopt, false}, today());
      !errs.empty())
    return invalid(std::move(errs));
  // Close the period before, the day before the new one starts, if it is still open past it.
  if (previous) {
    const std::string buf = day_before(from);
    const auto& to = previous->fields["period_to"];
    if (to.is_null() || to.get<std::string>() >= from) {
      Row closed = *previous;
      closed.fields["period_to"] = buf;
      t.command.changes.push_back(writer_.overwrite(*spec, *previous, std::move(closed)));
    }
  }
  Row row;
  row.fields = row_fields;
  t.command.changes.push_back(writer_.insert(*spec, std::move(row)));
  const int64_t id = t.command.changes.back().id;
  t.command.label = "record commune_status of " + code + " from " + from;
  EditResult r;
  r.changes = t.command.changes;
  t.tx.commit();
  undo_.push(std::move(t.command));
  r.id = id;
  r.version = 1;
  r.message = "recorded commune_status #" + std::to_string(id) + " for " + code + " from " + from;
  return r;
}

EditResult Editor::resolve(const Conflict& c, Resolution choice) {
  if (choice != Resolution::KeepMine) {
    EditResult r;
    r.status = EditStatus::Unchanged;
    r.id = c.id;
    r.version = c.their_version;
    r.message = choice == Resolution::KeepTheirs ? "kept their version" : "cancelled";
    return r;
  }
  if (!c.theirs) {
    EditResult r;
    r.status = EditStatus::NotFound;
    r.id = c.id;
    r.message = c.table + " #" + std::to_string(c.id) + " no longer exists";
    return r;
  }
  // Your changes on top of their version: their other edits survive. A further change in the
  // meantime reports a new conflict.
  return update(c.table, c.id, c.their_version, c.yours, c.your_geom, c.accept_outside);
}

EditResult Editor::apply_inverse(const Command& c, bool is_undo) {
  EditResult r;
  Txn t(db_);
  for (auto it = c.changes.rbegin(); it != c.changes.rend(); ++it) {
    const model::Table* spec = model::find_editable(it->table);
    if (!spec) throw store::StoreError("undo: " + it->table + " is not an editable table");
    std::optional<Row> cur = read_row(db_, *spec, it->id);
    // The row must still be as this command left it; otherwise someone edited it since.
    const bool as_left = it->after ? (cur && cur->version == it->after->version) : !cur;
    if (!as_left) {
      r.status = EditStatus::Conflict;
      r.conflict = make_conflict(*spec, it->id, it->after ? it->after->version : 0, cur);
      r.id = it->id;
      r.message = std::string(is_undo ? "cannot undo" : "cannot redo") + " '" + c.label +
                  "': " + spec->table + " #" + std::to_string(it->id) + " was changed since";
      return r;  // the transaction rolls back: nothing of the command is undone
    }
    ChangeRecord done;
    if (!it->before) {
      done = writer_.remove(*spec, *cur);  // undoing an insert: marked deleted, or erased
    } else if (cur) {
      const bool was_deleted = is_deleted(cur), will_be_deleted = is_deleted(it->before);
      done = writer_.overwrite(*spec, *cur, *it->before,
                               was_deleted == will_be_deleted ? "update"
                               : will_be_deleted              ? "delete"
                                                              : "insert");
    } else {
      Row back = *it->before;
      back.version = it->before->version + 1;
      done = writer_.insert(*spec, std::move(back));
    }
    const std::optional<Row> after = done.after;
    r.changes.push_back(done);
    t.command.changes.push_back(std::move(done));
    r.id = it->id;
    r.version = after ? after->version : 0;
  }
  t.command.label = c.label;
  t.tx.commit();
  r.message = std::string(is_undo ? "undid '" : "redid '") + c.label + "'";
  std::vector<std::pair<std::string, std::optional<Row>>> now;
  for (const Change& ch : t.command.changes) now.emplace_back(ch.table, ch.after);
  std::vector<int64_t> ids;
  for (const Change& ch : t.command.changes) ids.push_back(ch.id);
  if (is_undo)
    undo_.undone(std::move(t.command));
  else
    undo_.redone(std::move(t.command));
  for (size_t i = 0; i < now.size(); ++i)
    undo_.rebase(is_undo, now[i].first, ids[i], now[i].second);
  return r;
}

EditResult Editor::undo() {
  if (!undo_.next_undo()) {
    EditResult r;
    r.status = EditStatus::Unchanged;
    r.message = "nothing to undo";
    return r;
  }
  return apply_inverse(*undo_.next_undo(), true);
}

EditResult Editor::redo() {
  if (!undo_.next_redo()) {
    EditResult r;
    r.status = EditStatus::Unchanged;
    r.message = "nothing to redo";
    return r;
  }
  return apply_inverse(*undo_.next_redo(), false);
}

}  // namespace secmap::edit
