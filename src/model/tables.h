// The tables of a secmap database as every part of the program sees them: which layer name,
// which geometry, which columns a file may fill or an edit may set, their types and code lists,
// which columns are derived, and how records are deleted. One registry, so the importer, the
// exporter, the editor, the forms and the renderer never disagree about a table.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace secmap::model {

enum class ColumnType { Text, Integer, Real, Boolean, Date, DateTime };

struct Column {
  std::string name;  // column in the table
  ColumnType type = ColumnType::Text;
  bool required = false;  // an import or edit without it is rejected
  std::string code_list;  // table of allowed codes, or empty
  bool import = true;     // a source file may fill it (field mapping binds it)
  bool edit = true;       // a form or `secmap edit --set` may set it
};

struct Table {
  std::string layer;     // name on the command line ("cooperation"); empty: not a map layer
                         // (slides)
  std::string table;     // table in the database ("cooperation_events")
  std::string geometry;  // POINT, LINESTRING, MULTILINESTRING, MULTIPOLYGON, or "" (none)
  bool geometry_required = false;
  bool editable = false;     // records are added and changed one by one (forms, `secmap edit`)
  bool soft_delete = false;  // has a `deleted` flag: rows are never erased
  std::vector<Column> columns;
  std::vector<std::string> derived;  // computed by the writer (commune_code from the point …)
  std::string unique_key;            // a column whose value must be unique in a file, or empty

  const Column* column(std::string_view name) const;
  // The columns a source file may fill, in registry order.
  std::vector<const Column*> import_columns() const;
  // The columns an edit may set.
  std::vector<const Column*> edit_columns() const;
};

// Every table, in drawing order from bottom to top.
const std::vector<Table>& tables();
// By layer name ("cooperation") or nullptr.
const Table* find_layer(std::string_view layer);
// By table name ("cooperation_events") or nullptr.
const Table* find_table(std::string_view table);
// By table name, editable tables only, or nullptr.
const Table* find_editable(std::string_view table);
// The layer names, in registry order.
const std::vector<std::string>& layer_names();

}  // namespace secmap::model
