// A result table with one geometry per row (lon/lat, EPSG:4326) written by the output file's
// extension: .csv (attributes only, UTF-8), .geojson/.json (RFC 7946) or .gpkg. For the border
// and patrol commands, whose rows are segments, crossings and routes rather than communes.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace secmap::io {

class TableWriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FeatureTable {
  std::string layer = "table";
  std::vector<std::string> columns;
  std::vector<bool> numeric;                   // per column: a Real field ("" = null)
  std::vector<std::vector<std::string>> rows;  // one cell per column
  std::vector<geo::Geometry> geoms;            // per row, or empty for no geometry

  void add_column(std::string name, bool is_numeric) {
    columns.push_back(std::move(name));
    numeric.push_back(is_numeric);
  }
};

// Throws TableWriteError naming the file for an unknown extension or a failed write. The file
// is replaced.
void write_feature_table(const std::filesystem::path& file, const FeatureTable& t);

}  // namespace secmap::io
