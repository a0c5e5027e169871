#include "analysis/point_counts.h"

#include <stdexcept>
#include <string>

#include "analysis/incidents.h"
#include "geo/point_locator.h"

namespace secmap::analysis {

std::vector<int64_t> count_points(const CommuneSet& communes, std::span<const geo::Point> pts) {
  if (communes.geoms.size() != communes.size())
    throw std::invalid_argument("count_points: communes were loaded without geometry");
  const geo::PointLocator locator(communes.geoms);
  std::vector<int64_t> counts(communes.size(), 0);
  for (int32_t c : locator.locate_all(pts))
    if (c >= 0) ++counts[size_t(c)];
  return counts;
}

std::vector<geo::Point> load_incident_points(store::Database& db, std::optional<int32_t> from,
                                             std::optional<int32_t> to) {
  return load_incidents(db, CommuneSet{}, {.from = from, .to = to, .points = true}).lonlat;
}

}  // namespace secmap::analysis
