// Cooperation events (joint patrols, meetings, information exchanges, hand-overs, hotline
// contacts) counted by kind per crossing and per border segment, per quarter.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "border/border_data.h"

namespace secmap::border {

struct CooperationEvent {
  int64_t id = 0;
  std::string kind;
  int32_t day = 0;
  int64_t crossing_id = 0;  // 0: none
  geo::Point m;
  bool has_point = false;
};

std::vector<CooperationEvent> load_cooperation(store::Database& db, const MetricFrame& frame,
                                               std::optional<int32_t> from,
                                               std::optional<int32_t> to);

// "2025-Q1".
std::string quarter_label(int32_t day);

// (target index, quarter, kind) → count. Crossings: the event's crossing_id. Segments: the
// segment of the event's crossing, else the segment nearest the event's place within radius_m.
using CooperationCounts = std::map<std::tuple<int, std::string, std::string>, int64_t>;
CooperationCounts cooperation_by_crossing(const std::vector<CooperationEvent>& events,
                                          const std::vector<Crossing>& crossings);
CooperationCounts cooperation_by_segment(const std::vector<CooperationEvent>& events,
                                         const std::vector<Crossing>& crossings,
                                         const std::vector<Segment>& segs, double radius_m);

}  // namespace secmap::border
