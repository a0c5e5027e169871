#include "demo/calendar.h"

#include <cstdio>

#include "store/civil_date.h"

namespace secmap::demo {

int64_t days_from_civil(int y, int m, int d) {
  return store::days_from_civil(y, m, d);
}

void civil_from_days(int64_t days, int& y, int& m, int& d) {
  const store::Ymd c = store::civil_from_days(static_cast<int32_t>(days));
  y = c.year, m = c.month, d = c.day;
}

int64_t parse_day(std::string_view iso) {
  const std::string s(iso.substr(0, 10));
  int y = 0, m = 0, d = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return 0;
  return days_from_civil(y, m, d);
}

std::string iso_date(int64_t day) {
  int y, m, d;
  civil_from_days(day, y, m, d);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string iso_datetime(int64_t day, int second_of_day) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", second_of_day / 3600, second_of_day / 60 % 60,
                second_of_day % 60);
  return iso_date(day) + buf;
}

int year_of(int64_t day) {
  int y, m, d;
  civil_from_days(day, y, m, d);
  return y;
}

int weekday(int64_t day) {
  return static_cast<int>(((day % 7) + 7 + 3) % 7);
}  // 1970-01-01: Thu

int64_t demo_first_day() {
  return days_from_civil(2024, 1, 1);
}
int64_t demo_last_day() {
  return days_from_civil(2026, 11, 15);
}

const std::vector<Tet>& tet_days() {
  static const std::vector<Tet> t = {{2024, days_from_civil(2024, 2, 10), "Giáp Thìn"},
                                     {2025, days_from_civil(2025, 1, 29), "Ất Tỵ"},
                                     {2026, days_from_civil(2026, 2, 17), "Bính Ngọ"}};
  return t;
}

const std::vector<Campaign>& campaign_windows() {
  // Only the Tết Ất Tỵ 2025 window has dates in a document (15/12/2024 – 14/02/2025, 16 days
  // after Tết); the others are built in the same style and marked as demo.
  static const std::vector<Campaign> c = {
      {"TET-2024", "Cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Giáp Thìn 2024",
       "Peak crime-suppression campaign, Tết Giáp Thìn 2024 (demo dates)", "2023-12-15",
       "2024-02-26", "Lào Cai", "demo: same style as the 2025 window (document 003 gives no dates)",
       true},
      {"TET-2025", "Cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Ất Tỵ 2025",
       "Peak crime-suppression campaign, Tết Ất Tỵ 2025", "2024-12-15", "2025-02-14", "Lai Châu",
       "004_3243a69cd6872860.txt (per Công văn 4258/BCĐ138/CP of 02/12/2024)", false},
      {"LATE-2025",
       "Bảo đảm ANTT các tháng cuối năm 2025 (đại hội Đảng các cấp nhiệm kỳ 2025–2030)",
       "Security for the final months of 2025 (Party congresses, 2025–2030 term; demo dates)",
       "2025-09-01", "2025-12-31", "Lào Cai",
       "demo dates for \"các tháng cuối năm 2025\" (002_283dcb3ee2780dda.txt)", true},
      {"TET-2026", "Cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán Bính Ngọ 2026",
       "Peak crime-suppression campaign, Tết Bính Ngọ 2026 (demo dates)", "2025-12-15",
       "2026-03-05", "Lào Cai", "demo: same style as the 2025 window", true},
      {"ELECTION-2026",
       "Bảo vệ bầu cử đại biểu Quốc hội khóa XVI và HĐND các cấp nhiệm kỳ 2026–2031",
       "Security for the 16th National Assembly and People's Council elections (demo dates)",
       "2026-01-15", "2026-03-31", "Lào Cai",
       "demo dates around the 2026 election (001_aab6fb287954f5ee.txt names no dates)", true},
  };
  return c;
}

std::string campaign_tags_for(int64_t day) {
  const std::string d = iso_date(day);
  std::string tags;
  for (const auto& c : campaign_windows()) {
    if (d < c.date_from || d > c.date_to) continue;
    if (!tags.empty()) tags += ',';
    tags += c.code;
  }
  return tags;
}

}  // namespace secmap::demo
