#include "io/sheet_table.h"

#include <algorithm>
#include <charconv>
#include <set>

namespace secmap::io {

namespace {

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

size_t filled(const std::vector<std::string>& cells) {
  return static_cast<size_t>(
      std::count_if(cells.begin(), cells.end(), [](const std::string& c) { return !blank(c); }));
}

bool is_number(const std::string& s) {
  double v;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return !s.empty() && r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::string joined(const std::vector<std::string>& cells) {
  std::string out;
  for (const auto& c : cells)
    if (!blank(c)) out += (out.empty() ? "" : " | ") + c;
  return out;
}

}  // namespace

std::string column_letter(size_t index) {
  std::string s;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

SheetTable find_sheet_table(std::vector<std::vector<std::string>> lines) {
  SheetTable t;
  constexpr size_t kLookAhead = 20;
  size_t header = lines.size();
  for (size_t i = 0; i < lines.size() && header == lines.size(); ++i) {
    const size_t n = filled(lines[i]);
    if (n < 2 || std::any_of(lines[i].begin(), lines[i].end(), is_number)) continue;
    size_t widest = 0;
    for (size_t j = i + 1; j < lines.size() && j <= i + kLookAhead; ++j)
      widest = std::max(widest, filled(lines[j]));
    if (2 * n >= widest) header = i;
  }
  if (header == lines.size()) return t;
  for (size_t i = 0; i < header; ++i)
    if (filled(lines[i])) t.skipped_above.push_back(joined(lines[i]));
  t.header_line = header + 1;
  // Columns run to the last one that has a header or a value below it.
  size_t width = lines[header].size();
  for (size_t i = header + 1; i < lines.size(); ++i)
    for (size_t c = lines[i].size(); c > width; --c)
      if (!blank(lines[i][c - 1])) {
        width = c;
        break;
      }
  std::set<std::string> seen;
  for (size_t c = 0; c < width; ++c) {
    std::string name = c < lines[header].size() ? lines[header][c] : std::string();
    name.erase(0, name.find_first_not_of(" \t\r\n"));
    name.erase(name.find_last_not_of(" \t\r\n") + 1);
    if (name.empty()) name = "column " + column_letter(c);
    for (int k = 2; seen.count(name); ++k)  // two columns named alike stay two columns
      name =
          (c < lines[header].size() ? lines[header][c] : "column") + " (" + std::to_string(k) + ")";
    seen.insert(name);
    t.header.push_back(std::move(name));
  }
  // The data ends at the last line with two or more cells; single cells after it are notes.
  size_t last = header;
  for (size_t i = header + 1; i < lines.size(); ++i)
    if (filled(lines[i]) >= 2) last = i;
  for (size_t i = header + 1; i < lines.size(); ++i) {
    lines[i].resize(width);
    if (i > last) {
      if (filled(lines[i])) t.notes_below.push_back({i + 1, std::move(lines[i])});
      continue;
    }
    if (!filled(lines[i])) {
      ++t.empty_rows;
      continue;
    }
    t.rows.push_back({i + 1, std::move(lines[i])});
  }
  return t;
}

}  // namespace secmap::io
