// Writes a result table (rows of text cells, optionally one polygon per row in EPSG:4326) as a
// GeoPackage layer, so that the analysis results open in QGIS with their CRS. The analysis
// module stays GDAL-free: the command line hands its tables over here.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace secmap::io {

struct OutputTable {
  std::string layer_name;  // the GeoPackage table
  std::vector<std::string> columns;
  std::vector<bool> numeric;                   // per column: a number (integer or real)
  std::vector<std::vector<std::string>> rows;  // "" = NULL
  std::vector<const geo::Geometry*> geometry;  // per row, nullptr = none; EPSG:4326
};

// Writes `t` to a new .gpkg (an existing file is replaced). Numeric columns become INTEGER when
// every value is an integer, else REAL. Throws ImportError naming the file on failure.
void write_table_gpkg(const std::filesystem::path& path, const OutputTable& t);

}  // namespace secmap::io
