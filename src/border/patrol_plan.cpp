#include "border/patrol_plan.h"

#include <algorithm>
#include <cmath>

#include "analysis/aggregate.h"
#include "analysis/hotspots.h"
#include "analysis/incidents.h"
#include "analysis/weights.h"
#include "border/edge_grid.h"
#include "border/planar.h"
#include "geo/point_locator.h"

namespace secmap::border {

std::map<int32_t, std::string> hotspot_communes(store::Database& db,
                                                const analysis::CommuneSet& communes,
                                                const analysis::Window& window) {
  // Gi* needs neighbours: a database of one or two communes has no hotspots to report.
  if (communes.size() < 3) return {};
  analysis::IncidentFilter f;
  f.from = window.from;
  f.to = window.to;
  const auto t = analysis::load_incidents(db, communes, {f.from, f.to});
  const auto counts = analysis::count_per_commune(t, communes.size(), f);
  const std::vector<double> x(counts.begin(), counts.end());
  const auto cls = analysis::default_hotspot_classes(analysis::queen_weights(communes.geoms), x);
  std::map<int32_t, std::string> out;
  for (size_t i = 0; i < communes.size(); ++i)
    if (cls[i].rfind("hot_", 0) == 0) out[int32_t(i)] = cls[i];
  return out;
}

std::vector<PlanRow> plan_routes(const std::vector<Route>& routes,
                                 const std::map<std::string, double>& speeds,
                                 const analysis::CommuneSet& communes,
                                 const std::map<int32_t, std::string>& hotspots,
                                 const std::vector<Crossing>& crossings, const Coverage& coverage,
                                 const MetricFrame& frame, const PlanOptions& o) {
  // Hot communes: their boundaries on a grid (route within the buffer of the boundary) and a
  // locator (route inside the commune).
  std::vector<int32_t> hot_ids;
  std::vector<geo::Geometry> hot_geoms;
  for (const auto& [c, cls] : hotspots) {
    hot_ids.push_back(c);
    hot_geoms.push_back(communes.geoms[size_t(c)]);
  }
  EdgeGrid hot_grid(std::max(o.buffer_m, 250.0));
  for (size_t k = 0; k < hot_ids.size(); ++k)
    for (const auto& poly : hot_geoms[k].polygons)
      for (const auto& ring : poly.rings) hot_grid.add_line(frame.to_metric(ring), int32_t(k));
  const geo::PointLocator hot_locator(hot_geoms);
  EdgeGrid crossing_grid(std::max(o.buffer_m, 250.0));
  for (size_t k = 0; k < crossings.size(); ++k)
    crossing_grid.add_edge(crossings[k].m, crossings[k].m, int32_t(k), 0);

  std::vector<PlanRow> out;
  for (size_t r = 0; r < routes.size(); ++r) {
    const Route& route = routes[r];
    PlanRow row;
    row.length_m = route.length_m;
    const auto sp = speeds.find(route.mode);
    row.speed_kmh = sp != speeds.end() ? sp->second : 0;
    row.hours = row.speed_kmh > 0 ? row.length_m / 1000.0 / row.speed_kmh : 0;
    std::vector<uint8_t> hot_hit(hot_ids.size(), 0), cross_hit(crossings.size(), 0);
    for (const auto& p : route.lonlat)
      if (const int32_t k = hot_locator.locate(p); k >= 0) hot_hit[size_t(k)] = 1;
    const auto& m = route.m;
    for (size_t i = 1; i < m.size(); ++i) {
      hot_grid.candidates(m[i - 1], m[i], o.buffer_m, [&](size_t e) {
        const auto& ed = hot_grid.edges()[e];
        if (!hot_hit[size_t(ed.owner)] &&
            segment_segment_distance(m[i - 1], m[i], ed.a, ed.b) <= o.buffer_m)
          hot_hit[size_t(ed.owner)] = 1;
      });
      crossing_grid.candidates(m[i - 1], m[i], o.buffer_m, [&](size_t e) {
        const auto& ed = crossing_grid.edges()[e];
        if (point_segment_distance(ed.a, m[i - 1], m[i]) <= o.buffer_m)
          cross_hit[size_t(ed.owner)] = 1;
      });
    }
    for (size_t k = 0; k < hot_ids.size(); ++k)
      if (hot_hit[k]) row.hotspots.push_back(hot_ids[k]);
    for (size_t k = 0; k < crossings.size(); ++k)
      if (cross_hit[k]) row.crossings.push_back(int(k));
    if (r < coverage.route_segments.size()) row.segments = coverage.route_segments[r];
    out.push_back(std::move(row));
  }
  return out;
}

std::string format_hours(double hours) {
  const long minutes = std::lround(hours * 60);
  return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::string format_hours_vi(double hours) {
  const long minutes = std::lround(hours * 60);
  return std::to_string(minutes / 60) + " giờ " + std::to_string(minutes % 60) + " phút";
}

}  // namespace secmap::border
