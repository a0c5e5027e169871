// The coverage and links layers: drawn in their colours with a legend when the
// caller gives them, and never in a public-safe render — coverage traces where patrols went,
// and a link to a sensitive facility is sensitive.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "geo/crs.h"
#include "render/coverage_layer.h"
#include "render/headless.h"
#include "render/public_safe.h"
#include "render_fixtures.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

// Pixels within a small distance of the colour (antialiased edges excluded).
size_t pixels_near(const io::Image& img, Rgba c) {
  size_t n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) {
      const uint8_t* p = img.pixel(x, y);
      if (std::abs(p[0] - c.r) + std::abs(p[1] - c.g) + std::abs(p[2] - c.b) <= 24) ++n;
    }
  return n;
}

class CoverageLayerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto path = test::scratch_dir("coverage_layer") / "grid.sqlite";
    test::build_fixture("grid", path);
    auto db = store::Database::open(path);
    data_ = load_map_data(db);
    ASSERT_FALSE(data_.border.empty());
    // The border as one "not covered" segment patrolled often (widest line), and a link across
    // the view between two facilities, one of them sensitive.
    auto cov = std::make_shared<CoverageSegments>();
    cov->segments.push_back({data_.border.front(), 0, 5});
    req_.map.coverage = cov;
    auto links = std::make_shared<FacilityLinks>();
    links->push_back({geo::lonlat_to_mercator({104.0, 22.0}),
                      geo::lonlat_to_mercator({104.2, 22.2}), "a ↔ b", true});
    req_.map.links = links;
    req_.map.layers = {"border", "coverage", "links"};
    req_.width = 600;
    req_.height = 400;
    std::istringstream bbox(test::kGridBBox);
    double v[4];
    char comma;
    bbox >> v[0] >> comma >> v[1] >> comma >> v[2] >> comma >> v[3];
    req_.bbox_lonlat = geo::BBox{v[0], v[1], v[2], v[3]};
  }
  MapData data_;
  HeadlessRequest req_;
};

TEST_F(CoverageLayerTest, DrawnWithLegendInternally) {
  std::ostringstream log;
  const auto r = render_headless(data_, req_, log);
  EXPECT_GT(pixels_near(r.image, coverage_colour(0)), 200u);
  EXPECT_GT(pixels_near(r.image, kLinkColour), 50u);
  bool legend = false;
  for (const auto& s : r.legend) legend |= s.title == tr(Text::Coverage, Lang::Vi);
  EXPECT_TRUE(legend);
  // Without the coverage the same options draw none of its colour.
  HeadlessRequest none = req_;
  none.map.coverage.reset();
  none.map.links.reset();
  const auto r0 = render_headless(data_, none, log);
  EXPECT_EQ(pixels_near(r0.image, coverage_colour(0)), 0u);
  EXPECT_EQ(pixels_near(r0.image, kLinkColour), 0u);
}

TEST_F(CoverageLayerTest, NeverInAPublicSafeRender) {
  req_.map.public_safe = true;
  EXPECT_EQ(public_safe_options(req_.map).layers.count("coverage"), 0u);
  std::ostringstream log;
  const auto r = render_headless(data_, req_, log);
  EXPECT_EQ(pixels_near(r.image, coverage_colour(0)), 0u);
  EXPECT_EQ(pixels_near(r.image, kLinkColour), 0u);  // the link's facility is sensitive
  for (const auto& s : r.legend) EXPECT_NE(s.title, tr(Text::Coverage, Lang::Vi));
}

}  // namespace
}  // namespace secmap::render
