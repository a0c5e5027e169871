// The date filter works in the shader: a render whose window holds no incidents differs from
// one with all incidents only around incident positions, and a half-year window changes only
// the pixels of the incidents inside it.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/crs.h"
#include "io/png.h"
#include "render/camera.h"
#include "render_fixtures.h"
#include "test_support.h"

namespace secmap::test {
namespace {

constexpr int kW = 480, kH = 360;
constexpr double kNear = 8;  // pixels: an incident symbol is 5 px across plus outline

io::Image render(const std::filesystem::path& db, const std::filesystem::path& out,
                 const std::string& extra) {
  auto r = run_command(secmap_binary().string() + " render " + db.string() + " --out " +
                       out.string() + " --size 480x360 --bbox " + kGridBBox +
                       " --plain --layers border,incidents " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return io::read_png(out);
}

// Pixel position of an incident, computed here from the Web Mercator definition.
geo::Point pixel_of(const FixtureIncident& inc) {
  geo::BBox ll{103.95, 21.95, 104.25, 22.25};
  render::View v = render::View::fit(render::lonlat_bbox_to_mercator(ll), kW, kH);
  return v.to_pixel(geo::lonlat_to_mercator({inc.lon, inc.lat}));
}

TEST(RenderDateFilter, OnlyIncidentPixelsChange) {
  auto dir = scratch_dir("render_date_filter");
  build_fixture("grid", dir / "grid.sqlite");
  io::Image all = render(dir / "grid.sqlite", dir / "all.png", "");
  io::Image none =
      render(dir / "grid.sqlite", dir / "none.png", "--from 1990-01-01 --to 1990-12-31");
  io::Image half =
      render(dir / "grid.sqlite", dir / "half.png", "--from 2024-03-01 --to 2024-08-31");
  ASSERT_EQ(all.width, kW);

  auto near_any = [](int x, int y, bool (*want)(const FixtureIncident&)) {
    for (const auto& inc : grid_incidents()) {
      if (!want(inc)) continue;
      geo::Point p = pixel_of(inc);
      if (std::hypot(p.x - (x + 0.5), p.y - (y + 0.5)) <= kNear) return true;
    }
    return false;
  };
  auto any = [](const FixtureIncident&) { return true; };
  auto in_window = [](const FixtureIncident& i) {
    return i.date >= "2024-03-01" && i.date <= "2024-08-31";
  };
  auto differs = [](const io::Image& a, const io::Image& b, int x, int y) {
    const uint8_t *p = a.pixel(x, y), *q = b.pixel(x, y);
    return p[0] != q[0] || p[1] != q[1] || p[2] != q[2];
  };

  size_t changed_all = 0, changed_half = 0;
  for (int y = 0; y < kH; ++y)
    for (int x = 0; x < kW; ++x) {
      if (differs(all, none, x, y)) {
        ++changed_all;
        EXPECT_TRUE(near_any(x, y, any))
            << "pixel " << x << "," << y << " changed away from incidents";
      }
      if (differs(half, none, x, y)) {
        ++changed_half;
        EXPECT_TRUE(near_any(x, y, in_window))
            << "pixel " << x << "," << y << " changed away from incidents in the window";
      }
    }
  EXPECT_GT(changed_all, grid_incidents().size() * 5);
  EXPECT_GT(changed_half, 0u);
  EXPECT_LT(changed_half, changed_all);
  // Every incident in the window is visible at its position.
  for (const auto& inc : grid_incidents()) {
    geo::Point p = pixel_of(inc);
    const uint8_t* px = half.pixel(static_cast<int>(p.x), static_cast<int>(p.y));
    if (in_window(inc))
      EXPECT_LT(px[0], 128) << "incident of " << inc.date << " not drawn";
    else
      EXPECT_GT(px[0], 128) << "incident of " << inc.date << " drawn outside the window";
  }
}

}  // namespace
}  // namespace secmap::test
