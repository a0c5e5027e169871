// A small province for edit tests: two square communes side by side (A: 104.0–104.1 E,
// B: 104.1–104.2 E, both 22.5–22.6 N), one campaign, and a pinned "today".
#pragma once
#include <map>
#include <string>
#include <vector>

#include "store/database.h"
#include "test_support.h"

namespace secmap::edit::test {

inline constexpr const char* kToday = "2025-06-30";

inline store::Database small_province(const std::string& name) {
  auto path = secmap::test::scratch_dir("edit_" + name) / "secmap.sqlite";
  auto db = store::Database::open(path, store::Database::Mode::CreateIfMissing);
  db.exec(
      "INSERT INTO communes (code, name, kind, geom) VALUES "
      "('00001', 'Xã A', 'xa', CastToMulti(GeomFromText("
      "'POLYGON((104.0 22.5, 104.1 22.5, 104.1 22.6, 104.0 22.6, 104.0 22.5))', 4326))),"
      "('00002', 'Phường B', 'phuong', CastToMulti(GeomFromText("
      "'POLYGON((104.1 22.5, 104.2 22.5, 104.2 22.6, 104.1 22.6, 104.1 22.5))', 4326)));"
      "INSERT INTO campaigns (code, name, date_from, date_to) VALUES "
      "('tet2025', 'Cao điểm Tết 2025', '2024-12-15', '2025-02-14');");
  return db;
}

// Every row of every user table except audit_log, without the bookkeeping columns (version,
// updated_at, updated_by) that an undo legitimately moves on; geometry as WKB hex. Rows of a
// soft-delete table (incidents) with deleted = 1 are left out: an undone insert is kept as
// deleted, which reads as never having been inserted.
inline std::map<std::string, std::vector<std::string>> table_contents(store::Database& db) {
  std::map<std::string, std::vector<std::string>> out;
  for (const std::string& t : db.user_tables()) {
    if (t == "audit_log") continue;
    std::vector<std::string> cols;
    auto info = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    info.bind(1, t);
    bool soft = false;
    while (info.step()) {
      std::string c = info.column_text(0);
      if (c == "deleted") soft = true;
      if (c == "version" || c == "updated_at" || c == "updated_by") continue;
      cols.push_back(c == "geom" ? "hex(AsBinary(geom))" : "quote(\"" + c + "\")");
    }
    std::string sql = "SELECT ";
    for (size_t i = 0; i < cols.size(); ++i) sql += (i ? " || '|' || " : "") + cols[i];
    sql += " FROM \"" + t + "\"";
    if (soft) sql += " WHERE deleted = 0";
    sql += " ORDER BY rowid";
    auto st = db.prepare(sql);
    auto& rows = out[t];
    while (st.step()) rows.push_back(st.is_null(0) ? "NULL" : st.column_text(0));
  }
  return out;
}

}  // namespace secmap::edit::test
