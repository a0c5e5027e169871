#include "io/csv_layout.h"

#include <algorithm>

#include "text/encoding.h"

namespace secmap::io {

CsvLayout::CsvLayout(std::string_view b) {
  size_t i = text::has_utf8_bom(b) ? 3 : 0;
  // The separator: the first of , ; or tab outside quotes in the header (GDAL's rule).
  for (size_t k = i, quoted = 0; k < b.size() && b[k] != '\n' && b[k] != '\r'; ++k) {
    if (b[k] == '"') quoted ^= 1;
    if (!quoted && (b[k] == ',' || b[k] == ';' || b[k] == '\t')) {
      separator_ = b[k];
      break;
    }
  }
  size_t line = 1;
  bool header = true;
  while (i < b.size()) {
    const size_t start = i, start_line = line;
    bool quoted = false, blank = true;
    for (; i < b.size(); ++i) {
      const char c = b[i];
      if (c == '"') quoted = !quoted;
      if (c == '\n') {
        ++line;
        if (!quoted) {
          ++i;
          break;
        }
      }
      if (c != '\r' && c != '\n') blank = false;
    }
    if (blank) continue;
    if (header) {
      header_offset_ = start;
      header = false;
      continue;
    }
    record_offset_.push_back(start);
    record_line_.push_back(start_line);
  }
}

size_t CsvLayout::line_of_row(size_t row) const {
  return row >= 1 && row <= record_line_.size() ? record_line_[row - 1] : 0;
}

CsvLayout::Position CsvLayout::locate(std::string_view b, size_t offset) const {
  Position p;
  offset = std::min(offset, b.size());
  p.line = 1 + static_cast<size_t>(std::count(b.begin(), b.begin() + offset, '\n'));
  const auto it = std::upper_bound(record_offset_.begin(), record_offset_.end(), offset);
  p.row = static_cast<size_t>(it - record_offset_.begin());
  const size_t start = p.row ? record_offset_[p.row - 1] : header_offset_;
  bool quoted = false;
  for (size_t k = start; k < offset; ++k) {
    if (b[k] == '"') quoted = !quoted;
    if (!quoted && b[k] == separator_) ++p.column;
  }
  return p;
}

}  // namespace secmap::io
