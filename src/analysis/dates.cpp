#include "analysis/dates.h"

#include <cstdio>
#include <stdexcept>

namespace secmap::analysis {

static bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int32_t parse_day_or_throw(std::string_view iso) {
  if (auto d = parse_day(iso)) return *d;
  throw std::invalid_argument("not a date (expected YYYY-MM-DD): '" + std::string(iso) + "'");
}

std::string format_month(int32_t mi) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", 1970 + mi / 12, mi % 12 + 1);
  return buf;
}

int32_t first_day_of_month(int32_t mi) {
  return days_from_civil(1970 + mi / 12, mi % 12 + 1, 1);
}

std::string iso_week_label(int32_t days) {
  // ISO weekday (Mon=1); 1970-01-01 was a Thursday. The week belongs to its Thursday's year.
  const int wd = ((days % 7) + 7 + 3) % 7 + 1;
  const int32_t thursday = days - wd + 4;
  const int y = civil_from_days(thursday).year;
  const int week = (thursday - days_from_civil(y, 1, 1)) / 7 + 1;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", y, week);
  return buf;
}

int32_t shift_years(int32_t days, int years) {
  Ymd d = civil_from_days(days);
  d.year += years;
  if (d.month == 2 && d.day == 29 && !leap(d.year)) d.day = 28;
  return days_from_civil(d.year, d.month, d.day);
}

Window same_window_year_before(const Window& w) {
  return {w.label.empty() ? std::string() : w.label + " (year before)", shift_years(w.from, -1),
          shift_years(w.to, -1)};
}

}  // namespace secmap::analysis
