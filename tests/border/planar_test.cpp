// Distances and the covered part of a segment against GEOS as the reference.
#include <gtest/gtest.h>

#include <random>

#include "border/planar.h"
#include "border_fixture.h"

namespace secmap::border {
namespace {

using testing::RefGeos;

TEST(Planar, PointAndSegmentDistancesMatchGeos) {
  RefGeos g;
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-5000, 5000);
  for (int k = 0; k < 2000; ++k) {
    const geo::Point a{u(rng), u(rng)}, b{u(rng), u(rng)}, c{u(rng), u(rng)}, d{u(rng), u(rng)};
    GEOSGeometry* ab = g.line({a, b});
    GEOSGeometry* cd = g.line({c, d});
    GEOSGeometry* pc = g.point(c);
    EXPECT_NEAR(point_segment_distance(c, a, b), g.distance(pc, ab), 1e-6);
    EXPECT_NEAR(segment_segment_distance(a, b, c, d), g.distance(ab, cd), 1e-6);
    g.destroy(ab);
    g.destroy(cd);
    g.destroy(pc);
  }
}

TEST(Planar, CapsuleIntervalMatchesGeosDistancesToOneMetre) {
  // The interval's ends are exactly at distance r from cd (GEOS distance), points 1 m beyond
  // them are farther than r, and no interval means GEOS puts the segments farther than r apart.
  // (A GEOS buffer polygon is not the reference here: a line grazing its chords changes length
  // by metres; the buffer comparison is in the coverage test.)
  RefGeos g;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(-3000, 3000), r(50, 2500);
  int hits = 0;
  for (int k = 0; k < 1000; ++k) {
    const geo::Point a{u(rng), u(rng)}, b{u(rng), u(rng)}, c{u(rng), u(rng)}, d{u(rng), u(rng)};
    const double radius = r(rng), len = dist(a, b);
    GEOSGeometry* cd = g.line({c, d});
    auto d_at = [&](double t) {
      GEOSGeometry* p = g.point({a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
      const double v = g.distance(p, cd);
      g.destroy(p);
      return v;
    };
    const auto iv = within_capsule(a, b, c, d, radius);
    if (!iv) {
      GEOSGeometry* ab = g.line({a, b});
      EXPECT_GT(g.distance(ab, cd), radius - 1e-6) << "case " << k;
      g.destroy(ab);
    } else {
      ++hits;
      for (double t : {iv->first, iv->second, (iv->first + iv->second) / 2})
        EXPECT_LE(d_at(t), radius + 1e-6) << "case " << k;
      if (iv->first > 0) {
        EXPECT_NEAR(d_at(iv->first), radius, 1e-6) << "case " << k;
        if (iv->first - 1 / len >= 0) {
          EXPECT_GT(d_at(iv->first - 1 / len), radius) << k;
        }
      }
      if (iv->second < 1) {
        EXPECT_NEAR(d_at(iv->second), radius, 1e-6) << "case " << k;
        if (iv->second + 1 / len <= 1) {
          EXPECT_GT(d_at(iv->second + 1 / len), radius) << k;
        }
      }
    }
    g.destroy(cd);
  }
  EXPECT_GT(hits, 300);  // the cases do exercise partial coverage
}

TEST(Planar, ParallelAndDegenerateSegments) {
  // A segment along the axis of a 1 km capsule of a 2 km segment offset by 300 m.
  const auto iv = within_capsule({-5000, 300}, {5000, 300}, {0, 0}, {2000, 0}, 1000);
  ASSERT_TRUE(iv);
  const double half = std::sqrt(1000.0 * 1000.0 - 300.0 * 300.0);
  EXPECT_NEAR(iv->first * 10000 - 5000, -half, 1e-6);
  EXPECT_NEAR(iv->second * 10000 - 5000, 2000 + half, 1e-6);
  // A point-like route (both ends equal) is a disc.
  const auto disc = within_capsule({-5000, 0}, {5000, 0}, {100, 0}, {100, 0}, 500);
  ASSERT_TRUE(disc);
  EXPECT_NEAR((disc->second - disc->first) * 10000, 1000, 1e-6);
  EXPECT_FALSE(within_capsule({0, 2000}, {10, 2000}, {0, 0}, {10, 0}, 1000));
}

}  // namespace
}  // namespace secmap::border
