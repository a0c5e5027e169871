// Spatial weights: queen contiguity on a grid with known answers, with a near miss and a
// T-junction, against SpatiaLite's ST_Intersects on the real communes; knn and distance band.
#include <gtest/gtest.h>

#include <set>

#include "analysis/weights.h"
#include "real_communes.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

geo::Geometry rect(double x0, double y0, double x1, double y1) {
  geo::Polygon p;
  p.rings.push_back({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
  return geo::Geometry::multi_polygon({p});
}

std::set<std::pair<int, int>> pairs_of(const Weights& w) {
  std::set<std::pair<int, int>> s;
  for (size_t i = 0; i < w.n; ++i)
    for (int32_t j : w.row(i))
      if (int(i) < j) s.insert({int(i), j});
  return s;
}

}  // namespace

TEST(Weights, QueenOnGridCountsCornersAsNeighbours) {
  std::vector<geo::Geometry> g;
  const double s = 0.01;
  for (int j = 0; j < 4; ++j)
    for (int i = 0; i < 4; ++i)
      g.push_back(rect(104 + i * s, 22 + j * s, 104 + (i + 1) * s, 22 + (j + 1) * s));
  const Weights w = queen_weights(g);
  EXPECT_EQ(w.degree(0), 3u);  // corner cell
  EXPECT_EQ(w.degree(1), 5u);  // edge cell
  EXPECT_EQ(w.degree(5), 8u);  // interior cell
  EXPECT_TRUE(w.symmetric());
  EXPECT_EQ(w.islands(), 0u);
}

TEST(Weights, QueenSnapsNearMissesAndTJunctions) {
  const double m = 1.0 / 111320.0;  // ≈ one metre of latitude in degrees
  std::vector<geo::Geometry> g{
      rect(104.0, 22.0, 104.01, 22.01),
      // A gap of about 0.3 m on the east side: neighbours at the default 1 m tolerance.
      rect(104.01 + 0.3 * m, 22.0, 104.02, 22.01),
      // Above the first: its corner at x = 104.005 is mid-edge of the first (T-junction) and
      // it shares no vertex with it.
      rect(104.005, 22.01, 104.008, 22.02),
      // Far away.
      rect(104.1, 22.1, 104.11, 22.11)};
  const Weights w = queen_weights(g);
  const auto p = pairs_of(w);
  EXPECT_TRUE(p.count({0, 1}));
  EXPECT_TRUE(p.count({0, 2}));
  EXPECT_FALSE(p.count({1, 2}));
  EXPECT_EQ(w.degree(3), 0u);
  EXPECT_EQ(w.islands(), 1u);
  // With a 0.1 m tolerance the gap is a real gap.
  EXPECT_FALSE(pairs_of(queen_weights(g, {.snap_m = 0.1})).count({0, 1}));
}

TEST(Weights, KnnAndBand) {
  std::vector<geo::Point> pts;
  for (int j = 0; j < 5; ++j)
    for (int i = 0; i < 5; ++i) pts.push_back({i * 1000.0, j * 1000.0});
  const Weights k4 = knn_weights(pts, 4);
  for (size_t i = 0; i < pts.size(); ++i) EXPECT_EQ(k4.degree(i), 4u);
  // Centre cell 12: its four rook neighbours are the nearest.
  EXPECT_EQ(std::vector<int32_t>(k4.row(12).begin(), k4.row(12).end()),
            (std::vector<int32_t>{7, 11, 13, 17}));
  const Weights b = band_weights(pts, 1500.0);  // rook + diagonal (1414 m)
  EXPECT_EQ(b.degree(12), 8u);
  EXPECT_EQ(b.degree(0), 3u);
  EXPECT_TRUE(b.symmetric());
  const Weights r = row_standardised(with_self(b, 1.0));
  double sum = r.self[0];
  for (double v : r.row_values(0)) sum += v;
  EXPECT_NEAR(sum, 1.0, 1e-15);
  EXPECT_THROW(knn_weights(pts, 25), std::invalid_argument);
  EXPECT_THROW(weights_from_spec("rook", {}, "EPSG:9208"), std::invalid_argument);
  EXPECT_THROW(weights_from_spec("knn:x", {}, "EPSG:9208"), std::invalid_argument);
}

TEST(Weights, QueenOnRealCommunesAgreesWithSpatialiteIntersects) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  auto db = fresh_db("weights_real");
  import_real_communes(db);
  const CommuneSet c = load_communes(db);
  const Weights w = queen_weights(c.geoms);
  EXPECT_TRUE(w.symmetric());
  EXPECT_EQ(w.islands(), 0u);
  // SpatiaLite: pairs whose boundaries touch or overlap.
  std::set<std::pair<int, int>> theirs;
  auto st = db.prepare(
      "SELECT a.code, b.code FROM communes a JOIN communes b ON a.code < b.code "
      "AND MbrIntersects(a.geom, b.geom) = 1 AND ST_Intersects(a.geom, b.geom) = 1");
  while (st.step()) {
    const int i = c.find(st.column_text(0)), j = c.find(st.column_text(1));
    theirs.insert({std::min(i, j), std::max(i, j)});
  }
  const auto ours = pairs_of(w);
  for (const auto& p : theirs)
    EXPECT_TRUE(ours.count(p)) << c.codes[size_t(p.first)] << " " << c.codes[size_t(p.second)];
  // Ours may add near misses within the 1 m tolerance; check each is that close.
  auto dist = db.prepare(
      "SELECT ST_Distance(Transform(a.geom, 32648), Transform(b.geom, 32648)) FROM communes a, "
      "communes b WHERE a.code = ? AND b.code = ?");
  size_t extra = 0;
  for (const auto& p : ours) {
    if (theirs.count(p)) continue;
    ++extra;
    dist.reset();
    dist.bind(1, c.codes[size_t(p.first)]).bind(2, c.codes[size_t(p.second)]);
    ASSERT_TRUE(dist.step());
    EXPECT_LE(dist.column_double(0), 1.01)
        << c.codes[size_t(p.first)] << " " << c.codes[size_t(p.second)];
  }
  std::printf(
      "queen: %zu pairs, SpatiaLite ST_Intersects %zu, near misses within 1 m %zu, "
      "mean neighbours %.2f\n",
      ours.size(), theirs.size(), extra, w.mean_neighbors());
}
