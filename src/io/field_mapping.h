// Which source column fills which field of a layer, and how one source value becomes a typed,
// checked value for that field (types, dates, booleans, code lists, NFC text).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/gdal_source.h"
#include "model/tables.h"
#include "store/code_lists.h"

namespace secmap::io {

struct FieldBinding {
  const model::Column* field = nullptr;
  int source_index = -1;  // column in the source; -1: not in the source
  std::string source_name;
};

// Binds every field of the layer to a source column: --map first, then a column with the same
// name (case-insensitive; Shapefile's 10-character truncation too), then common aliases (e.g.
// ma → code, ten → name for communes). Throws ImportError for a required field that is missing,
// a --map naming an unknown field or column. `where` prefixes messages (the file name). A
// --map to an empty column leaves the field without one. With `missing_required`, a missing
// required field is listed there instead of thrown.
std::vector<FieldBinding> bind_fields(const model::Table& layer,
                                      const std::vector<std::string>& source_columns,
                                      const std::map<std::string, std::string>& user_map,
                                      const std::string& where,
                                      std::vector<std::string>* missing_required = nullptr);

// A value ready to bind to SQLite: the same shape as a source value, after conversion.
using Cell = RawValue;

// The codes of one code-list table, matched exactly or by their Vietnamese/English names
// (case- and diacritic-insensitive), so "Xã" or "xa" both give the code of that kind.
class CodeList {
 public:
  CodeList(const store::CodeLists& all, const std::string& table);
  // The code for a value, or nullopt.
  std::optional<std::string> find(std::string_view value) const;
  // Lets `written` stand for `code` too (--map-values); a problem when the code is not in the
  // list.
  std::optional<std::string> add_alias(std::string_view written, std::string_view code);
  // A few allowed codes for messages: "a, b, c, …".
  std::string sample(size_t n = 6) const;
  const std::string& table() const { return table_; }

 private:
  std::string table_;
  std::vector<std::string> codes_;
  std::unordered_map<std::string, std::string> exact_;
  std::unordered_map<std::string, std::string> folded_;
};

// Converts a raw source value to the field's type. On failure returns a message such as
// "'2024-13-01' is not a date (YYYY-MM-DD)"; the caller adds the row and field. Text comes out
// NFC; invalid UTF-8 is an error. Code-list fields need `codes`.
std::optional<std::string> convert_value(const model::Column& field, const RawValue& raw,
                                         const CodeList* codes, Cell& out);

// Checks and normalises ISO-8601 text; exposed for tests.
bool parse_date(std::string_view s, std::string& out);
bool parse_datetime(std::string_view s, std::string& out);
std::optional<bool> parse_bool(std::string_view s);

}  // namespace secmap::io
