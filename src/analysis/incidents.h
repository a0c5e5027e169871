// Which incidents count: a filter over the model's incident columns (model/incidents.h), resolved
// once against their code lists so that counting, comparing, targets and hotspots are array
// scans.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "model/incidents.h"

namespace secmap::analysis {

using model::IncidentQuery;
using model::IncidentTable;
using model::kNoCode;
using model::load_incidents;

// Which incidents count: an inclusive day window and code lists (empty list = all). Unknown
// codes are an error at resolve time, so a typo never silently counts nothing.
struct IncidentFilter {
  std::optional<int32_t> from, to;
  std::vector<std::string> categories, groups, severities, statuses;
};

// The filter resolved against a table's code lists, for fast tests in loops.
class FilterMask {
 public:
  FilterMask(const IncidentTable& t, const IncidentFilter& f);
  bool operator()(const IncidentTable& t, size_t i) const {
    const int32_t d = t.day[i];
    return d >= from_ && d <= to_ && category_[t.category[i]] && group_[t.group[i]] &&
           severity_[t.severity[i] == kNoCode ? severity_.size() - 1 : t.severity[i]] &&
           status_[t.status[i]];
  }
  // The same test with another day window (for baselines and time steps).
  bool matches_codes(const IncidentTable& t, size_t i) const {
    return category_[t.category[i]] && group_[t.group[i]] &&
           severity_[t.severity[i] == kNoCode ? severity_.size() - 1 : t.severity[i]] &&
           status_[t.status[i]];
  }

 private:
  int32_t from_, to_;
  std::vector<uint8_t> category_, group_, severity_, status_;  // severity_ has a slot for "none"
};

}  // namespace secmap::analysis
