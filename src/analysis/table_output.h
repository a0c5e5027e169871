// Result tables of the analyze command written by the output file's extension: CSV, or GeoJSON
// (RFC 7946, EPSG:4326) with each row's commune polygon. GeoJSON is written here by hand because
// GDAL belongs to src/io; the command line writes .gpkg through io::write_table_gpkg.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "analysis/communes.h"

namespace secmap::analysis {

struct Table {
  std::vector<std::string> columns;
  std::vector<bool> numeric;                   // per column: written unquoted in GeoJSON
  std::vector<std::vector<std::string>> rows;  // "" = no value
  std::vector<int32_t> commune;                // per row: commune index or -1 (no geometry)

  void add_column(std::string name, bool is_numeric) {
    columns.push_back(std::move(name));
    numeric.push_back(is_numeric);
  }
};

// Number formatting shared by every table: shortest round-trip-safe text, "" for NaN.
std::string fmt_num(double v);
std::string fmt_int(int64_t v);

// Writes by extension (.csv, .geojson/.json). Throws std::runtime_error naming the file for an
// unknown extension or a write failure.
void write_table(const std::filesystem::path& path, const Table& t, const CommuneSet& communes);

}  // namespace secmap::analysis
