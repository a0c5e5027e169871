// What the coverage layer shows for a border segment in a window: whether done patrols cover
// it (and how recently), only planned ones, or none — and how often it was patrolled.
#pragma once
#include <cstdint>

#include "border/coverage.h"

namespace secmap::border {

enum class CoverageState : uint8_t {
  NotCovered,   // no covering route, or the routes' buffers hold less than min_fraction of it
  PlannedOnly,  // covered only with the planned routes counted
  DoneEarlier,  // done routes cover it, the last one more than recent_days before the window end
  DoneRecent    // done routes cover it, the last within recent_days of the window end
};

struct CoverageStateOptions {
  double min_fraction = 0.8;
  int recent_days = 30;
};

// `window_end`: the last day of the window (days since 1970-01-01). A done route with no date
// counts as recent (it belongs to any window).
CoverageState coverage_state(const SegmentCoverage& c, int32_t window_end,
                             const CoverageStateOptions& o = {});

}  // namespace secmap::border
