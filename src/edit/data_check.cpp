#include "edit/data_check.h"

#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "edit/rows.h"
#include "model/tables.h"
#include "store/audit_log.h"

namespace secmap::edit {

DataCheck verify_data(store::Database& db) {
  DataCheck out;
  for (const model::Table& spec : model::tables()) {
    if (!spec.editable) continue;
    // The last audit row of every record: what the trail says the record now is.
    std::map<int64_t, store::AuditRow> last;
    store::AuditQuery q;
    q.table = spec.table;
    store::read_audit_rows(db, q, [&](store::AuditRow&& r) {
      if (r.row_id) last[*r.row_id] = std::move(r);
    });
    std::map<int64_t, bool> seen;
    read_rows(db, spec, 1, std::numeric_limits<int64_t>::max(), [&](model::Row&& row) {
      ++out.rows_checked;
      seen[row.id] = true;
      const auto it = last.find(row.id);
      if (it == last.end()) {
        if (row.fields.value("is_demo", int64_t{0}) != 0)
          ++out.demo_rows;
        else
          out.differences.push_back({spec.table, row.id, DataDifference::Kind::Added, {}});
        return;
      }
      const store::AuditRow& a = it->second;
      if (!a.after_json || a.after_json->empty()) {
        out.differences.push_back({spec.table, row.id, DataDifference::Kind::Restored, {}});
        return;
      }
      const auto after = nlohmann::json::parse(*a.after_json, nullptr, false);
      const auto now = nlohmann::json::parse(row_json(row), nullptr, false);
      DataDifference d{spec.table, row.id, DataDifference::Kind::Changed, {}};
      if (after.is_object())
        for (const auto& [key, value] : after.items()) {
          const auto cur = now.find(key);
          if (cur == now.end() ? !value.is_null() : *cur != value) d.columns.push_back(key);
        }
      // A column the snapshot lacks but the row holds is new data, unless a later schema
      // added it and it is still empty.
      for (const auto& [key, value] : now.items())
        if (!after.contains(key) && !value.is_null()) d.columns.push_back(key);
      if (!d.columns.empty()) out.differences.push_back(std::move(d));
    });
    for (const auto& [id, a] : last)
      if (!seen.count(id) && a.after_json && !a.after_json->empty())
        out.differences.push_back({spec.table, id, DataDifference::Kind::Deleted, {}});
  }
  return out;
}

std::string describe(const DataDifference& d) {
  std::string s = d.table + " #" + std::to_string(d.id) + ": ";
  switch (d.kind) {
    case DataDifference::Kind::Added:
      return s + "added outside secmap (no audit row)";
    case DataDifference::Kind::Deleted:
      return s + "deleted outside secmap (the trail's last change left it in place)";
    case DataDifference::Kind::Restored:
      return s + "present although the trail deleted it";
    case DataDifference::Kind::Changed: {
      std::string cols;
      for (const auto& c : d.columns) cols += (cols.empty() ? "" : ", ") + c;
      return s + "changed outside secmap (" + cols + ")";
    }
  }
  return s;
}

}  // namespace secmap::edit
