// Geometry helpers and ISO WKB round trips.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/geometry.h"

namespace secmap::geo {
namespace {

Ring square(double x, double y, double s) {
  return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
}

void expect_same(const Geometry& a, const Geometry& b) {
  EXPECT_EQ(a.type, b.type);
  EXPECT_EQ(a.points, b.points);
  EXPECT_EQ(a.lines, b.lines);
  ASSERT_EQ(a.polygons.size(), b.polygons.size());
  for (size_t i = 0; i < a.polygons.size(); ++i)
    EXPECT_EQ(a.polygons[i].rings, b.polygons[i].rings);
}

TEST(Geometry, CountsBoxAndMulti) {
  Geometry g{GeomType::Polygon, {}, {}, {Polygon{{square(0, 0, 4), square(1, 1, 1)}}}};
  EXPECT_EQ(g.vertex_count(), 10u);
  const BBox b = g.bbox();
  EXPECT_EQ(b.min_x, 0);
  EXPECT_EQ(b.max_y, 4);
  EXPECT_EQ(g.as_multi().type, GeomType::MultiPolygon);
  EXPECT_EQ(Geometry::line({{0, 0}, {1, 1}}).as_multi().type, GeomType::MultiLineString);
  EXPECT_EQ(Geometry::point({1, 2}).as_multi().type, GeomType::Point);
  EXPECT_TRUE(Geometry{}.bbox().empty());
  EXPECT_STREQ(type_name(GeomType::MultiPolygon), "MultiPolygon");
}

TEST(Geometry, WkbRoundTripEveryType) {
  const std::vector<Geometry> all = {
      Geometry::point({104.108, 22.64}),
      Geometry::line({{0, 0}, {1, 2}, {3, -4}}),
      Geometry{GeomType::Polygon, {}, {}, {Polygon{{square(0, 0, 4), square(1, 1, 1)}}}},
      Geometry{GeomType::MultiPoint, {{1, 2}, {3, 4}}, {}, {}},
      Geometry::multi_line({{{0, 0}, {1, 1}}, {{2, 2}, {3, 3}, {4, 5}}}),
      Geometry::multi_polygon(
          {Polygon{{square(0, 0, 1)}}, Polygon{{square(5, 5, 2), square(5.5, 5.5, 1)}}}),
      Geometry{},  // empty → GEOMETRYCOLLECTION EMPTY
  };
  for (const auto& g : all) {
    SCOPED_TRACE(type_name(g.type));
    const auto wkb = to_wkb(g);
    ASSERT_GE(wkb.size(), 5u);
    EXPECT_EQ(wkb[0], 1);  // little-endian
    expect_same(from_wkb(wkb), g);
  }
}

TEST(Geometry, EmptyPointIsNaN) {
  Geometry empty_point{GeomType::Point, {}, {}, {}};
  const Geometry back = from_wkb(to_wkb(empty_point));
  EXPECT_EQ(back.type, GeomType::Point);
  EXPECT_TRUE(back.is_empty());
}

TEST(Geometry, BigEndianRead) {
  // POINT(1 2), big-endian.
  const std::vector<uint8_t> pt = {0x00, 0x00, 0x00, 0x00, 0x01, 0x3F, 0xF0, 0, 0, 0, 0,
                                   0,    0,    0x40, 0x00, 0,    0,    0,    0, 0, 0};
  const Geometry g = from_wkb(pt);
  ASSERT_EQ(g.type, GeomType::Point);
  EXPECT_EQ(g.points[0], (Point{1, 2}));
  // MULTILINESTRING((0 0, 1 1)) big-endian, member in big-endian too.
  std::vector<uint8_t> ml = {0, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 2};
  for (double d : {0.0, 0.0, 1.0, 1.0}) {
    const auto v = std::bit_cast<uint64_t>(d);
    for (int i = 7; i >= 0; --i) ml.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  const Geometry m = from_wkb(ml);
  ASSERT_EQ(m.type, GeomType::MultiLineString);
  EXPECT_EQ(m.lines[0], (LineString{{0, 0}, {1, 1}}));
}

std::vector<uint8_t> le_point(uint32_t code, std::initializer_list<double> coords) {
  std::vector<uint8_t> b = {1};
  for (int i = 0; i < 4; ++i) b.push_back(static_cast<uint8_t>(code >> (8 * i)));
  for (double d : coords) {
    const auto v = std::bit_cast<uint64_t>(d);
    for (int i = 0; i < 8; ++i) b.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  return b;
}

TEST(Geometry, ZAndMDroppedTo2D) {
  EXPECT_EQ(from_wkb(le_point(1001, {1, 2, 3})).points[0], (Point{1, 2}));            // ISO Z
  EXPECT_EQ(from_wkb(le_point(2001, {1, 2, 3})).points[0], (Point{1, 2}));            // ISO M
  EXPECT_EQ(from_wkb(le_point(3001, {1, 2, 3, 4})).points[0], (Point{1, 2}));         // ISO ZM
  EXPECT_EQ(from_wkb(le_point(0x80000001u, {1, 2, 3})).points[0], (Point{1, 2}));     // EWKB Z
  EXPECT_EQ(from_wkb(le_point(0xC0000001u, {1, 2, 3, 4})).points[0], (Point{1, 2}));  // EWKB ZM
  // EWKB with SRID 4326: the SRID sits between type and coordinates.
  auto srid = le_point(0x20000001u, {});
  for (uint8_t byte : {0xE6, 0x10, 0x00, 0x00}) srid.push_back(byte);
  for (double d : {5.0, 6.0}) {
    const auto v = std::bit_cast<uint64_t>(d);
    for (int i = 0; i < 8; ++i) srid.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  EXPECT_EQ(from_wkb(srid).points[0], (Point{5, 6}));
}

TEST(Geometry, MalformedWkbThrows) {
  auto good = to_wkb(Geometry::line({{0, 0}, {1, 1}}));
  EXPECT_THROW(from_wkb(std::span<const uint8_t>(good.data(), good.size() - 1)), WkbError);
  EXPECT_THROW(from_wkb({}), WkbError);
  auto trailing = good;
  trailing.push_back(0);
  EXPECT_THROW(from_wkb(trailing), WkbError);
  EXPECT_THROW(from_wkb(le_point(99, {1, 2})), WkbError);
  auto bad_order = good;
  bad_order[0] = 7;
  EXPECT_THROW(from_wkb(bad_order), WkbError);
  // Huge count with no data behind it must not allocate.
  std::vector<uint8_t> huge = {1, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F};
  EXPECT_THROW(from_wkb(huge), WkbError);
  // A non-empty GeometryCollection is refused.
  auto gc = std::vector<uint8_t>{1, 7, 0, 0, 0, 1, 0, 0, 0};
  const auto pt = to_wkb(Geometry::point({1, 2}));
  gc.insert(gc.end(), pt.begin(), pt.end());
  EXPECT_THROW(from_wkb(gc), WkbError);
  // A multipolygon whose member is a point.
  auto mp = std::vector<uint8_t>{1, 6, 0, 0, 0, 1, 0, 0, 0};
  mp.insert(mp.end(), pt.begin(), pt.end());
  EXPECT_THROW(from_wkb(mp), WkbError);
}

}  // namespace
}  // namespace secmap::geo
