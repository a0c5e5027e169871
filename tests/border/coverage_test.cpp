// A plan with routes that cover known segments of a straight synthetic border reports exactly
// the uncovered segments and crossings; covered lengths agree with GEOS buffers to 1 m.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "border/border_window.h"
#include "border/coverage.h"
#include "border/routes.h"
#include "border/segments.h"
#include "border_fixture.h"

namespace secmap::border {
namespace {

using namespace testing;

struct Plan {
  RefProj proj;
  store::Database db = synthetic_border_db("coverage", proj);
  Plan() {
    // North of the line by 300 m: A covers km −0.5…12 (planned), B km 19.5…30.5 (done);
    // C would cover km 35…40 but lies outside the window.
    add_patrol_m(db, proj, "A", {{kX0 - 500, kY0 + 300}, {kX0 + 12000, kY0 + 300}}, "planned",
                 "2025-04-01");
    add_patrol_m(db, proj, "B", {{kX0 + 19500, kY0 + 300}, {kX0 + 30500, kY0 + 300}}, "done",
                 "2025-03-10", "motorbike");
    add_patrol_m(db, proj, "C", {{kX0 + 35000, kY0 - 200}, {kX0 + 40000, kY0 - 200}}, "done",
                 "2023-05-01");
    add_crossing_m(db, proj, "Gate near A", {kX0 + 2500, kY0 - 1});
    add_crossing_m(db, proj, "Gate at 37 km", {kX0 + 37000, kY0 - 1});
  }
};

TEST(Coverage, ReportsExactlyTheUncoveredSegmentsAndCrossings) {
  Plan p;
  const auto frame = MetricFrame::for_database(p.db);
  EXPECT_EQ(frame.crs(), "EPSG:9208");
  const auto line = load_border_line(p.db, frame);
  const auto segs = split_fixed(line, frame, 5000);
  ASSERT_EQ(segs.size(), 8u);
  const auto w = command_window(p.db, "2025-01-01", "2025-12-31");
  std::vector<Route> routes;
  for (auto& r : load_patrols(p.db, frame))
    if (r.in_window(w)) routes.push_back(r);
  ASSERT_EQ(routes.size(), 2u);
  const auto crossings = load_crossings(p.db, frame);
  const auto cov = compute_coverage(segs, crossings, routes, {1000, 0.8});

  std::set<std::string> uncovered;
  for (size_t i = 0; i < segs.size(); ++i)
    if (!cov.segments[i].covered) uncovered.insert(segs[i].segment_id);
  // Segment 3 (10–15 km) is covered to 12.954 km (59%), 4 from 18.546 km (29%), 7 to 31.454 km.
  EXPECT_EQ(uncovered, (std::set<std::string>{"5km-003", "5km-004", "5km-007", "5km-008"}));
  EXPECT_TRUE(cov.crossings[0].covered);
  EXPECT_FALSE(cov.crossings[1].covered);
  EXPECT_NEAR(cov.crossings[0].nearest_m, 301, 0.5);

  // Recency and planned vs done.
  EXPECT_EQ(cov.segments[0].planned_routes, 1);
  EXPECT_EQ(cov.segments[0].done_routes, 0);
  EXPECT_EQ(analysis::format_day(*cov.segments[0].next_planned), "2025-04-01");
  EXPECT_FALSE(cov.segments[0].last_done);
  EXPECT_EQ(cov.segments[4].done_routes, 1);
  EXPECT_EQ(analysis::format_day(*cov.segments[4].last_done), "2025-03-10");
  EXPECT_DOUBLE_EQ(cov.segments[7].fraction, 0.0);
  // Segments touched by each route.
  EXPECT_EQ(cov.route_segments[0], (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(cov.route_segments[1], (std::vector<int>{3, 4, 5, 6}));
}

TEST(Coverage, CoveredLengthsAgreeWithGeosBuffersToOneMetre) {
  Plan p;
  RefGeos g;
  const auto frame = MetricFrame::for_database(p.db);
  const auto line = load_border_line(p.db, frame);
  const auto segs = split_fixed(line, frame, 5000);
  std::vector<Route> routes = load_patrols(p.db, frame);
  const auto cov = compute_coverage(segs, {}, routes, {1000, 0.8});
  // Reference: the routes and the segments projected by PROJ directly, GEOS buffer of the union.
  std::vector<GEOSGeometry*> parts;
  for (const auto& r : routes) parts.push_back(g.line(p.proj.to_m(r.lonlat)));
  GEOSGeometry* all = g.merge(parts);
  for (size_t i = 0; i < segs.size(); ++i) {
    GEOSGeometry* s = g.line(p.proj.to_m(segs[i].lonlat));
    const double len = g.length(s);
    EXPECT_NEAR(segs[i].length_m, len, 1e-3);
    EXPECT_NEAR(cov.segments[i].fraction * len, g.length_within(s, all, 1000), 1.0)
        << segs[i].segment_id;
    g.destroy(s);
  }
  g.destroy(all);
  // Hand check of segment 3: 12 km + √(1000² − 300²) = 12.954 km.
  EXPECT_NEAR(cov.segments[2].fraction * 5000, 2000 + std::sqrt(1000.0 * 1000 - 300.0 * 300), 1.0);
}

}  // namespace
}  // namespace secmap::border
