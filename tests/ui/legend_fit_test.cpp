// The legend never hides the map: at an office screen, a full-HD wall and a 4K wall, the view
// fitted to the province keeps every commune's centre out from under the legend, and the legend
// itself stays whole inside the map area.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

class LegendFitTest : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(LegendFitTest, NoCommuneCentreUnderTheLegendInTheFittedView) {
  SECMAP_REQUIRE_DISPLAY();
  const auto [w, h] = GetParam();
  const auto dir = scratch_dir("ui-legend-" + std::to_string(w));
  const auto db = make_demo_db(dir, 1500, false);  // the real communes of the demo provinces
  std::vector<std::pair<double, double>> centres;
  {
    auto d = store::Database::open(db);
    auto st = d.prepare(
        "SELECT X(c), Y(c) FROM (SELECT Centroid(geom) AS c FROM communes WHERE valid_to IS "
        "NULL)");
    while (st.step()) centres.emplace_back(st.column_double(0), st.column_double(1));
  }
  ASSERT_GT(centres.size(), 100u);
  const auto script = dir / "script.txt";
  std::ofstream(script) << "style count\nwait 3\nscreenshot " << (dir / "fit.png").string()
                        << "\ndump-state " << (dir / "fit.json").string() << "\nquit\n";
  // A screen of its own, large enough for the 4K window.
  const auto r = run_command("XDG_CONFIG_HOME=" + quoted(dir / "config") +
                             " xvfb-run -a -s '-screen 0 3900x2200x24' " + quoted(secmap_binary()) +
                             " map " + quoted(db) + " --size " + std::to_string(w) + "x" +
                             std::to_string(h) + " --no-restore --script " + quoted(script));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto state = read_json(dir / "fit.json");
  const auto& view = state["view"];
  ASSERT_TRUE(state.contains("legend_area")) << "no legend drawn";
  const auto a = state["legend_area"].get<std::vector<double>>();
  // The legend is whole: inside the map area, nothing cut off.
  EXPECT_GE(a[0], 0);
  EXPECT_GE(a[1], 0);
  EXPECT_LE(a[2], view["width"].get<double>());
  EXPECT_LE(a[3], view["height"].get<double>());
  size_t under = 0, outside = 0;
  for (const auto& [lon, lat] : centres) {
    const auto [x, y] = lonlat_pixel(view, lon, lat);
    if (x >= a[0] && x <= a[2] && y >= a[1] && y <= a[3]) ++under;
    if (x < 0 || y < 0 || x > view["width"].get<double>() || y > view["height"].get<double>())
      ++outside;
  }
  EXPECT_EQ(under, 0u) << "commune centres under the legend at " << w << "x" << h;
  EXPECT_EQ(outside, 0u) << "commune centres outside the fitted view";
}

INSTANTIATE_TEST_SUITE_P(Screens, LegendFitTest,
                         ::testing::Values(std::pair(1024, 768), std::pair(1920, 1080),
                                           std::pair(3840, 2160)),
                         [](const auto& screen) {
                           return std::to_string(screen.param.first) + "x" +
                                  std::to_string(screen.param.second);
                         });

}  // namespace
}  // namespace secmap::test
