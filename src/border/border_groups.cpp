#include "border/border_groups.h"

#include <algorithm>

namespace secmap::border {

const std::array<BorderGroup, kBorderGroups>& border_groups() {
  // Codes from geodata/codelists/incident_categories.csv. WX-05 (hand-over of weapons) is a
  // positive event and SO-13 (crimes committed with weapons) a violent crime, so neither is in
  // "weapons".
  static const std::array<BorderGroup, kBorderGroups> groups = {{
      {"drugs", "ma túy", "drugs", {"DR", "BX-07"}},
      {"trafficking", "mua bán người", "human trafficking", {"SO-10", "BX-08", "BX-09"}},
      {"smuggling", "buôn lậu", "smuggling", {"BX-05", "EC-03"}},
      {"weapons",
       "vũ khí, vật liệu nổ, pháo",
       "weapons and fireworks",
       {"WX-01", "WX-02", "WX-03", "WX-04", "BX-06"}},
      {"entry_exit",
       "xuất nhập cảnh trái phép",
       "illegal entry/exit",
       {"BX-01", "BX-02", "BX-03", "BX-04", "AD-03"}},
  }};
  return groups;
}

int border_group_for(const std::string& category, const std::string& group_code) {
  const auto& g = border_groups();
  for (size_t i = 0; i < g.size(); ++i)
    if (std::find(g[i].members.begin(), g[i].members.end(), category) != g[i].members.end())
      return int(i);
  for (size_t i = 0; i < g.size(); ++i)
    if (std::find(g[i].members.begin(), g[i].members.end(), group_code) != g[i].members.end())
      return int(i);
  return -1;
}

}  // namespace secmap::border
