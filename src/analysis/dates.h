// Calendar arithmetic for the analysis: ISO dates as day numbers (days since 1970-01-01), so
// windows, months and "the same window a year earlier" are integer operations on hot paths.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/civil_date.h"

namespace secmap::analysis {

using store::civil_from_days;
using store::days_from_civil;
using store::Ymd;

using store::format_day;
using store::parse_day;
// Like parse_day but throws std::invalid_argument naming the text.
int32_t parse_day_or_throw(std::string_view iso);

// Months since January 1970 (for monthly bins) and back.
inline int32_t month_index(int32_t days) {
  const Ymd d = civil_from_days(days);
  return (d.year - 1970) * 12 + (d.month - 1);
}
std::string format_month(int32_t month_index);  // "YYYY-MM"
int32_t first_day_of_month(int32_t month_index);
// ISO-8601 week: label "YYYY-Www" of the week containing the day.
std::string iso_week_label(int32_t days);

// The same calendar day shifted by whole years; 29 February becomes 28 February.
int32_t shift_years(int32_t days, int years);

// An inclusive window of days with a label (a campaign code, "2025", "2025-01" …).
struct Window {
  std::string label;
  int32_t from = 0, to = 0;  // inclusive
  bool contains(int32_t d) const { return d >= from && d <= to; }
};

// The same window one year earlier (the plans' "so với cùng kỳ" comparison).
Window same_window_year_before(const Window& w);

}  // namespace secmap::analysis
