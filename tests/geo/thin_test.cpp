#include <gtest/gtest.h>

#include <cmath>

#include "geo/geos_ops.h"
#include "geo/thin.h"

namespace secmap::geo {
namespace {

// A closed ring approximating a circle with n vertices.
Ring circle(double r, int n) {
  Ring ring;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n;
    ring.push_back({r * std::cos(a), r * std::sin(a)});
  }
  ring.push_back(ring.front());
  return ring;
}

TEST(ThinRadial, DropsCloseVerticesAndKeepsRingsClosed) {
  Geometry g = Geometry::multi_polygon({Polygon{{circle(100, 10000)}}});
  Geometry t = thin_radial(g, 1.0);
  const Ring& ring = t.polygons[0].rings[0];
  EXPECT_LT(ring.size(), 1000u);  // 2πr / 1 ≈ 628 vertices
  EXPECT_GT(ring.size(), 500u);
  EXPECT_EQ(ring.front(), ring.back());
  EXPECT_NEAR(area(t), area(g), area(g) * 1e-3);
  EXPECT_TRUE(check_validity(t).valid);
}

TEST(ThinRadial, TinyRingsAndLinesKeepTheirMinimumShape) {
  Geometry g = Geometry::multi_polygon({Polygon{{circle(0.1, 8)}}});
  Geometry t = thin_radial(g, 10.0);
  EXPECT_EQ(t.polygons[0].rings[0].size(), g.polygons[0].rings[0].size());
  Geometry line = Geometry::line({{0, 0}, {0.1, 0}, {0.2, 0}, {50, 0}});
  Geometry tl = thin_radial(line, 1.0);
  ASSERT_EQ(tl.lines[0].size(), 2u);
  EXPECT_EQ(tl.lines[0].front(), (Point{0, 0}));
  EXPECT_EQ(tl.lines[0].back(), (Point{50, 0}));
}

TEST(ThinRadial, ZeroDistanceIsIdentity) {
  Geometry g = Geometry::multi_polygon({Polygon{{circle(5, 50)}}});
  EXPECT_EQ(thin_radial(g, 0).polygons[0].rings[0], g.polygons[0].rings[0]);
}

}  // namespace
}  // namespace secmap::geo
