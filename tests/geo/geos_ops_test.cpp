// GEOS-backed validity, repair, simplification, triangulation, area and prepared contains.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geos_ops.h"

namespace secmap::geo {
namespace {

Ring square(double x, double y, double s) {
  return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
}
Geometry polygon(std::vector<Ring> rings) {
  return {GeomType::Polygon, {}, {}, {Polygon{std::move(rings)}}};
}

double triangle_area(Point a, Point b, Point c) {
  return std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
}

TEST(GeosOps, ValidityAndBowTieRepair) {
  EXPECT_TRUE(check_validity(polygon({square(0, 0, 1)})).valid);
  // Bow-tie: two triangles of area 1 meeting at (1, 1).
  const Geometry bowtie = polygon({{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}});
  const ValidityResult v = check_validity(bowtie);
  EXPECT_FALSE(v.valid);
  EXPECT_NE(v.reason.find("Self-intersection"), std::string::npos) << v.reason;
  EXPECT_NE(v.reason.find("[1 1]"), std::string::npos) << v.reason;

  const auto fixed = make_valid(bowtie);
  ASSERT_TRUE(fixed.has_value());
  EXPECT_EQ(fixed->type, GeomType::MultiPolygon);
  EXPECT_EQ(fixed->polygons.size(), 2u);
  EXPECT_TRUE(check_validity(*fixed).valid);
  EXPECT_NEAR(area(*fixed), 2.0, 1e-12);
}

TEST(GeosOps, MakeValidKeepsOnlyInputDimension) {
  // A degenerate (zero-area) polygon has no polygonal part left.
  EXPECT_FALSE(make_valid(polygon({{{0, 0}, {1, 1}, {2, 2}, {0, 0}}})).has_value());
  // An unclosed ring is closed; a valid polygon stays a Polygon.
  const auto fixed = make_valid(polygon({{{0, 0}, {3, 0}, {3, 3}, {0, 3}}}));
  ASSERT_TRUE(fixed.has_value());
  EXPECT_EQ(fixed->type, GeomType::Polygon);
  EXPECT_NEAR(area(*fixed), 9.0, 1e-12);
  const auto line = make_valid(Geometry::line({{0, 0}, {1, 1}, {0, 1}}));
  ASSERT_TRUE(line.has_value());
  EXPECT_EQ(line->type, GeomType::LineString);
}

TEST(GeosOps, DegenerateRingIsAnError) {
  const ValidityResult v = check_validity(polygon({{{0, 0}, {1, 0}, {0, 0}}}));
  EXPECT_FALSE(v.valid);
  EXPECT_THROW(area(polygon({{{0, 0}, {1, 0}, {0, 0}}})), GeosError);
  EXPECT_THROW(area(Geometry::line({{0, 0}})), GeosError);  // one-point line
  EXPECT_THROW(area(Geometry::multi_line({{{0, 0}, {1, 1}}, {{0, 0}}})), GeosError);
}

TEST(GeosOps, Simplify) {
  Ring wiggly;
  for (int i = 0; i <= 100; ++i) wiggly.push_back({i * 0.1, (i % 2) * 1e-4});
  wiggly.push_back({10, 5});
  wiggly.push_back({0, 5});
  wiggly.push_back({0, 0});
  const Geometry g = Geometry::multi_polygon({Polygon{{wiggly}}});
  const Geometry s = simplify(g, 0.01);
  EXPECT_EQ(s.type, GeomType::MultiPolygon);
  EXPECT_LT(s.vertex_count(), 10u);
  EXPECT_NEAR(area(s), 50.0, 0.01);
}

TEST(GeosOps, TriangulateWithHole) {
  const Geometry g = Geometry::multi_polygon(
      {Polygon{{square(0, 0, 10), square(2, 2, 3)}}, Polygon{{square(20, 0, 1)}}});
  const auto tris = triangulate(g);
  ASSERT_EQ(tris.size() % 3, 0u);
  ASSERT_FALSE(tris.empty());
  double sum = 0;
  for (size_t i = 0; i < tris.size(); i += 3) {
    sum += triangle_area(tris[i], tris[i + 1], tris[i + 2]);
    // No triangle lies in the hole: its centroid is outside (2..5, 2..5).
    const double cx = (tris[i].x + tris[i + 1].x + tris[i + 2].x) / 3;
    const double cy = (tris[i].y + tris[i + 1].y + tris[i + 2].y) / 3;
    EXPECT_FALSE(cx > 2 && cx < 5 && cy > 2 && cy < 5);
  }
  EXPECT_NEAR(sum, area(g), 1e-9);
  EXPECT_NEAR(sum, 100 - 9 + 1, 1e-9);
  EXPECT_TRUE(triangulate(Geometry{}).empty());
}

TEST(GeosOps, PreparedPolygonStrictContains) {
  const PreparedPolygon p(polygon({square(0, 0, 4), square(1, 1, 1)}));
  EXPECT_TRUE(p.contains({0.5, 0.5}));
  EXPECT_TRUE(p.contains({3, 3}));
  EXPECT_FALSE(p.contains({1.5, 1.5}));  // in the hole
  EXPECT_FALSE(p.contains({5, 5}));
  EXPECT_FALSE(p.contains({0, 2}));    // on the shell
  EXPECT_FALSE(p.contains({4, 4}));    // shell vertex
  EXPECT_FALSE(p.contains({1, 1.5}));  // on the hole's edge
}

}  // namespace
}  // namespace secmap::geo
