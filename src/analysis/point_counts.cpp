#include "analysis/point_counts.h"

#include <stdexcept>
#include <string>

#include "analysis/dates.h"
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
  // X()/Y() read the SpatiaLite blob directly; cheaper than decoding WKB per row.
  std::string sql = "SELECT X(geom), Y(geom) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL";
  if (from) sql += " AND occurred_at >= '" + format_day(*from) + "'";
  if (to) sql += " AND occurred_at < '" + format_day(*to + 1) + "'";
  auto st = db.prepare(sql);
  std::vector<geo::Point> pts;
  while (st.step()) pts.push_back({st.column_double(0), st.column_double(1)});
  return pts;
}

}  // namespace secmap::analysis
