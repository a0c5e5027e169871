// The indexed, threaded coverage and incident counts give exactly the answers of the plain
// all-pairs computation (every border edge against every route edge, every incident against
// every border edge) on random routes along a winding line: the chunk index, the early exits
// and the threads change the speed, never a length or a count.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "border/coverage.h"
#include "border/planar.h"
#include "border/proximity.h"

namespace secmap::border {
namespace {

// The plain reference: all pairs, one union per kind, no index and no early exit.
double union_len(std::vector<std::pair<double, double>> iv) {
  std::sort(iv.begin(), iv.end());
  double total = 0, lo = 0, hi = -1;
  for (const auto& [a, b] : iv) {
    if (a > hi) {
      total += std::max(0.0, hi - lo);
      lo = a, hi = b;
    } else {
      hi = std::max(hi, b);
    }
  }
  return total + std::max(0.0, hi - lo);
}

struct RefSegment {
  double fraction = 0, done = 0, planned = 0;
  std::set<int> routes;
};

RefSegment reference(const Segment& s, const std::vector<Route>& routes, double r) {
  RefSegment out;
  double len = 0, all = 0, dn = 0, pl = 0;
  for (size_t i = 1; i < s.m.size(); ++i) {
    const double el = dist(s.m[i - 1], s.m[i]);
    len += el;
    std::vector<std::pair<double, double>> a, d, p;
    for (size_t k = 0; k < routes.size(); ++k) {
      std::vector<std::pair<double, double>> mine;
      for (size_t j = 1; j < routes[k].m.size(); ++j)
        if (auto iv = within_capsule(s.m[i - 1], s.m[i], routes[k].m[j - 1], routes[k].m[j], r))
          mine.push_back(*iv);
      if (union_len(mine) > 0) out.routes.insert(int(k));
      for (const auto& iv : mine) {
        a.push_back(iv);
        (routes[k].done() ? d : p).push_back(iv);
      }
    }
    all += el * union_len(a);
    dn += el * union_len(d);
    pl += el * union_len(p);
  }
  out.fraction = std::min(1.0, all / len);
  out.done = std::min(1.0, dn / len);
  out.planned = std::min(1.0, pl / len);
  return out;
}

struct World {
  std::vector<Segment> segs;
  std::vector<Route> routes;
  BorderIncidents inc;
};

geo::Point winding(double s) {
  return {s, 2000 * std::sin(s / 3000) + 300 * std::sin(s / 170)};
}

// A winding line of 60 km in 1 km segments of 50 m edges; 30 routes of 1–5 km along it, shifted
// up to 1.5 km off it (some out of reach), half done; 3,000 incidents within 8 km of it.
World make_world(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  World w;
  for (int k = 0; k < 60; ++k) {
    Segment s;
    s.segment_id = "s" + std::to_string(k);
    for (double x = k * 1000.0; x <= (k + 1) * 1000.0 + 1e-9; x += 50) s.m.push_back(winding(x));
    w.segs.push_back(s);
  }
  for (int r = 0; r < 30; ++r) {
    Route route;
    route.id = r + 1;
    route.state = r % 2 ? "done" : "planned";
    route.start_day = route.end_day = int32_t(20100 + r);
    const double s0 = 60000 * u(rng), len = 1000 + 4000 * u(rng), off = 3000 * (u(rng) - 0.5);
    const double step = 30 + 170 * u(rng);
    for (double s = s0; s <= s0 + len; s += step) {
      const geo::Point p = winding(s);
      route.m.push_back({p.x + 40 * (u(rng) - 0.5), p.y + off});
    }
    w.routes.push_back(route);
  }
  for (int i = 0; i < 3000; ++i) {
    const geo::Point p = winding(60000 * u(rng));
    w.inc.m.push_back({p.x + 16000 * (u(rng) - 0.5), p.y + 16000 * (u(rng) - 0.5)});
    w.inc.day.push_back(int32_t(19800 + rng() % 700));
    w.inc.group.push_back(int8_t(rng() % kBorderGroups));
  }
  return w;
}

TEST(CoverageIndex, SameAnswersAsAllPairsWithOneOrTwoThreads) {
  for (uint64_t seed : {1u, 2u, 3u}) {
    const World w = make_world(seed);
    std::vector<RefSegment> ref;
    for (const auto& s : w.segs) ref.push_back(reference(s, w.routes, 1000));
    size_t partial = 0, covered = 0, bare = 0;
    for (const auto& r : ref) {
      partial += r.fraction > 0 && r.fraction < 1;
      covered += r.fraction >= 0.8;
      bare += r.fraction == 0;
    }
    // The world is mixed enough to test something: covered, partly covered and bare segments.
    ASSERT_GE(partial, 3u) << seed;
    ASSERT_GE(covered, 3u) << seed;
    ASSERT_GE(bare, 3u) << seed;
    for (int threads : {1, 2}) {
      const Coverage cov = compute_coverage(w.segs, {}, w.routes, {1000, 0.8, threads});
      for (size_t s = 0; s < w.segs.size(); ++s) {
        SCOPED_TRACE(w.segs[s].segment_id + " seed " + std::to_string(seed) + " threads " +
                     std::to_string(threads));
        EXPECT_NEAR(cov.segments[s].fraction, ref[s].fraction, 1e-12);
        EXPECT_NEAR(cov.segments[s].done_fraction, ref[s].done, 1e-12);
        EXPECT_NEAR(cov.segments[s].planned_fraction, ref[s].planned, 1e-12);
        EXPECT_EQ(cov.segments[s].covered, ref[s].fraction >= 0.8);
        int done = 0, planned = 0;
        for (int r : ref[s].routes) (w.routes[size_t(r)].done() ? done : planned)++;
        EXPECT_EQ(cov.segments[s].done_routes, done);
        EXPECT_EQ(cov.segments[s].planned_routes, planned);
        for (int r : ref[s].routes) {
          const auto& rs = cov.route_segments[size_t(r)];
          EXPECT_TRUE(std::binary_search(rs.begin(), rs.end(), int(s))) << "route " << r;
        }
      }
      size_t pairs = 0, ref_pairs = 0;
      for (const auto& rs : cov.route_segments) pairs += rs.size();
      for (const auto& r : ref) ref_pairs += r.routes.size();
      EXPECT_EQ(pairs, ref_pairs);
    }
  }
}

TEST(CoverageIndex, IncidentCountsSameAsAllPairs) {
  const World w = make_world(7);
  const analysis::Window cur{"cur", 20100, 20499}, base{"base", 19735, 20099};
  const auto counts = count_near_segments(w.segs, w.inc, 5000, cur, base);
  int64_t total = 0;
  for (size_t s = 0; s < w.segs.size(); ++s) {
    GroupCounts ref;
    for (size_t i = 0; i < w.inc.size(); ++i) {
      double d = 1e300;
      for (size_t e = 1; e < w.segs[s].m.size(); ++e)
        d = std::min(d, point_segment_distance(w.inc.m[i], w.segs[s].m[e - 1], w.segs[s].m[e]));
      if (d > 5000) continue;
      const auto g = size_t(w.inc.group[i]);
      if (cur.contains(w.inc.day[i])) ++ref.current[g];
      if (base.contains(w.inc.day[i])) ++ref.baseline[g];
    }
    EXPECT_EQ(counts[s].current, ref.current) << w.segs[s].segment_id;
    EXPECT_EQ(counts[s].baseline, ref.baseline) << w.segs[s].segment_id;
    total += ref.total_current() + ref.total_baseline();
  }
  EXPECT_GT(total, 1000);  // the counts compared are not all zero
}

}  // namespace
}  // namespace secmap::border
