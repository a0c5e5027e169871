// What an import of a file would do, read before anything is written: the sheets to choose
// from, the first rows as the file holds them, and which field each column would fill (the
// same plan the import uses). The window's import dialog shows this and lets the user change it.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "io/gdal_source.h"
#include "io/importer.h"

namespace secmap::io {

struct ImportPreview {
  std::string driver;
  std::vector<SourceLayer> sheets;  // the file's layers (sheets); one for CSV or GeoJSON
  std::string sheet;                // the one read: the chosen one, else the first with data
  std::vector<std::string> columns;
  std::vector<std::string> coordinate_columns;  // the columns its points come from
  std::vector<std::vector<std::string>> rows;   // the first rows, one text per column
  // Per column: the field it fills ("location" for coordinates, "commune"/"province" for
  // incidents located by commune), or "" when it is kept as extra.
  std::vector<std::string> column_fields;
  std::vector<std::string> missing_required;  // required fields no column fills yet
  std::vector<std::string> notes;             // title lines, notes below the table …
  std::string encoding;                       // CSV: the text encoding read
};

// Reads the head of `options.file` for `options.layer` with `options.map`; throws ImportError
// when the file cannot be read or the layer is unknown.
ImportPreview preview_import(const ImportOptions& options, size_t max_rows = 8);
// The mapping again for another layer or --map, from the columns already read (the file is not
// read again): column_fields and missing_required.
void plan_preview(ImportPreview& preview, const ImportOptions& options);

}  // namespace secmap::io
