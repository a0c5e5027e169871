#include "border/cooperation_stats.h"

#include <unordered_map>

#include "analysis/dates.h"
#include "border/edge_grid.h"
#include "model/layer_records.h"

namespace secmap::border {

std::vector<CooperationEvent> load_cooperation(store::Database& db, const MetricFrame& frame,
                                               std::optional<int32_t> from,
                                               std::optional<int32_t> to) {
  std::vector<CooperationEvent> out;
  for (model::CooperationRecord& r : model::load_cooperation_records(db, from, to)) {
    CooperationEvent e;
    e.id = r.id;
    e.kind = std::move(r.kind);
    e.day = r.day;
    e.crossing_id = r.crossing_id;
    if (r.lonlat) {
      e.m = frame.to_metric(*r.lonlat);
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
