// The communes as the model reads them: official codes, names, population and polygons, loaded
// once from the store in a fixed order (by code) so every per-commune vector lines up with it.
// Analysis, the border module and the plan targets all run over this one reader.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::model {

struct CommuneSet {
  std::vector<int64_t> ids;  // communes.id (the lowest wins a point on a shared edge)
  std::vector<std::string> codes;
  std::vector<std::string> names;
  std::vector<std::optional<int64_t>> population;
  std::vector<geo::Geometry> geoms;                // EPSG:4326; empty when loaded without geometry
  std::unordered_map<std::string, int32_t> index;  // code → position

  size_t size() const { return codes.size(); }
  // Position of a code, or -1.
  int32_t find(std::string_view code) const;
};

struct CommuneQuery {
  bool geometry = true;
  // Communes in force on this ISO date (valid_from ≤ date, valid_to empty or after it);
  // empty: the current units (valid_to IS NULL).
  std::string as_of;
  bool allow_empty = false;  // a database with no communes gives an empty set, not an error
};

// Throws store::StoreError when the database has no communes (unless allow_empty).
CommuneSet load_communes(store::Database& db, const CommuneQuery& q = {});

// One current commune's attributes, for Identify and the forms; nullopt when no current commune
// has that code.
struct CommuneDetails {
  std::string code, name, full_name, kind, province_name, valid_from;
  std::optional<int64_t> population;
  std::optional<double> area_km2;
  bool is_border = false;
};
std::optional<CommuneDetails> load_commune_details(store::Database& db, const std::string& code);

struct CommuneRecord {
  int64_t id = 0;
  CommuneDetails details;
  geo::Geometry geom;  // EPSG:4326
};
// Every commune with a polygon, in force or not, in id order (the demo generator's province).
std::vector<CommuneRecord> load_commune_records(store::Database& db);

// The CRS to measure in: the VN-2000 TM-3 zone of the province most communes belong to, or of
// the communes' mean longitude when the province is not known ("EPSG:9208" …).
// The one answer for a database: the zone of its current communes; with none, the zone of its
// border line's middle longitude; with neither, Lào Cai's (EPSG:9208).
std::string database_metric_crs(store::Database& db);
std::string metric_crs(store::Database& db, const CommuneSet& communes);

}  // namespace secmap::model
