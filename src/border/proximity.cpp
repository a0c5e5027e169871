#include "border/proximity.h"

#include <unordered_map>

#include "border/edge_grid.h"

namespace secmap::border {

BorderIncidents load_border_incidents(store::Database& db, const MetricFrame& frame,
                                      std::optional<int32_t> from, std::optional<int32_t> to) {
  std::unordered_map<std::string, int8_t> group_of;
  auto cats = db.prepare("SELECT code, group_code FROM incident_categories");
  while (cats.step())
    group_of[cats.column_text(0)] =
        int8_t(border_group_for(cats.column_text(0), cats.column_text(1)));
  std::string sql =
      "SELECT category, occurred_at, X(geom), Y(geom) FROM incidents WHERE deleted = 0 AND "
      "geom IS NOT NULL";
  if (from) sql += " AND occurred_at >= '" + analysis::format_day(*from) + "'";
  if (to) sql += " AND occurred_at < '" + analysis::format_day(*to + 1) + "'";
  auto st = db.prepare(sql);
  BorderIncidents out;
  std::vector<geo::Point> ll;
  while (st.step()) {
    const auto it = group_of.find(st.column_text(0));
    if (it == group_of.end() || it->second < 0) continue;
    const auto day = analysis::parse_day(st.column_text(1));
    if (!day) continue;
    ll.push_back({st.column_double(2), st.column_double(3)});
    out.day.push_back(*day);
    out.group.push_back(it->second);
  }
  out.m = std::move(ll);
  for (auto& p : out.m) p = frame.to_metric(p);
  return out;
}

int64_t GroupCounts::total_current() const {
  int64_t s = 0;
  for (auto v : current) s += v;
  return s;
}
int64_t GroupCounts::total_baseline() const {
  int64_t s = 0;
  for (auto v : baseline) s += v;
  return s;
}

std::optional<double> change_pct(int64_t current, int64_t baseline) {
  if (baseline == 0) return std::nullopt;
  return 100.0 * double(current - baseline) / double(baseline);
}

namespace {

std::vector<GroupCounts> count_with(const EdgeGrid& grid, size_t n, const BorderIncidents& inc,
                                    double r, const analysis::Window& cur,
                                    const analysis::Window& base) {
  std::vector<GroupCounts> out(n);
  std::vector<int32_t> found;
  for (size_t i = 0; i < inc.size(); ++i) {
    const bool in_cur = cur.contains(inc.day[i]), in_base = base.contains(inc.day[i]);
    if (!in_cur && !in_base) continue;
    const auto g = size_t(inc.group[i]);
    grid.owners_within(inc.m[i], r, found, [&](int32_t owner) {
      auto& c = out[size_t(owner)];
      if (in_cur) ++c.current[g];
      if (in_base) ++c.baseline[g];
    });
  }
  return out;
}

}  // namespace

std::vector<GroupCounts> count_near_points(const std::vector<geo::Point>& targets_m,
                                           const BorderIncidents& inc, double radius_m,
                                           const analysis::Window& current,
                                           const analysis::Window& baseline) {
  EdgeGrid grid(std::max(radius_m, 100.0));
  for (size_t i = 0; i < targets_m.size(); ++i)
    grid.add_edge(targets_m[i], targets_m[i], int32_t(i), 0);
  return count_with(grid, targets_m.size(), inc, radius_m, current, baseline);
}

std::vector<GroupCounts> count_near_segments(const std::vector<Segment>& segs,
                                             const BorderIncidents& inc, double radius_m,
                                             const analysis::Window& current,
                                             const analysis::Window& baseline) {
  EdgeGrid grid(std::max(radius_m, 100.0));
  for (size_t i = 0; i < segs.size(); ++i) grid.add_line(segs[i].m, int32_t(i));
  return count_with(grid, segs.size(), inc, radius_m, current, baseline);
}

}  // namespace secmap::border
