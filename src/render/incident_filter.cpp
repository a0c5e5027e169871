#include "render/incident_filter.h"

namespace secmap::render {

bool IncidentFilter::codes_all() const {
  for (uint32_t w : category_mask)
    if (w != 0xFFFFFFFFu) return false;
  return group_mask == 0xFFFFFFFFu && severity_mask == 0xFFFFFFFFu && status_mask == 0xFFFFFFFFu;
}

size_t count_incidents(const Incidents& inc, const IncidentFilter& f) {
  size_t n = 0;
  for (size_t i = 0; i < inc.size(); ++i)
    if (f.accepts(inc, i)) ++n;
  return n;
}

std::vector<int> incident_counts(const Incidents& inc, size_t communes, const IncidentFilter& f) {
  std::vector<int> counts(communes, 0);
  // Every code shown: dates alone decide (and incidents loaded without codes still count).
  const bool dates_only = f.codes_all();
  for (size_t i = 0; i < inc.size(); ++i) {
    const int c = inc.commune[i];
    if (c >= 0 && static_cast<size_t>(c) < communes &&
        (dates_only ? f.days.contains(inc.day[i]) : f.accepts(inc, i)))
      ++counts[c];
  }
  return counts;
}

std::vector<int> commune_totals(const Incidents& points, const Incidents& commune_level,
                                size_t communes, const IncidentFilter& f) {
  std::vector<int> counts = incident_counts(points, communes, f);
  const std::vector<int> more = incident_counts(commune_level, communes, f);
  for (size_t c = 0; c < counts.size(); ++c) counts[c] += more[c];
  return counts;
}

std::vector<uint32_t> packed_incident_codes(const Incidents& inc) {
  std::vector<uint32_t> out(inc.size());
  for (size_t i = 0; i < inc.size(); ++i)
    out[i] = (inc.category[i] & 0x7Fu) | (inc.group[i] & 0xFu) << 8 |
             (inc.severity[i] & 0xFu) << 12 | (inc.status[i] & 0xFu) << 16;
  return out;
}

}  // namespace secmap::render
