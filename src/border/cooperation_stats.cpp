#include "border/cooperation_stats.h"

#include <unordered_map>

#include "analysis/dates.h"
#include "border/edge_grid.h"

namespace secmap::border {

std::vector<CooperationEvent> load_cooperation(store::Database& db, const MetricFrame& frame,
                                               std::optional<int32_t> from,
                                               std::optional<int32_t> to) {
  auto st = db.prepare(
      "SELECT id, kind, occurred_on, coalesce(crossing_id, 0), X(geom), Y(geom) FROM "
      "cooperation_events ORDER BY occurred_on, id");
  std::vector<CooperationEvent> out;
  while (st.step()) {
    CooperationEvent e;
    const auto day = analysis::parse_day(st.column_text(2));
    if (!day || (from && *day < *from) || (to && *day > *to)) continue;
    e.id = st.column_int(0);
    e.kind = st.column_text(1);
    e.day = *day;
    e.crossing_id = st.column_int(3);
    if (!st.is_null(4)) {
      e.m = frame.to_metric({st.column_double(4), st.column_double(5)});
      e.has_point = true;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string quarter_label(int32_t day) {
  const auto d = analysis::civil_from_days(day);
  return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
}

namespace {
std::unordered_map<int64_t, int> crossing_index(const std::vector<Crossing>& crossings) {
  std::unordered_map<int64_t, int> ix;
  for (size_t i = 0; i < crossings.size(); ++i) ix[crossings[i].id] = int(i);
  return ix;
}
}  // namespace

CooperationCounts cooperation_by_crossing(const std::vector<CooperationEvent>& events,
                                          const std::vector<Crossing>& crossings) {
  const auto ix = crossing_index(crossings);
  CooperationCounts out;
  for (const auto& e : events) {
    const auto it = ix.find(e.crossing_id);
    if (it == ix.end()) continue;
    ++out[{it->second, quarter_label(e.day), e.kind}];
  }
  return out;
}

CooperationCounts cooperation_by_segment(const std::vector<CooperationEvent>& events,
                                         const std::vector<Crossing>& crossings,
                                         const std::vector<Segment>& segs, double radius_m) {
  const auto ix = crossing_index(crossings);
  EdgeGrid grid(std::max(radius_m, 100.0));
  for (size_t i = 0; i < segs.size(); ++i) grid.add_line(segs[i].m, int32_t(i));
  CooperationCounts out;
  for (const auto& e : events) {
    int seg = -1;
    if (const auto it = ix.find(e.crossing_id); it != ix.end())
      seg = grid.nearest_owner(crossings[size_t(it->second)].m, radius_m);
    else if (e.has_point)
      seg = grid.nearest_owner(e.m, radius_m);
    if (seg >= 0) ++out[{seg, quarter_label(e.day), e.kind}];
  }
  return out;
}

}  // namespace secmap::border
