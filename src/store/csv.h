// A small RFC-4180 CSV reader (quoted fields with commas, doubled quotes and newlines) for the
// code lists embedded from geodata/codelists, reusable by any module that reads simple CSV.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secmap::store {

using CsvRow = std::vector<std::string>;

// Parses the whole text into rows. A UTF-8 BOM is skipped, CRLF and LF both end a record, and
// a trailing empty line does not make an empty row. Throws std::runtime_error naming `source`
// and the line for an unterminated quote or a stray quote inside an unquoted field.
std::vector<CsvRow> parse_csv(std::string_view text, std::string_view source = "CSV");

// A parsed CSV whose first row is the header.
struct CsvTable {
  CsvRow header;
  std::vector<CsvRow> rows;
  // Index of a header column, or nullopt.
  std::optional<size_t> column(std::string_view name) const;
};

// parse_csv, then splits off the header. Throws when there is no header or a row has a
// different number of fields than the header.
CsvTable parse_csv_table(std::string_view text, std::string_view source = "CSV");

}  // namespace secmap::store
