// Incidents within a distance (default 5 km, VN-2000 metres) of each crossing and each border
// segment, by border group, in a window and in the same window a year before.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/dates.h"
#include "border/border_data.h"
#include "border/border_groups.h"

namespace secmap::border {

// Incidents of the border groups as points in the metric frame.
struct BorderIncidents {
  std::vector<geo::Point> m;
  std::vector<int32_t> day;
  std::vector<int8_t> group;  // index into border_groups()
  size_t size() const { return m.size(); }
};

// Non-deleted incidents whose category is in a border group, with day in [from, to].
BorderIncidents load_border_incidents(store::Database& db, const MetricFrame& frame,
                                      std::optional<int32_t> from, std::optional<int32_t> to);

struct GroupCounts {
  std::array<int64_t, kBorderGroups> current{}, baseline{};
  int64_t total_current() const;
  int64_t total_baseline() const;
};

// 100 · (current − baseline) / baseline; none when the baseline is 0 (as analysis compare).
std::optional<double> change_pct(int64_t current, int64_t baseline);

// Counts per target; an incident counts for every target within radius_m (distance to the
// point, or to the nearest point of the segment's line).
std::vector<GroupCounts> count_near_points(const std::vector<geo::Point>& targets_m,
                                           const BorderIncidents& inc, double radius_m,
                                           const analysis::Window& current,
                                           const analysis::Window& baseline);
// Segment edges are looked up in chunks (border/chunk_grid.h); the incidents are shared out
// between `threads` threads (the counts are the same for any number).
std::vector<GroupCounts> count_near_segments(const std::vector<Segment>& segs,
                                             const BorderIncidents& inc, double radius_m,
                                             const analysis::Window& current,
                                             const analysis::Window& baseline, int threads = 2);

}  // namespace secmap::border
