#include <gtest/gtest.h>

#include "analysis/dates.h"

using namespace secmap::analysis;

TEST(Dates, RoundTripAndKnownValues) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  for (int32_t d = -1000; d < 30000; d += 7) EXPECT_EQ(parse_day(format_day(d)), d);
  EXPECT_EQ(parse_day("2025-02-14T23:59:59Z"), days_from_civil(2025, 2, 14));
  EXPECT_EQ(parse_day("2025-02-14 08:00"), days_from_civil(2025, 2, 14));
  EXPECT_FALSE(parse_day("2025-02-29"));
  EXPECT_FALSE(parse_day("14/02/2025"));
  EXPECT_FALSE(parse_day("2025-13-01"));
}

TEST(Dates, PeriodsAndShifts) {
  EXPECT_EQ(format_month(month_index(parse_day_or_throw("2024-12-31"))), "2024-12");
  EXPECT_EQ(first_day_of_month(month_index(parse_day_or_throw("2025-03-17"))),
            parse_day_or_throw("2025-03-01"));
  EXPECT_EQ(iso_week_label(parse_day_or_throw("2025-01-01")), "2025-W01");
  EXPECT_EQ(iso_week_label(parse_day_or_throw("2024-12-30")), "2025-W01");
  EXPECT_EQ(iso_week_label(parse_day_or_throw("2021-01-03")), "2020-W53");
  EXPECT_EQ(format_day(shift_years(parse_day_or_throw("2024-02-29"), -1)), "2023-02-28");
  const Window w{"tet", parse_day_or_throw("2024-12-15"), parse_day_or_throw("2025-02-14")};
  const Window b = same_window_year_before(w);
  EXPECT_EQ(format_day(b.from), "2023-12-15");
  EXPECT_EQ(format_day(b.to), "2024-02-14");
}
