#include <gtest/gtest.h>

#include "store/civil_date.h"

namespace secmap::store {
namespace {

TEST(CivilDate, KnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(2025, 1, 29), 20117);  // Tết Ất Tỵ
  const Ymd leap = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2);
  EXPECT_EQ(leap.day, 29);
}

TEST(CivilDate, RoundTripsEveryDayOverTwoCenturies) {
  const int32_t first = days_from_civil(1900, 1, 1);
  for (int32_t d = first; d < days_from_civil(2100, 1, 1); ++d) {
    const Ymd c = civil_from_days(d);
    ASSERT_EQ(days_from_civil(c.year, c.month, c.day), d);
    if (d > first) {
      const Ymd prev = civil_from_days(d - 1);
      ASSERT_TRUE(c.day == prev.day + 1 || c.day == 1) << d;
    }
  }
}

}  // namespace
}  // namespace secmap::store
