// The coverage layer's classes: a segment is "done" only when done routes alone hold the
// covered share, recent when the last of them ended within recent_days of the window's end,
// "planned only" when the plans complete it, and not covered otherwise.
#include <gtest/gtest.h>

#include "border/coverage_state.h"

namespace secmap::border {
namespace {

SegmentCoverage seg(double fraction, double done, std::optional<int32_t> last_done = {}) {
  SegmentCoverage c;
  c.fraction = fraction;
  c.done_fraction = done;
  c.last_done = last_done;
  return c;
}

TEST(CoverageState, ClassesByDoneShareAndRecency) {
  const int32_t end = 20453;  // 2025-12-31
  const CoverageStateOptions o{0.8, 30};
  EXPECT_EQ(coverage_state(seg(0, 0), end, o), CoverageState::NotCovered);
  EXPECT_EQ(coverage_state(seg(0.79, 0.5), end, o), CoverageState::NotCovered);
  EXPECT_EQ(coverage_state(seg(0.9, 0.5, end), end, o), CoverageState::PlannedOnly);
  EXPECT_EQ(coverage_state(seg(1, 0.8, end - 29), end, o), CoverageState::DoneRecent);
  EXPECT_EQ(coverage_state(seg(1, 0.8, end - 30), end, o), CoverageState::DoneEarlier);
  EXPECT_EQ(coverage_state(seg(1, 1, end - 200), end, {0.8, 365}), CoverageState::DoneRecent);
  // A share of 0 is never "covered", even with a threshold of 0.
  EXPECT_EQ(coverage_state(seg(0, 0), end, {0, 30}), CoverageState::NotCovered);
}

}  // namespace
}  // namespace secmap::border
