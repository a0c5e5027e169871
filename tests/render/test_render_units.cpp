// GL-free parts of the renderer: camera arithmetic, dates, scale bar lengths, layer lists,
// styles and legends, and PNG round trips.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/crs.h"
#include "io/png.h"
#include "render/camera.h"
#include "render/map_data.h"
#include "render/overlay.h"
#include "render/style.h"
#include "render_fixtures.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

TEST(Camera, FitsTheBboxAtTheLargerScale) {
  geo::BBox b{0, 0, 2000, 500};
  View v = View::fit(b, 100, 100);
  EXPECT_DOUBLE_EQ(v.m_per_px, 20);  // width decides
  EXPECT_DOUBLE_EQ(v.centre.x, 1000);
  EXPECT_DOUBLE_EQ(v.centre.y, 250);
  geo::Point p = v.to_pixel({0, 250});
  EXPECT_DOUBLE_EQ(p.x, 0);
  EXPECT_DOUBLE_EQ(p.y, 50);
  geo::Point m = v.to_mercator({100, 0});
  EXPECT_DOUBLE_EQ(m.x, 2000);
  EXPECT_DOUBLE_EQ(m.y, 1250);  // y down in pixels, up in metres
}

TEST(Camera, ZoomKeepsThePointUnderTheCursor) {
  View v = View::fit({0, 0, 1000, 1000}, 200, 200);
  geo::Point before = v.to_mercator({30, 170});
  v.zoom_about({30, 170}, 2.5);
  geo::Point after = v.to_mercator({30, 170});
  EXPECT_NEAR(before.x, after.x, 1e-9);
  EXPECT_NEAR(before.y, after.y, 1e-9);
  EXPECT_DOUBLE_EQ(v.m_per_px, 2);
}

TEST(Camera, GroundScaleUsesCosineOfCentreLatitude) {
  geo::Point c = geo::lonlat_to_mercator({104, 60});
  View v = View::fit({c.x - 500, c.y - 500, c.x + 500, c.y + 500}, 100, 100);
  EXPECT_NEAR(v.ground_m_per_px(), 5.0, 1e-6);
}

TEST(Camera, ClipTransformMapsTheViewToNdc) {
  View v = View::fit({1e7, 2e6, 1e7 + 4000, 2e6 + 2000}, 400, 200);
  geo::Point origin{1e7 + 1234, 2e6 - 55};
  auto t = v.clip_transform(origin);
  auto ndc = [&](geo::Point m) {
    return std::pair<double, double>((m.x - origin.x) * t[0] + t[2],
                                     (m.y - origin.y) * t[1] + t[3]);
  };
  auto [x0, y0] = ndc({1e7, 2e6});
  auto [x1, y1] = ndc({1e7 + 4000, 2e6 + 2000});
  EXPECT_NEAR(x0, -1, 1e-5);
  EXPECT_NEAR(y0, -1, 1e-5);
  EXPECT_NEAR(x1, 1, 1e-5);
  EXPECT_NEAR(y1, 1, 1e-5);
}

TEST(Dates, DayNumbersRoundTrip) {
  EXPECT_EQ(day_number("1970-01-01"), 0);
  EXPECT_EQ(day_number("2000-03-01"), 11017);
  EXPECT_EQ(day_number("2024-02-29T10:00:00+07:00"), 19782);
  EXPECT_FALSE(day_number("2024-13-01"));
  EXPECT_FALSE(day_number("yesterday"));
  for (int d : {-1000, 0, 19782, 20500}) EXPECT_EQ(day_number(iso_date(d)), d);
}

TEST(Overlay, ScaleBarLengthsAreRound) {
  EXPECT_DOUBLE_EQ(nice_scale_length(100, 300), 20000);  // 30 km fits → 20 km
  EXPECT_DOUBLE_EQ(nice_scale_length(100, 600), 50000);
  EXPECT_DOUBLE_EQ(nice_scale_length(1, 150), 100);
}

TEST(Layers, ParsesAndRejectsUnknownNames) {
  EXPECT_EQ(parse_layers("communes,border").size(), 2u);
  EXPECT_THROW(parse_layers("communes,roads"), std::invalid_argument);
  EXPECT_TRUE(parse_style("antt"));
  EXPECT_FALSE(parse_style("rainbow"));
}

TEST(MapData, LoadsTheFixtureAndStylesMatchTheLegend) {
  auto dir = test::scratch_dir("render_units");
  test::build_fixture("grid_demo", dir / "grid.sqlite");
  auto db = store::Database::open(dir / "grid.sqlite");
  MapData d = load_map_data(db);
  ASSERT_EQ(d.communes.size(), 4u);
  EXPECT_TRUE(d.is_demo);
  EXPECT_EQ(d.crossings.size(), 5u);
  EXPECT_EQ(d.facilities.size(), 2u);
  EXPECT_EQ(d.incidents.size(), test::grid_incidents().size());
  EXPECT_EQ(d.border.size(), 1u);
  EXPECT_EQ(d.communes[0].name, "Mường Khương");
  for (const auto& c : d.communes) EXPECT_GE(status_on(c, DayRange{}.to).drug_free, 0) << c.code;

  auto style = style_communes(d, StyleKind::DrugFree, Lang::Vi, DayRange{});
  // Three statuses are used, so the legend has exactly three entries, in Vietnamese.
  ASSERT_EQ(style.legend.entries.size(), 3u);
  EXPECT_EQ(style.legend.entries[0].label, "không ma túy");
  for (size_t i = 0; i < d.communes.size(); ++i) {
    bool in_legend = false;
    for (const auto& e : style.legend.entries) in_legend = in_legend || e.colour == style.fill[i];
    EXPECT_TRUE(in_legend) << "commune " << d.communes[i].code << " has a colour not in the legend";
  }
  auto counts = d.incident_counts(*day_number("2024-01-01"), *day_number("2024-12-31"));
  int total = 0;
  for (int n : counts) total += n;
  EXPECT_EQ(total, static_cast<int>(test::grid_incidents().size()));
}

TEST(Png, RoundTripsRgba) {
  io::Image img;
  img.width = 3;
  img.height = 2;
  for (int i = 0; i < 6; ++i) img.rgba.insert(img.rgba.end(), {uint8_t(i * 40), 7, 200, 255});
  auto file = test::scratch_dir("render_png") / "x.png";
  io::write_png(file, img);
  io::Image back = io::read_png(file);
  EXPECT_EQ(back.width, 3);
  EXPECT_EQ(back.height, 2);
  EXPECT_EQ(back.rgba, img.rgba);
  EXPECT_THROW(io::read_png(file.parent_path() / "missing.png"), io::PngError);
  EXPECT_THROW(io::write_png("/nonexistent-dir/x.png", img), io::PngError);
}

}  // namespace
}  // namespace secmap::render
