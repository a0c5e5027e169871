// Patrol routes as files: reading lines from GPX (routes and tracks), KML, GeoJSON and
// GeoPackage, and writing GPX (<rte>) and GeoJSON. Coordinates are lon/lat EPSG:4326; a file in
// another CRS is transformed on read.
#pragma once
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace secmap::io {

class RouteFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RouteRecord {
  std::string name, unit, mode, state;  // empty when the file has no such field
  std::string starts_at, ends_at;       // ISO-8601 text, or empty
  geo::LineString line;                 // lon/lat; a multi-part track is joined in order
};

// Every line feature of every layer (points such as GPX waypoints are skipped). Field names are
// matched case-insensitively: name, unit, mode (GPX: type), state, starts_at, ends_at, also
// with GDAL's "ogr_" prefix for GPX extensions. Throws RouteFileError naming the file (and
// feature) for a missing or unreadable file, a file without lines, or a feature whose geometry
// has fewer than 2 points or coordinates outside lon/lat range.
std::vector<RouteRecord> read_routes(const std::filesystem::path& file);

// Writes by extension: .gpx (routes with name, desc, type = mode and the other fields as GPX
// extensions) or .geojson/.json (RFC 7946). Replaces an existing file. Throws RouteFileError.
void write_routes(const std::filesystem::path& file, const std::vector<RouteRecord>& routes);

}  // namespace secmap::io
