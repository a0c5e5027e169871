// Where each record of a CSV file starts, as a person sees it in an editor: quoted fields may
// span lines and blank lines are skipped (as GDAL's CSV reader does), so "row 7" is not always
// line 8. Works on the raw bytes: quotes, separators and line ends are ASCII in UTF-8,
// Windows-1258 and TCVN3 alike.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace secmap::io {

class CsvLayout {
 public:
  explicit CsvLayout(std::string_view bytes);

  // 1-based line of data record `row` (1 = the first record after the header); 0 if unknown.
  size_t line_of_row(size_t row) const;
  size_t rows() const { return record_offset_.size(); }
  char separator() const { return separator_; }

  struct Position {
    size_t line = 0;    // 1-based line of the byte
    size_t row = 0;     // 1-based data record; 0 = the header
    size_t column = 0;  // 0-based field within the record
  };
  // Where byte `offset` of the same bytes lies.
  Position locate(std::string_view bytes, size_t offset) const;

 private:
  char separator_ = ',';
  size_t header_offset_ = 0;
  std::vector<size_t> record_offset_;  // byte offset of each data record
  std::vector<size_t> record_line_;    // its 1-based line
};

}  // namespace secmap::io
