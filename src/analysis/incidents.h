// Incidents loaded once into columns (commune index, day, coded category/group/severity/status)
// so that counting, comparing, targets and hotspots are array scans instead of SQL round trips.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "store/database.h"

namespace secmap::analysis {

inline constexpr uint16_t kNoCode = 0xFFFF;

struct IncidentTable {
  std::vector<int32_t> commune;  // index into the CommuneSet, -1 when outside / not current
  std::vector<int32_t> day;      // days since 1970-01-01
  std::vector<uint16_t> category, group, severity, status;  // indices into the lists below
  std::vector<std::string> category_codes, group_codes, severity_codes, status_codes;
  std::vector<uint8_t> status_cleared;      // per status code: case_statuses.cleared
  std::vector<uint8_t> group_social_order;  // per group code: incident_groups.social_order

  size_t size() const { return day.size(); }
  uint16_t code_of(const std::vector<std::string>& list, std::string_view code) const;
};

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

struct IncidentQuery {
  std::optional<int32_t> from, to;  // inclusive; narrows the SQL read
};

// Reads non-deleted incidents. Each gets its commune from the stored commune_code (assigned by
// point-in-polygon at import); incidents of communes not in `communes` get -1.
IncidentTable load_incidents(store::Database& db, const CommuneSet& communes,
                             const IncidentQuery& q = {});

}  // namespace secmap::analysis
