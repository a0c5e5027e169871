#include "border/coverage.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "border/edge_grid.h"
#include "border/planar.h"

namespace secmap::border {

namespace {

struct Interval {
  int32_t route;
  double lo, hi;
};

// Total length of the union of [lo, hi] intervals (sorted by lo in place).
double union_length(std::vector<std::pair<double, double>>& iv) {
  std::sort(iv.begin(), iv.end());
  double total = 0, cur_lo = 0, cur_hi = -1;
  for (const auto& [lo, hi] : iv) {
    if (lo > cur_hi) {
      if (cur_hi > cur_lo) total += cur_hi - cur_lo;
      cur_lo = lo;
      cur_hi = hi;
    } else {
      cur_hi = std::max(cur_hi, hi);
    }
  }
  if (cur_hi > cur_lo) total += cur_hi - cur_lo;
  return total;
}

}  // namespace

Coverage compute_coverage(const std::vector<Segment>& segs, const std::vector<Crossing>& crossings,
                          const std::vector<Route>& routes, const CoverageOptions& o) {
  Coverage out;
  out.segments.resize(segs.size());
  out.crossings.resize(crossings.size());
  out.route_segments.resize(routes.size());
  // Cells of half the buffer keep the candidate lists short for the 2-buffer-wide queries.
  EdgeGrid grid(std::max(o.buffer_m / 2, 100.0));
  // Per route: the border edge it already covers whole (its other edges need no test).
  std::vector<size_t> full_at(routes.size(), SIZE_MAX);
  size_t edge_no = 0;
  for (size_t r = 0; r < routes.size(); ++r) grid.add_line(routes[r].m, int32_t(r));

  std::vector<Interval> found;
  std::vector<std::pair<double, double>> all, done, planned, mine;
  std::unordered_map<int32_t, double> per_route;  // route → covered length of this segment
  for (size_t s = 0; s < segs.size(); ++s) {
    const auto& line = segs[s].m;
    double len_all = 0, len_done = 0, len_planned = 0, seg_len = 0;
    per_route.clear();
    for (size_t i = 1; i < line.size(); ++i) {
      const geo::Point a = line[i - 1], b = line[i];
      const double el = dist(a, b);
      seg_len += el;
      if (el <= 0) continue;
      found.clear();
      ++edge_no;
      grid.candidates(a, b, o.buffer_m, [&](size_t e) {
        const auto& ed = grid.edges()[e];
        if (full_at[size_t(ed.owner)] == edge_no) return;
        if (auto iv = within_capsule(a, b, ed.a, ed.b, o.buffer_m)) {
          found.push_back({ed.owner, iv->first, iv->second});
          if (iv->first <= 0 && iv->second >= 1) full_at[size_t(ed.owner)] = edge_no;
        }
      });
      if (found.empty()) continue;
      all.clear();
      done.clear();
      planned.clear();
      for (const auto& f : found) {
        all.emplace_back(f.lo, f.hi);
        (routes[size_t(f.route)].done() ? done : planned).emplace_back(f.lo, f.hi);
      }
      len_all += el * union_length(all);
      len_done += el * union_length(done);
      len_planned += el * union_length(planned);
      std::sort(found.begin(), found.end(),
                [](const Interval& x, const Interval& y) { return x.route < y.route; });
      for (size_t k = 0; k < found.size();) {
        size_t j = k;
        mine.clear();
        while (j < found.size() && found[j].route == found[k].route)
          mine.emplace_back(found[j].lo, found[j].hi), ++j;
        per_route[found[k].route] += el * union_length(mine);
        k = j;
      }
    }
    auto& c = out.segments[s];
    if (seg_len > 0) {
      c.fraction = std::min(1.0, len_all / seg_len);
      c.done_fraction = std::min(1.0, len_done / seg_len);
      c.planned_fraction = std::min(1.0, len_planned / seg_len);
    }
    c.covered = seg_len > 0 && c.fraction >= o.min_fraction;
    for (const auto& [r, len] : per_route) {
      if (len <= 0) continue;
      const Route& route = routes[size_t(r)];
      out.route_segments[size_t(r)].push_back(int(s));
      if (route.done()) {
        ++c.done_routes;
        const auto day = route.end_day ? route.end_day : route.start_day;
        if (day && (!c.last_done || *day > *c.last_done)) c.last_done = day;
      } else {
        ++c.planned_routes;
        const auto day = route.start_day ? route.start_day : route.end_day;
        if (day && (!c.next_planned || *day < *c.next_planned)) c.next_planned = day;
      }
    }
  }
  for (auto& v : out.route_segments) std::sort(v.begin(), v.end());

  for (size_t k = 0; k < crossings.size(); ++k) {
    auto& c = out.crossings[k];
    for (const auto& [r, d] : grid.owners_near(crossings[k].m, o.buffer_m)) {
      ++c.routes;
      if (c.nearest_m < 0 || d < c.nearest_m) c.nearest_m = d;
    }
    c.covered = c.routes > 0;
  }
  return out;
}

}  // namespace secmap::border
