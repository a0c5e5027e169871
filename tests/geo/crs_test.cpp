// PROJ transforms: VN-2000 TM-3 check value, UTM round trip, zone choice, Web Mercator.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/crs.h"

namespace secmap::geo {
namespace {

TEST(Crs, LaoCaiCheckValue) {
  // DESIGN.md check value: 104.108E 22.640N → EPSG:9208 E 433817.300 N 2504669.393.
  const Transform t("EPSG:4326", "EPSG:9208");
  EXPECT_TRUE(t.source_is_geographic());
  const Point p = t.apply({104.108, 22.640});
  EXPECT_NEAR(p.x, 433817.300, 0.01);
  EXPECT_NEAR(p.y, 2504669.393, 0.01);
}

TEST(Crs, Vn2000Inverse) {
  const Transform t("EPSG:9208", "EPSG:4326");
  EXPECT_FALSE(t.source_is_geographic());
  const Point p = t.apply({433817.300, 2504669.393});
  EXPECT_NEAR(p.x, 104.108, 1e-7);  // ~1 cm
  EXPECT_NEAR(p.y, 22.640, 1e-7);
}

TEST(Crs, Utm48RoundTrip) {
  const Transform fwd("EPSG:4326", "EPSG:32648"), inv("EPSG:32648", "EPSG:4326");
  std::vector<Point> pts = {{103.0, 22.0}, {104.108, 22.64}, {105.5, 21.3}};
  const auto orig = pts;
  fwd.apply_in_place(std::span<Point>(pts));
  EXPECT_NEAR(pts[0].x, 293527.94, 0.01);  // 2° west of the 105°E central meridian (cs2cs)
  inv.apply_in_place(std::span<Point>(pts));
  for (size_t i = 0; i < pts.size(); ++i) {
    EXPECT_NEAR(pts[i].x, orig[i].x, 1e-9);
    EXPECT_NEAR(pts[i].y, orig[i].y, 1e-9);
  }
}

TEST(Crs, GeometryInPlace) {
  Geometry g = Geometry::multi_polygon(
      {Polygon{{{{104, 22}, {104.1, 22}, {104.1, 22.1}, {104, 22.1}, {104, 22}}}}});
  Transform("EPSG:4326", "EPSG:9208").apply_in_place(g);
  EXPECT_GT(g.polygons[0].rings[0][0].x, 300000);
  EXPECT_GT(g.polygons[0].rings[0][0].y, 2400000);
}

TEST(Crs, UnknownCrsIsClearError) {
  try {
    Transform("EPSG:4326", "EPSG:999999");
    FAIL() << "expected CrsError";
  } catch (const CrsError& e) {
    EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Transform("nonsense", "EPSG:4326"), CrsError);
}

TEST(Crs, Tm3ZoneChoice) {
  // Nearest central meridian: Lào Cai city (104.108°E) is nearest 104°00' (9206), while the
  // province's official zone is 104°45' (9208).
  EXPECT_EQ(vn2000_tm3_epsg_for_lon(104.108), 9206);
  EXPECT_EQ(vn2000_tm3_epsg_for_lon(104.7), 9208);
  EXPECT_EQ(vn2000_tm3_epsg_for_lon(103.2), 9205);
  EXPECT_EQ(vn2000_tm3_epsg_for_lon(90.0), 9205);
  EXPECT_EQ(vn2000_tm3_epsg_for_lon(110.0), 9218);
  EXPECT_EQ(vn2000_tm3_epsg_for_province("L\xC3\xA0o Cai"), 9208);
  EXPECT_EQ(vn2000_tm3_epsg_for_province("T\xE1\xBB\x89nh Lai Ch\xC3\xA2u"), 9205);
  EXPECT_EQ(vn2000_tm3_epsg_for_province("Atlantis"), 0);
}

TEST(Crs, IsGeographic) {
  EXPECT_TRUE(is_geographic("EPSG:4326"));
  EXPECT_TRUE(is_geographic("EPSG:4756"));  // VN-2000 geographic
  EXPECT_FALSE(is_geographic("EPSG:9208"));
  EXPECT_FALSE(is_geographic("EPSG:3857"));
  EXPECT_FALSE(is_geographic("garbage"));
}

TEST(Crs, WebMercatorMatchesProj) {
  const Transform t("EPSG:4326", "EPSG:3857");
  for (Point ll : {Point{104.108, 22.64}, Point{-70, -45}, Point{0, 0}, Point{179, 80}}) {
    const Point proj = t.apply(ll);
    const Point ours = lonlat_to_mercator(ll);
    EXPECT_NEAR(ours.x, proj.x, 1e-6);
    EXPECT_NEAR(ours.y, proj.y, 1e-6);
    const Point back = mercator_to_lonlat(ours);
    EXPECT_NEAR(back.x, ll.x, 1e-10);
    EXPECT_NEAR(back.y, ll.y, 1e-10);
  }
}

}  // namespace
}  // namespace secmap::geo
