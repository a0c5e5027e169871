// Incidents as every part of the program reads them: one bulk reader into columns (commune
// index, day, coded category/group/severity/status; ids and points when asked), so counts,
// targets, hot spots, densities, border statistics and the map are array scans over the same
// rows instead of each its own SQL.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "model/communes.h"
#include "store/database.h"

namespace secmap::model {

inline constexpr uint16_t kNoCode = 0xFFFF;

struct IncidentTable {
  std::vector<int32_t> commune;  // index into the CommuneSet, -1 when outside / not current
  std::vector<int32_t> day;      // days since 1970-01-01
  std::vector<uint16_t> category, group, severity, status;  // indices into the lists below
  std::vector<std::string> category_codes, group_codes, severity_codes, status_codes;
  std::vector<uint8_t> status_cleared;      // per status code: case_statuses.cleared
  std::vector<uint8_t> group_social_order;  // per group code: incident_groups.social_order
  std::vector<uint16_t> category_group;     // per category code: its group's index
  // With IncidentQuery::points only: each row's incidents.id and location (EPSG:4326).
  std::vector<int64_t> id;
  std::vector<geo::Point> lonlat;

  size_t size() const { return day.size(); }
  uint16_t code_of(const std::vector<std::string>& list, std::string_view code) const;
};

struct IncidentQuery {
  std::optional<int32_t> from, to;  // inclusive; narrows the SQL read
  // Only incidents with a location, each with its id and point, in id order (the map, densities,
  // border proximity); otherwise every incident, without them (counts need no geometry).
  bool points = false;
  // Only incidents located by their commune alone (no point; a list kept by commune), each with
  // its id; `lonlat` stays empty. They count in their commune and are drawn as no dot.
  bool commune_only = false;
};

// Reads non-deleted incidents. Each gets its commune from the stored commune_code (assigned by
// point-in-polygon at import); incidents of communes not in `communes` get -1.
IncidentTable load_incidents(store::Database& db, const CommuneSet& communes,
                             const IncidentQuery& q = {});

// The day of the latest incident (the commands' default window ends there), or nullopt.
std::optional<int32_t> last_incident_day(store::Database& db);

}  // namespace secmap::model
