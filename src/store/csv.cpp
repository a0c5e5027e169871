#include "store/csv.h"

#include <stdexcept>

namespace secmap::store {

namespace {
[[noreturn]] void fail(std::string_view source, int line, std::string_view what) {
  throw std::runtime_error(std::string(source) + ":" + std::to_string(line) + ": " +
                           std::string(what));
}
}  // namespace

std::vector<CsvRow> parse_csv(std::string_view text, std::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // current field started with a quote
  bool row_started = false;  // something (even an empty field) was seen on this record
  int line = 1;
  int quote_line = 1;
  auto end_field = [&] {
    row.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  auto end_row = [&] {
    end_field();
    rows.push_back(std::move(row));
    row.clear();
    row_started = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        if (!field.empty() || was_quoted) fail(source, line, "stray quote inside a field");
        quoted = was_quoted = row_started = true;
        quote_line = line;
        break;
      case ',':
        row_started = true;
        end_field();
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;  // CRLF: the LF ends the row
        [[fallthrough]];
      case '\n':
        if (row_started || !field.empty()) end_row();
        ++line;
        break;
      default:
        if (was_quoted) fail(source, line, "text after a closing quote");
        row_started = true;
        field += c;
    }
  }
  if (quoted) fail(source, quote_line, "unterminated quoted field");
  if (row_started || !field.empty()) end_row();
  return rows;
}

std::optional<size_t> CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  return std::nullopt;
}

CsvTable parse_csv_table(std::string_view text, std::string_view source) {
  auto rows = parse_csv(text, source);
  if (rows.empty()) throw std::runtime_error(std::string(source) + ": no header row");
  CsvTable t;
  t.header = std::move(rows.front());
  t.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  for (size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i].size() != t.header.size())
      throw std::runtime_error(std::string(source) + ": row " + std::to_string(i + 2) + " has " +
                               std::to_string(t.rows[i].size()) + " fields, the header has " +
                               std::to_string(t.header.size()));
  return t;
}

}  // namespace secmap::store
