#include "store/table_schema.h"

namespace secmap::store {

std::optional<std::string> ColumnInfo::default_literal() const {
  if (!default_sql || default_sql->empty()) return std::nullopt;
  const std::string& d = *default_sql;
  if (d.size() >= 2 && d.front() == '\'' && d.back() == '\'') {
    std::string out;
    for (size_t i = 1; i + 1 < d.size(); ++i) {
      out += d[i];
      if (d[i] == '\'' && i + 2 < d.size() && d[i + 1] == '\'') ++i;  // '' → '
    }
    return out;
  }
  for (char c : d)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '.')) return std::nullopt;
  return d;
}

const ColumnInfo* TableSchema::column(const std::string& name) const {
  for (const auto& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

TableSchema read_table_schema(Database& db, const std::string& table) {
  TableSchema info;
  auto cols = db.prepare(
      "SELECT name, \"notnull\", dflt_value, upper(type) FROM pragma_table_info(?) ORDER BY cid");
  cols.bind(1, table);
  while (cols.step()) {
    ColumnInfo c;
    c.name = cols.column_text(0);
    c.not_null = cols.column_int(1) != 0;
    if (!cols.is_null(2)) c.default_sql = cols.column_text(2);
    c.type = cols.is_null(3) ? "" : cols.column_text(3);
    info.columns.push_back(std::move(c));
  }
  // UNIQUE constraints and unique indexes, not the primary key.
  auto idx =
      db.prepare("SELECT name FROM pragma_index_list(?) WHERE \"unique\" AND origin != 'pk'");
  idx.bind(1, table);
  std::vector<std::string> names;
  while (idx.step()) names.push_back(idx.column_text(0));
  for (const auto& n : names) {
    auto ii = db.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno");
    ii.bind(1, n);
    std::vector<std::string> key;
    while (ii.step()) key.push_back(ii.column_text(0));
    if (!key.empty()) info.unique_keys.push_back(std::move(key));
  }
  return info;
}

std::vector<std::string> column_names(Database& db, const std::string& table) {
  auto st = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
  st.bind(1, table);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.column_text(0));
  return out;
}

}  // namespace secmap::store
