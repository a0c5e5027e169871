// The point layers that are records rather than statistics — crossings and facilities — read
// once with every column the map, Identify, the border module and the exports use, and with
// their sensitivity decided by the one rule of model/sensitivity.h.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "model/sensitivity.h"
#include "store/database.h"

namespace secmap::model {

struct PointRecord {
  int64_t id = 0;
  std::string name, alt_name, kind, status, counterpart, country, commune_code, notes;
  int64_t counterpart_id = 0;  // facilities: the linked office across the border; 0 none
  bool sensitive = false;      // the flag or the kind (SensitivityRule)
  geo::Point lonlat;           // EPSG:4326
};

// Rows of `crossings` or `facilities` with a geometry, in id order. Columns a table lacks are
// empty. Throws store::StoreError for another table.
std::vector<PointRecord> load_point_records(store::Database& db, const std::string& table,
                                            const SensitivityRule& rule);

}  // namespace secmap::model
