// The editable tables and their columns as the edit forms, the command line and the checks see
// them: type, code list, whether required, and which columns are derived (never set directly).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace secmap::edit {

// Column values of one record: a JSON object of column -> null | integer | real | string.
using Fields = nlohmann::json;

enum class ColumnKind { Text, Integer, Real, Boolean, Date, DateTime };

struct ColumnSpec {
  std::string name;
  ColumnKind kind = ColumnKind::Text;
  bool required = false;
  std::string code_list;  // table of allowed codes, or empty
};

struct TableSpec {
  std::string table;
  std::string geometry;  // "POINT", "LINESTRING" or "" (none)
  bool geometry_required = false;
  bool soft_delete = false;          // has a `deleted` flag: rows are never erased
  std::vector<ColumnSpec> columns;   // settable by an edit
  std::vector<std::string> derived;  // computed by the edit (commune_code from the point …)
  const ColumnSpec* column(std::string_view name) const;
};

// incidents, commune_status, designations, crossings, facilities, cooperation_events,
// campaigns, patrols.
const std::vector<TableSpec>& editable_tables();
// The spec, or nullptr for a table that is not editable.
const TableSpec* find_table(std::string_view table);

// Parses a value typed by a person (form field, --set f=v) for a column. Empty text is NULL.
// Text is normalised to NFC. Returns nullopt and sets *error when the text is not of the kind.
std::optional<nlohmann::json> parse_value(const ColumnSpec& col, std::string_view text,
                                          std::string* error);
// A value as a person reads it (for forms): "" for NULL, "1"/"0" for booleans.
std::string value_text(const nlohmann::json& v);

}  // namespace secmap::edit
