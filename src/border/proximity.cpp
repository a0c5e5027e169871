#include "border/proximity.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "analysis/incidents.h"
#include "border/chunk_grid.h"
#include "border/edge_grid.h"

namespace secmap::border {

BorderIncidents load_border_incidents(store::Database& db, const MetricFrame& frame,
                                      std::optional<int32_t> from, std::optional<int32_t> to) {
  const analysis::IncidentTable t = analysis::load_incidents(
      db, analysis::CommuneSet{}, {.from = from, .to = to, .points = true});
  // Border group of each category (-1: not a border group).
  std::vector<int8_t> group_of(t.category_codes.size(), -1);
  for (size_t c = 0; c < t.category_codes.size(); ++c)
    if (t.category_group[c] != analysis::kNoCode)
      group_of[c] =
          int8_t(border_group_for(t.category_codes[c], t.group_codes[t.category_group[c]]));
  BorderIncidents out;
  for (size_t i = 0; i < t.size(); ++i) {
    const int8_t g = group_of[t.category[i]];
    if (g < 0) continue;
    out.m.push_back(frame.to_metric(t.lonlat[i]));
    out.day.push_back(t.day[i]);
    out.group.push_back(g);
  }
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

// Border edges per chunk for the incident counts (5 km reach: chunks of a few hundred metres).
constexpr uint32_t kSegmentChunkEdges = 16;

// Squared distance from p to the segment ab, no square root.
double distance2(geo::Point p, geo::Point a, geo::Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

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
                                             const analysis::Window& baseline, int threads) {
  std::vector<const geo::LineString*> lines;
  std::vector<int32_t> owners;
  for (size_t i = 0; i < segs.size(); ++i) {
    lines.push_back(&segs[i].m);
    owners.push_back(int32_t(i));
  }
  const ChunkGrid grid(lines, owners, std::max(radius_m, 100.0), kSegmentChunkEdges);
  const double r2 = radius_m * radius_m;
  // Incidents are shared out in equal runs; integer counts add up the same in any order.
  auto count_range = [&](size_t from, size_t to, std::vector<GroupCounts>& out) {
    ChunkGrid::Scratch scratch;
    std::vector<int32_t> found;
    const auto& pts = grid.points();
    for (size_t i = from; i < to; ++i) {
      const bool in_cur = current.contains(inc.day[i]), in_base = baseline.contains(inc.day[i]);
      if (!in_cur && !in_base) continue;
      const geo::Point p = inc.m[i];
      found.clear();
      grid.candidates(p.x, p.y, p.x, p.y, radius_m, scratch, [&](size_t id) {
        const auto& ch = grid.chunks()[id];
        if (std::find(found.begin(), found.end(), ch.owner) != found.end()) return;
        // The box wholly out of reach: no edge of it is; wholly in reach: every edge is.
        const double nx = std::max({ch.x0 - p.x, 0.0, p.x - ch.x1}),
                     ny = std::max({ch.y0 - p.y, 0.0, p.y - ch.y1});
        if (nx * nx + ny * ny > r2) return;
        const double fx = std::max(p.x - ch.x0, ch.x1 - p.x),
                     fy = std::max(p.y - ch.y0, ch.y1 - p.y);
        bool within = fx * fx + fy * fy <= r2;
        for (uint32_t e = 0; !within && e < ch.edges; ++e)
          within = distance2(p, pts[ch.first + e], pts[ch.first + e + 1]) <= r2;
        if (!within) return;
        found.push_back(ch.owner);
        auto& c = out[size_t(ch.owner)];
        if (in_cur) ++c.current[size_t(inc.group[i])];
        if (in_base) ++c.baseline[size_t(inc.group[i])];
      });
    }
  };
  const size_t n = std::clamp<size_t>(size_t(std::max(threads, 1)), 1, 16);
  std::vector<std::vector<GroupCounts>> part(n, std::vector<GroupCounts>(segs.size()));
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < n; ++t)
    helpers.emplace_back(count_range, inc.size() * t / n, inc.size() * (t + 1) / n,
                         std::ref(part[t]));
  count_range(0, inc.size() / n, part[0]);
  for (auto& h : helpers) h.join();
  for (size_t t = 1; t < n; ++t)
    for (size_t s = 0; s < segs.size(); ++s)
      for (size_t g = 0; g < kBorderGroups; ++g) {
        part[0][s].current[g] += part[t][s].current[g];
        part[0][s].baseline[g] += part[t][s].baseline[g];
      }
  return std::move(part[0]);
}

}  // namespace secmap::border
