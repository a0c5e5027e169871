// PointLocator against GEOS prepared polygons: synthetic grids and the real communes.
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "geo/geos_ops.h"
#include "geo/point_locator.h"
#include "test_support.h"

namespace secmap::geo {
namespace {

Ring square(double x, double y, double s) {
  return {{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}};
}

// n×n unit squares, each with a square hole in the middle; polygon index = row * n + col.
std::vector<Geometry> square_grid(int n) {
  std::vector<Geometry> polys;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c)
      polys.push_back(
          Geometry::multi_polygon({Polygon{{square(c, r, 1), square(c + 0.25, r + 0.25, 0.5)}}}));
  return polys;
}

TEST(PointLocator, EmptyInput) {
  const PointLocator loc({});
  EXPECT_EQ(loc.locate({0, 0}), -1);
  EXPECT_TRUE(loc.locate_all({}).empty());
}

TEST(PointLocator, SyntheticGridWithHoles) {
  const int n = 10;
  const auto polys = square_grid(n);
  const PointLocator loc(polys);
  EXPECT_EQ(loc.locate({0.1, 0.1}), 0);
  EXPECT_EQ(loc.locate({3.9, 2.1}), 23);
  EXPECT_EQ(loc.locate({3.5, 2.5}), -1);    // in a hole
  EXPECT_EQ(loc.locate({3.0, 2.1}), -1);    // shared edge
  EXPECT_EQ(loc.locate({3.0, 2.0}), -1);    // shared vertex
  EXPECT_EQ(loc.locate({3.25, 2.5}), -1);   // hole edge
  EXPECT_EQ(loc.locate({3.25, 2.25}), -1);  // hole vertex
  EXPECT_EQ(loc.locate({-0.1, 0.5}), -1);
  EXPECT_EQ(loc.locate({10, 10}), -1);
  EXPECT_EQ(loc.locate({0.5, 10}), -1);  // top edge

  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-0.5, n + 0.5);
  std::vector<Point> pts(50000);
  for (auto& p : pts) p = {u(rng), u(rng)};
  // Plus points snapped to the lattice of edges and vertices (quarter steps).
  std::uniform_int_distribution<int> q(-1, 4 * n + 1);
  for (int i = 0; i < 5000; ++i) pts.push_back({q(rng) / 4.0, q(rng) / 4.0});
  for (int i = 0; i < 5000; ++i) pts.push_back({q(rng) / 4.0, u(rng)});
  const auto got = loc.locate_all(pts);
  ASSERT_EQ(got.size(), pts.size());
  std::vector<PreparedPolygon> prepared;
  for (const auto& g : polys) prepared.emplace_back(g);
  for (size_t i = 0; i < pts.size(); ++i) {
    int32_t want = -1;
    for (size_t k = 0; k < prepared.size(); ++k)
      if (prepared[k].contains(pts[i])) want = static_cast<int32_t>(k);
    ASSERT_EQ(got[i], want) << "point " << pts[i].x << " " << pts[i].y;
  }
}

TEST(PointLocator, LongSkewedEdgesAndMultiParts) {
  // A triangle fan with long diagonal edges spanning many cells, and a multipolygon whose parts
  // touch at a vertex (that vertex is boundary, hence outside).
  std::vector<Geometry> polys = {
      Geometry::multi_polygon({Polygon{{{{0, 0}, {100, 1}, {50, 60}, {0, 0}}}}}),
      Geometry::multi_polygon({Polygon{{square(200, 0, 10)}}, Polygon{{square(210, 10, 10)}}}),
  };
  const PointLocator loc(polys);
  EXPECT_EQ(loc.locate({210, 10}), -1);
  EXPECT_EQ(loc.locate({205, 5}), 1);
  EXPECT_EQ(loc.locate({215, 15}), 1);
  EXPECT_EQ(loc.locate({50, 0.5}), -1);  // exactly on the long edge (0,0)-(100,1)
  EXPECT_EQ(loc.locate({50, 0.5000001}), 0);
  EXPECT_EQ(loc.locate({50, 0.4999999}), -1);
  EXPECT_EQ(loc.locate({25, 30}), -1);  // exactly on (0,0)-(50,60)
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> ux(-5, 225), uy(-5, 65);
  std::vector<PreparedPolygon> prepared;
  for (const auto& g : polys) prepared.emplace_back(g);
  for (int i = 0; i < 20000; ++i) {
    const Point p{ux(rng), uy(rng)};
    int32_t want = -1;
    for (size_t k = 0; k < prepared.size(); ++k)
      if (prepared[k].contains(p)) want = static_cast<int32_t>(k);
    ASSERT_EQ(loc.locate(p), want) << p.x << " " << p.y;
  }
}

// Reads every feature's geometry with OGR (the io module owns GDAL in the product; the test
// only needs the polygons).
std::vector<Geometry> read_polygons(const std::string& path) {
  std::vector<Geometry> out;
  OGRRegisterAll();
  OGRDataSourceH ds = OGROpen(path.c_str(), 0, nullptr);
  if (!ds) return out;
  OGRLayerH layer = OGR_DS_GetLayer(ds, 0);
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
      std::vector<uint8_t> wkb(static_cast<size_t>(OGR_G_WkbSize(g)));
      OGR_G_ExportToIsoWkb(g, wkbNDR, wkb.data());
      out.push_back(from_wkb(wkb));
    }
    OGR_F_Destroy(f);
  }
  OGR_DS_Destroy(ds);
  return out;
}

class RealCommunes : public ::testing::Test {
 protected:
  static constexpr const char* kFile = "vn2025_communes_laocai_laichau.geojson";
  void SetUp() override {
    SECMAP_REQUIRE_REALDATA(kFile);
    polys_ = read_polygons((test::realdata_dir() / kFile).string());
    ASSERT_EQ(polys_.size(), 137u);
    for (const auto& g : polys_) boxes_.push_back(g.bbox()), box_.add(boxes_.back());
  }
  std::vector<Geometry> polys_;
  std::vector<BBox> boxes_;
  BBox box_;
};

TEST_F(RealCommunes, AgreesWithPreparedPolygons) {
  const PointLocator loc(polys_);
  std::vector<PreparedPolygon> prepared;
  for (const auto& g : polys_) prepared.emplace_back(g);
  std::mt19937_64 rng(2025);
  std::uniform_real_distribution<double> ux(box_.min_x, box_.max_x), uy(box_.min_y, box_.max_y);
  std::vector<Point> pts(200000);
  for (auto& p : pts) p = {ux(rng), uy(rng)};
  const auto got = loc.locate_all(pts);
  size_t inside = 0;
  for (size_t i = 0; i < pts.size(); ++i) {
    int32_t want = -1;
    // A point is inside at most one commune; test candidates by bbox first.
    for (size_t k = 0; k < polys_.size() && want < 0; ++k)
      if (boxes_[k].contains(pts[i]) && prepared[k].contains(pts[i]))
        want = static_cast<int32_t>(k);
    ASSERT_EQ(got[i], want) << "point " << pts[i].x << " " << pts[i].y;
    inside += want >= 0;
  }
  EXPECT_GT(inside, pts.size() / 3);
}

TEST_F(RealCommunes, VerticesAndEdgesAreOutside) {
  const PointLocator loc(polys_);
  std::vector<PreparedPolygon> prepared;
  for (const auto& g : polys_) prepared.emplace_back(g);
  auto truth = [&](Point p) {
    for (size_t k = 0; k < polys_.size(); ++k)
      if (boxes_[k].contains(p) && prepared[k].contains(p)) return static_cast<int32_t>(k);
    return int32_t{-1};
  };
  // Every 20th vertex of every ring (vertices shared by neighbouring communes included) and the
  // midpoint of the edge after it. A vertex is outside its own commune; the data has a few
  // overlaps, so GEOS decides whether it lies inside another one.
  size_t vertices = 0, vertices_outside = 0, midpoints_on_edge = 0;
  for (size_t k = 0; k < polys_.size(); ++k) {
    for (const auto& poly : polys_[k].polygons) {
      for (const auto& ring : poly.rings) {
        for (size_t i = 0; i + 1 < ring.size(); i += 20) {
          const int32_t got = loc.locate(ring[i]);
          ASSERT_NE(got, static_cast<int32_t>(k));
          ASSERT_EQ(got, truth(ring[i])) << ring[i].x << " " << ring[i].y;
          ++vertices;
          vertices_outside += got < 0;
          const Point a = ring[i], b = ring[i + 1];
          const Point m{(a.x + b.x) / 2, (a.y + b.y) / 2};
          const int32_t want = truth(m);
          ASSERT_EQ(loc.locate(m), want) << m.x << " " << m.y;
          midpoints_on_edge += want < 0;
        }
      }
    }
  }
  EXPECT_GT(vertices, 10000u);
  EXPECT_GT(vertices_outside, vertices * 9 / 10);
  std::printf("[ info ] %zu vertices (%zu outside every commune); %zu edge midpoints on an edge\n",
              vertices, vertices_outside, midpoints_on_edge);
}

TEST_F(RealCommunes, LocateAllTiming) {
  auto t0 = std::chrono::steady_clock::now();
  const PointLocator loc(polys_);
  auto t1 = std::chrono::steady_clock::now();
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<double> ux(box_.min_x, box_.max_x), uy(box_.min_y, box_.max_y);
  std::vector<Point> pts(1000000);
  for (auto& p : pts) p = {ux(rng), uy(rng)};
  auto t2 = std::chrono::steady_clock::now();
  const auto got = loc.locate_all(pts);
  auto t3 = std::chrono::steady_clock::now();
  size_t inside = 0;
  for (auto v : got) inside += v >= 0;
  // Spot-check correctness on a sample (the full check is AgreesWithPreparedPolygons).
  for (size_t i = 0; i < pts.size(); i += 997) EXPECT_EQ(got[i], loc.locate(pts[i]));
  EXPECT_GT(inside, pts.size() / 3);
  auto ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::printf("[ info ] PointLocator: build %.1f ms; locate_all 1M points %.1f ms (%zu inside)\n",
              ms(t1 - t0), ms(t3 - t2), inside);
}

}  // namespace
}  // namespace secmap::geo
