#include "store/spatial_bulk_insert.h"

namespace secmap::store {
namespace {
std::string quoted(const std::string& s) {
  return "'" + s + "'";
}
}  // namespace

SpatialBulkInsert::SpatialBulkInsert(Database& db, std::string table, std::string column)
    : db_(db), table_(std::move(table)), column_(std::move(column)) {
  first_new_rowid_ =
      db_.query_int("SELECT coalesce(max(ROWID), 0) + 1 FROM \"" + table_ + "\"").value_or(1);
  // gii_: keeps the R*Tree current; tmi_: stamps geometry_columns_time on every row.
  const std::string suffix = table_ + "_" + column_;
  auto st = db_.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (" +
                        quoted("gii_" + suffix) + ", " + quoted("tmi_" + suffix) + ")");
  std::vector<std::string> names;
  while (st.step()) {
    names.push_back(st.column_text(0));
    trigger_sql_.push_back(st.column_text(1));
  }
  for (const auto& n : names) db_.exec("DROP TRIGGER \"" + n + "\"");
}

SpatialBulkInsert::~SpatialBulkInsert() {
  if (finished_) return;
  try {
    restore_triggers();
  } catch (...) {
    // The enclosing transaction is rolling back, which restores them as well.
  }
}

void SpatialBulkInsert::restore_triggers() {
  for (const auto& sql : trigger_sql_) db_.exec(sql);
  trigger_sql_.clear();
}

void SpatialBulkInsert::finish() {
  if (finished_) return;
  const bool had_index = !trigger_sql_.empty();
  restore_triggers();
  if (had_index && db_.query_int("SELECT count(*) FROM sqlite_master WHERE name = 'idx_" + table_ +
                                 "_" + column_ + "'")
                           .value_or(0) > 0) {
    // The same alignment the trigger uses, once per new row.
    auto st = db_.prepare("SELECT count(RTreeAlign('idx_" + table_ + "_" + column_ +
                          "', ROWID, \"" + column_ + "\")) FROM \"" + table_ +
                          "\" WHERE ROWID >= ? AND \"" + column_ + "\" IS NOT NULL");
    st.bind(1, first_new_rowid_);
    st.step();
    db_.exec(
        "UPDATE geometry_columns_time SET last_insert = strftime('%Y-%m-%dT%H:%M:%fZ', "
        "'now') WHERE Lower(f_table_name) = Lower('" +
        table_ + "') AND Lower(f_geometry_column) = Lower('" + column_ + "')");
  }
  finished_ = true;
}

}  // namespace secmap::store
