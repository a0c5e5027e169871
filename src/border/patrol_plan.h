// The patrol plan table: per route in a window its length, the time it takes at the mode's
// speed, the hotspot communes (Gi* hot classes of the window's incidents) and the crossings
// within the route's buffer, and the border segments it touches.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "analysis/dates.h"
#include "border/coverage.h"

namespace secmap::border {

// Communes whose Gi* class (queen weights, analytical p, as `secmap analyze hotspots`) is a hot
// spot for the incidents of the window: index into `communes` → class ("hot_95" …).
std::map<int32_t, std::string> hotspot_communes(store::Database& db,
                                                const analysis::CommuneSet& communes,
                                                const analysis::Window& window);

struct PlanRow {
  double length_m = 0;
  double speed_kmh = 0;
  double hours = 0;
  std::vector<int32_t> hotspots;  // commune indices, by code
  std::vector<int> crossings;     // indices into the crossings
  std::vector<int> segments;      // indices into the segments touched
};

struct PlanOptions {
  double buffer_m = 1000;
};

// `coverage` from compute_coverage over the same routes (its route_segments).
std::vector<PlanRow> plan_routes(const std::vector<Route>& routes,
                                 const std::map<std::string, double>& speeds,
                                 const analysis::CommuneSet& communes,
                                 const std::map<int32_t, std::string>& hotspots,
                                 const std::vector<Crossing>& crossings, const Coverage& coverage,
                                 const MetricFrame& frame, const PlanOptions& o = {});

// "3 h 20 min".
std::string format_hours(double hours);
// The same in Vietnamese: "1 giờ 05 phút" (the window's panels).
std::string format_hours_vi(double hours);

}  // namespace secmap::border
