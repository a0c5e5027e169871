#include "border/coverage_state.h"

namespace secmap::border {

CoverageState coverage_state(const SegmentCoverage& c, int32_t window_end,
                             const CoverageStateOptions& o) {
  if (c.done_fraction >= o.min_fraction && c.done_fraction > 0) {
    if (!c.last_done || *c.last_done > window_end - o.recent_days) return CoverageState::DoneRecent;
    return CoverageState::DoneEarlier;
  }
  if (c.fraction >= o.min_fraction && c.fraction > 0) return CoverageState::PlannedOnly;
  return CoverageState::NotCovered;
}

}  // namespace secmap::border
