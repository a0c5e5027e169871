#include "edit/history.h"

#include <nlohmann/json.hpp>

#include "edit/audit.h"

namespace secmap::edit {

namespace {

using nlohmann::json;

bool bookkeeping(const std::string& key) {
  return key == "id" || key == "version" || key == "updated_at" || key == "updated_by";
}

std::string text_of(const json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  if (v.is_object() && v.contains("coordinates")) {
    // A point reads as "lon, lat"; a line by its vertex count.
    const json& c = v["coordinates"];
    if (v.value("type", "") == "Point" && c.size() == 2) return c[0].dump() + ", " + c[1].dump();
    return v.value("type", "") + " (" + std::to_string(c.size()) + ")";
  }
  return v.dump();
}

json parse_or_empty(std::string_view s) {
  if (s.empty()) return json::object();
  json j = json::parse(s, nullptr, false);
  return j.is_object() ? j : json::object();
}

HistoryEntry entry_of(const AuditRecord& r) {
  HistoryEntry e;
  e.audit_id = r.id;
  e.at = r.at;
  e.who = r.who;
  e.action = r.action;
  e.table = r.table_name;
  e.row_id = r.row_id.value_or(0);
  e.changes = snapshot_changes(r.before_json.value_or(""), r.after_json.value_or(""));
  return e;
}

}  // namespace

std::vector<FieldChange> snapshot_changes(std::string_view before_json,
                                          std::string_view after_json) {
  const json before = parse_or_empty(before_json), after = parse_or_empty(after_json);
  std::vector<FieldChange> out;
  auto consider = [&](const std::string& key) {
    if (bookkeeping(key)) return;
    const json b = before.value(key, json()), a = after.value(key, json());
    if (b == a) return;
    out.push_back({key, text_of(b), text_of(a)});
  };
  for (const auto& [key, _] : before.items()) consider(key);
  for (const auto& [key, _] : after.items())
    if (!before.contains(key)) consider(key);
  return out;
}

std::vector<HistoryEntry> record_changes(store::Database& db, std::string_view table,
                                         int64_t row_id) {
  std::vector<HistoryEntry> out;
  for (const AuditRecord& r : record_history(db, table, row_id)) out.push_back(entry_of(r));
  return out;
}

std::vector<HistoryEntry> commune_status_changes(store::Database& db,
                                                 std::string_view commune_code) {
  // Rows whose before or after names the commune: a period moved to another commune shows in
  // both histories.
  AuditFilter f;
  f.table = "commune_status";
  f.snapshot_field = {"commune_code", std::string(commune_code)};
  std::vector<HistoryEntry> out;
  for (const AuditRecord& r : audit_log(db, f)) out.push_back(entry_of(r));
  return out;
}

int64_t last_audit_id(store::Database& db) {
  return store::max_audit_id(db);
}

}  // namespace secmap::edit
