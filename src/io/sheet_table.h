// The table inside a spreadsheet sheet as offices lay it out: title lines above the header
// ("DANH SÁCH VỤ VIỆC THÁNG 1", "Đơn vị: Công an xã …"), the header row, data rows with empty
// rows between them, and notes or signatures below. Finds the header and the data rows; every
// line it leaves out is counted or named, never dropped without a word.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace secmap::io {

struct SheetRow {
  size_t line = 0;  // 1-based line of the sheet
  std::vector<std::string> cells;
};

struct SheetTable {
  std::vector<std::string> header;         // column names; an empty header cell becomes "column C"
  size_t header_line = 0;                  // 0 when the sheet holds nothing
  std::vector<SheetRow> rows;              // data rows, cells aligned with `header`
  std::vector<std::string> skipped_above;  // the title lines' text, top first
  size_t empty_rows = 0;                   // empty lines between data rows (ignored)
  std::vector<SheetRow> notes_below;       // lines after the data with a single cell (ignored)
};

// `lines[i]` holds the cells of sheet line i+1 as text ("" for an empty cell). The header is
// the first line with at least two filled cells, none of them a number, that fills at least
// half as many columns as the widest of the lines that follow it.
SheetTable find_sheet_table(std::vector<std::vector<std::string>> lines);

// "A", "B" … "Z", "AA": the spreadsheet's name of 0-based column `index`.
std::string column_letter(size_t index);

}  // namespace secmap::io
