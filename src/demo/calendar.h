// Civil-date arithmetic for the demo (days since 1970-01-01, ISO text) and the dates it is
// built around: the generated period, Tết (Lunar New Year) and the named campaign windows of
// DOMAIN.md §5.2.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secmap::demo {

int64_t days_from_civil(int y, int m, int d);
void civil_from_days(int64_t days, int& y, int& m, int& d);
int64_t parse_day(std::string_view iso);  // "YYYY-MM-DD…" → day number
std::string iso_date(int64_t day);        // "YYYY-MM-DD"
// Local time (UTC+7, stated in the demo note), "YYYY-MM-DDTHH:MM:SS".
std::string iso_datetime(int64_t day, int second_of_day);
int year_of(int64_t day);
int weekday(int64_t day);  // 0 = Monday

// The generated period: 2024-01-01 … 2026-11-15 inclusive; "now" for the demo is the end.
int64_t demo_first_day();
int64_t demo_last_day();
inline constexpr const char* kDemoTimestamp = "2026-11-15T00:00:00Z";  // updated_at of demo rows

// Tết Nguyên đán (first day of the lunar year) for 2024, 2025, 2026.
struct Tet {
  int year;
  int64_t day;
  const char* can_chi;  // Giáp Thìn, Ất Tỵ, Bính Ngọ
};
const std::vector<Tet>& tet_days();

struct Campaign {
  std::string code, name, name_en;
  std::string date_from, date_to;  // inclusive
  std::string province;
  std::string source;
  bool is_demo = true;  // false only where a document states the dates
};
const std::vector<Campaign>& campaign_windows();
// Comma-joined codes of the campaign windows containing the day, or "".
std::string campaign_tags_for(int64_t day);

}  // namespace secmap::demo
