// The five incident groups of border work — drugs, human trafficking, smuggling, weapons and
// fireworks, illegal entry/exit — as sets of codes from geodata/codelists/incident_categories
// (whole category groups such as DR, or single categories such as BX-07). Categories in none
// of them are not counted by the border statistics.
#pragma once
#include <array>
#include <string>
#include <vector>

namespace secmap::border {

inline constexpr size_t kBorderGroups = 5;

struct BorderGroup {
  const char* code;     // column key: drugs, trafficking, smuggling, weapons, entry_exit
  const char* name_vi;  // "ma túy" …
  const char* name_en;
  std::vector<std::string> members;  // category codes ("BX-07") or group codes ("DR")
};

const std::array<BorderGroup, kBorderGroups>& border_groups();

// The border group of a category (index into border_groups()), or -1. A category code match
// wins over its group's match.
int border_group_for(const std::string& category, const std::string& group_code);

}  // namespace secmap::border
