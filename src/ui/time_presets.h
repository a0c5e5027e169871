// Date-window presets for the time filter: every campaign window in the database, the same
// window a year earlier, this month, this year. Windows are inclusive day numbers.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "render/style.h"
#include "ui/features.h"
#include "ui/strings.h"

namespace secmap::ui {

struct DatePreset {
  std::string label;
  render::DayRange days;
};

// Today in local time, as days since 1970-01-01.
int32_t today();
render::DayRange same_window_last_year(render::DayRange w);
render::DayRange month_of(int32_t day);
render::DayRange year_of(int32_t day);
// One preset per campaign, labelled with its name and dates in the interface language.
// One preset per campaign window, labelled "15/12/2024 – 14/02/2025 · name": the dates first, so
// that labels cut by a narrow sidebar still differ.
std::vector<DatePreset> campaign_presets(const std::vector<Campaign>& campaigns, Lang lang);
// "15/12/2024" — the Vietnamese (and British) order, used in both languages.
std::string format_day(int32_t day);

}  // namespace secmap::ui
