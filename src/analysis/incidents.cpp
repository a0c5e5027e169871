#include "analysis/incidents.h"

#include <stdexcept>
#include <unordered_map>

#include "analysis/dates.h"

namespace secmap::analysis {

namespace {

std::vector<uint8_t> mask_for(const std::vector<std::string>& list,
                              const std::vector<std::string>& wanted, const char* what,
                              bool none_slot) {
  std::vector<uint8_t> m(list.size() + (none_slot ? 1 : 0), wanted.empty() ? 1 : 0);
  for (const auto& w : wanted) {
    size_t i = 0;
    while (i < list.size() && list[i] != w) ++i;
    if (i == list.size())
      throw std::invalid_argument(std::string("unknown ") + what + " '" + w + "'");
    m[i] = 1;
  }
  return m;
}

}  // namespace

FilterMask::FilterMask(const IncidentTable& t, const IncidentFilter& f)
    : from_(f.from.value_or(INT32_MIN)),
      to_(f.to.value_or(INT32_MAX)),
      category_(mask_for(t.category_codes, f.categories, "category", false)),
      group_(mask_for(t.group_codes, f.groups, "category group", false)),
      severity_(mask_for(t.severity_codes, f.severities, "severity", true)),
      status_(mask_for(t.status_codes, f.statuses, "status", false)) {}

}  // namespace secmap::analysis
