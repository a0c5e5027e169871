// Patrol routes as the planning sees them: from the patrols table or from a route file, each
// with its mode, state (planned or done), dates and the line in lon/lat and metres.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/dates.h"
#include "border/metric_frame.h"
#include "io/route_file.h"
#include "store/database.h"

namespace secmap::border {

struct Route {
  int64_t id = 0;  // patrols.id, or the position in the file (1-based)
  std::string name, unit, mode, state = "planned";
  std::optional<int32_t> start_day, end_day;  // none: undated (a plan applies to any window)
  std::string starts_at, ends_at;             // as stored
  bool sensitive = true;
  geo::LineString lonlat, m;
  double length_m = 0;
  bool done() const { return state == "done"; }
  // Dated routes overlap the window; undated ones are always in it.
  bool in_window(const analysis::Window& w) const;
};

std::vector<Route> load_patrols(store::Database& db, const MetricFrame& frame);
// Throws io::RouteFileError; routes without a mode get "foot", without a state "planned". An
// unknown mode or a bad date is an error naming the file and route.
std::vector<Route> load_route_file(const std::filesystem::path& file, const MetricFrame& frame,
                                   const std::map<std::string, double>& speeds);
std::vector<io::RouteRecord> to_records(const std::vector<Route>& routes);

// Planning speeds per mode (patrol_modes.speed_kmh), with overrides "mode=kmh" applied; throws
// std::invalid_argument for an unknown mode or a speed that is not positive.
std::map<std::string, double> mode_speeds(store::Database& db,
                                          const std::vector<std::string>& overrides);

}  // namespace secmap::border
