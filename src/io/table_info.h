// What the importer needs to know about a table beyond the layer registry: its columns with
// NOT NULL defaults, and its UNIQUE constraints (read from SQLite, so they never drift from the
// schema).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::io {

struct ColumnInfo {
  std::string name;
  bool not_null = false;
  std::optional<std::string> default_sql;  // as written in the schema, e.g. 'open' or 0
  // The default as a plain value when it is a literal ('open' → open, 0 → 0).
  std::optional<std::string> default_literal() const;
};

struct TableInfo {
  std::vector<ColumnInfo> columns;
  std::vector<std::vector<std::string>> unique_keys;  // columns of each UNIQUE constraint
  const ColumnInfo* column(const std::string& name) const;
  bool has(const std::string& name) const { return column(name) != nullptr; }
};

TableInfo read_table_info(store::Database& db, const std::string& table);

}  // namespace secmap::io
