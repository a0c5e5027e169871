#include "border/coverage_table.h"

#include <cmath>

#include "analysis/dates.h"
#include "analysis/table_output.h"

namespace secmap::border {

namespace {
std::string day_text(const std::optional<int32_t>& d) {
  return d ? analysis::format_day(*d) : std::string();
}
}  // namespace

using analysis::fmt_int;
using analysis::fmt_num;

io::FeatureTable coverage_table(const std::vector<Segment>& segs,
                                const std::vector<Crossing>& crossings, const Coverage& cov,
                                bool include_sensitive, size_t* uncovered_segments,
                                size_t* uncovered_crossings) {
  io::FeatureTable t;
  t.layer = "coverage";
  for (const char* c : {"feature", "id", "name", "commune_code"}) t.add_column(c, false);
  t.add_column("length_m", true);
  t.add_column("covered", false);
  for (const char* c :
       {"fraction", "done_fraction", "planned_fraction", "done_routes", "planned_routes"})
    t.add_column(c, true);
  t.add_column("last_done", false);
  t.add_column("next_planned", false);
  t.add_column("nearest_route_m", true);
  *uncovered_segments = *uncovered_crossings = 0;
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = segs[i];
    const auto& c = cov.segments[i];
    if (!c.covered) ++*uncovered_segments;
    t.rows.push_back(
        {"segment", s.segment_id, s.name, s.commune_code, fmt_num(std::round(s.length_m * 10) / 10),
         c.covered ? "yes" : "no", fmt_num(std::round(c.fraction * 1e4) / 1e4),
         fmt_num(std::round(c.done_fraction * 1e4) / 1e4),
         fmt_num(std::round(c.planned_fraction * 1e4) / 1e4), fmt_int(c.done_routes),
         fmt_int(c.planned_routes), day_text(c.last_done), day_text(c.next_planned), ""});
    t.geoms.push_back(geo::Geometry::line(s.lonlat));
  }
  for (size_t i = 0; i < crossings.size(); ++i) {
    const auto& x = crossings[i];
    const auto& c = cov.crossings[i];
    if (!c.covered) ++*uncovered_crossings;
    if (x.sensitive && !include_sensitive) continue;
    t.rows.push_back({"crossing", fmt_int(x.id), x.name, x.commune_code, "",
                      c.covered ? "yes" : "no", "", "", "", fmt_int(c.routes), "", "", "",
                      c.nearest_m >= 0 ? fmt_num(std::round(c.nearest_m * 10) / 10) : ""});
    t.geoms.push_back(geo::Geometry::point(x.lonlat));
  }
  return t;
}

}  // namespace secmap::border
