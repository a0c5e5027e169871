#include "ui/time_presets.h"

#include <cstdio>
#include <ctime>

#include "analysis/dates.h"

namespace secmap::ui {

int32_t today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return analysis::days_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

render::DayRange same_window_last_year(render::DayRange w) {
  return {analysis::shift_years(w.from, -1), analysis::shift_years(w.to, -1)};
}

render::DayRange month_of(int32_t day) {
  const int32_t m = analysis::month_index(day);
  return {analysis::first_day_of_month(m), analysis::first_day_of_month(m + 1) - 1};
}

render::DayRange year_of(int32_t day) {
  const int y = analysis::civil_from_days(day).year;
  return {analysis::days_from_civil(y, 1, 1), analysis::days_from_civil(y, 12, 31)};
}

std::string format_day(int32_t day) {
  const analysis::Ymd d = analysis::civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d.day, d.month, d.year);
  return buf;
}

std::vector<DatePreset> campaign_presets(const std::vector<Campaign>& campaigns, Lang lang) {
  std::vector<DatePreset> out;
  for (const auto& c : campaigns)
    // The dates first: campaigns of one kind share long names ("Cao điểm tấn công, trấn áp tội
    // phạm dịp Tết …"), and a narrow sidebar cuts a label's end.
    out.push_back({format_day(c.from) + " – " + format_day(c.to) + " · " +
                       (lang == Lang::En ? c.name_en : c.name_vi),
                   {c.from, c.to}});
  return out;
}

}  // namespace secmap::ui
