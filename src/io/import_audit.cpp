#include "io/import_audit.h"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace secmap::io {

namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

ImportAudit::ImportAudit(store::Database& db, std::string table, std::string file)
    : db_(db),
      table_(std::move(table)),
      file_(std::move(file)),
      analyst_(edit::current_analyst()),
      spec_(edit::find_table(table_)) {
  appender_.emplace(db_, analyst_);
}

void ImportAudit::row_added(int64_t id) {
  if (!first_id_) first_id_ = id;
  last_id_ = id;
}

size_t ImportAudit::finish(size_t rows_imported) {
  if (!spec_) {
    if (rows_imported > 0)
      appender_->append(
          {"import", table_, std::nullopt, "",
           "{\"file\":" + json_string(file_) + ",\"rows\":" + std::to_string(rows_imported) + "}"});
    return appender_->appended();
  }
  if (!first_id_) return appender_->appended();
  // Each new record as stored, as a JSON object with sorted keys like edit::row_json (every
  // column but updated_at, the geometry as GeoJSON), read back in one pass by SQLite's
  // json_object: a statement per row would make a 100,000-row import several times slower.
  std::vector<std::string> cols;
  bool has_geom = false;
  {
    auto st = db_.prepare("SELECT name FROM pragma_table_info(?1)");
    st.bind(1, table_);
    while (st.step()) {
      std::string c = st.column_text(0);
      if (c == "geom")
        has_geom = true;
      else if (c != "updated_at")
        cols.push_back(std::move(c));
    }
  }
  if (has_geom) cols.push_back("geom");
  std::sort(cols.begin(), cols.end());
  std::string sql = "SELECT id, json_object(";
  for (size_t i = 0; i < cols.size(); ++i) {
    sql += (i ? ", '" : "'") + cols[i] + "', ";
    sql += cols[i] == "geom" ? std::string("json(AsGeoJSON(geom, 15))") : "\"" + cols[i] + "\"";
  }
  sql += ") FROM \"" + table_ + "\" WHERE id BETWEEN ?1 AND ?2 ORDER BY id";
  auto st = db_.prepare(sql);
  st.bind(1, *first_id_).bind(2, *last_id_);
  while (st.step()) appender_->append({"import", table_, st.column_int(0), "", st.column_text(1)});
  return appender_->appended();
}

}  // namespace secmap::io
