// A table's columns as the schema declares them (schema order, NOT NULL, defaults) and its UNIQUE
// constraints, read from SQLite so they never drift from the schema: what the writer and the
// importer need beyond the registry of model/tables.h.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::store {

struct ColumnInfo {
  std::string name;
  bool not_null = false;
  std::optional<std::string> default_sql;  // as written in the schema, e.g. 'open' or 0
  std::string type;                        // declared type, upper case ("INTEGER", "TEXT", …)
  // The default as a plain value when it is a literal ('open' → open, 0 → 0).
  std::optional<std::string> default_literal() const;
};

struct TableSchema {
  std::vector<ColumnInfo> columns;
  std::vector<std::vector<std::string>> unique_keys;  // columns of each UNIQUE constraint
  const ColumnInfo* column(const std::string& name) const;
  bool has(const std::string& name) const { return column(name) != nullptr; }
};

TableSchema read_table_schema(Database& db, const std::string& table);
// Only the column names, in schema order (one pragma: for every record read and write).
std::vector<std::string> column_names(Database& db, const std::string& table);

}  // namespace secmap::store
