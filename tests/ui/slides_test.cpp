// Slides in the map window without a window: the fly-to's timing, a window state saved as a
// slide and read back from the store, deck editing through the window's actions, and the
// side-by-side counts checked against SpatiaLite SQL on a synthetic demo database.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "briefing/slide.h"
#include "geo/crs.h"
#include "store/database.h"
#include "ui/fly_animation.h"
#include "ui/script.h"
#include "ui/slide_show.h"
#include "ui/slide_view_state.h"
#include "ui_test_util.h"

namespace secmap::ui {
namespace {

render::View view_at(double x, double y, double m, int w = 800, int h = 600) {
  render::View v;
  v.centre = {x, y};
  v.m_per_px = m;
  v.width = w;
  v.height = h;
  return v;
}

TEST(FlyAnimation, ArrivesAtTheGoalAfterItsDurationWhateverTheFrameRate) {
  const render::View from = view_at(1000, 2000, 100);
  const ViewGoal goal{{5000, -3000}, 6.25};
  // 0.4 s in: 60 Hz and 20 Hz frames show the same view.
  FlyAnimation fast, slow;
  fast.start(from);
  slow.start(from);
  render::View vf = from, vs = from;
  for (int i = 0; i < 24; ++i) vf = fast.advance(vf, goal, 1.0 / 60);
  for (int i = 0; i < 8; ++i) vs = slow.advance(vs, goal, 1.0 / 20);
  EXPECT_NEAR(vf.centre.x, vs.centre.x, 1e-6);
  EXPECT_NEAR(vf.m_per_px, vs.m_per_px, 1e-9);
  // Half way in time is half way in position (smoothstep is symmetric) and, on a log scale,
  // half way in zoom: sqrt(100 × 6.25) = 25.
  EXPECT_NEAR(vf.centre.x, 3000, 1e-6);
  EXPECT_NEAR(vf.centre.y, -500, 1e-6);
  EXPECT_NEAR(vf.m_per_px, 25, 1e-9);
  EXPECT_TRUE(fast.active());
  // The remaining 0.4 s land exactly on the goal and end the flight; the size is untouched.
  for (int i = 0; i < 30; ++i) vf = fast.advance(vf, goal, 1.0 / 60);
  EXPECT_FALSE(fast.active());
  EXPECT_EQ(vf.centre, goal.centre);
  EXPECT_EQ(vf.m_per_px, goal.m_per_px);
  EXPECT_EQ(vf.width, 800);
}

TEST(FlyAnimation, EasesInAndOut) {
  EXPECT_EQ(ease_in_out(0), 0);
  EXPECT_EQ(ease_in_out(1), 1);
  EXPECT_LT(ease_in_out(0.1), 0.1);  // slow start
  EXPECT_GT(ease_in_out(0.9), 0.9);  // slow stop
  double last = 0;
  for (int i = 1; i <= 100; ++i) {
    const double e = ease_in_out(i / 100.0);
    EXPECT_GE(e, last);
    last = e;
  }
}

TEST(SlideViewState, GoalFitsTheExtentAndScalesACentreToTheWidth) {
  render::MapData data;
  briefing::SlideView v;
  v.bbox_lonlat = geo::BBox{103.8, 22.3, 104.2, 22.6};
  const ViewGoal g = slide_goal(v, data, 1000, 500);
  const geo::Point sw = geo::lonlat_to_mercator({103.8, 22.3});
  const geo::Point ne = geo::lonlat_to_mercator({104.2, 22.6});
  EXPECT_NEAR(g.centre.x, (sw.x + ne.x) / 2, 1e-6);
  EXPECT_NEAR(g.centre.y, (sw.y + ne.y) / 2, 1e-6);
  EXPECT_NEAR(g.m_per_px, std::max((ne.x - sw.x) / 1000, (ne.y - sw.y) / 500), 1e-9);
  v.centre_3857 = geo::Point{1.15e7, 2.57e6};
  v.m_per_px = 40;
  v.reference_width = 1920;
  const ViewGoal c = slide_goal(v, data, 960, 500);
  EXPECT_EQ(c.centre, *v.centre_3857);
  EXPECT_DOUBLE_EQ(c.m_per_px, 80);  // half the pixels for the same ground
}

TEST(SlideViewState, WindowsAndGroupsGoBothWays) {
  render::MapData data;
  data.incident_groups.entries = {{"drugs", "Ma túy", "Drugs"},
                                  {"smuggling", "Buôn lậu", "Smuggling"},
                                  {"other", "Khác", "Other"}};
  briefing::SlideView v;
  v.layers = {"communes", "incidents", "no-such-layer"};
  v.style = "antt";
  v.date_from = "2024-12-15";
  v.date_to = "2025-02-14";
  v.incident_groups = "smuggling,other";
  const render::MapOptions o = slide_options(v, data, {});
  EXPECT_EQ(o.layers, (render::LayerSet{"communes", "incidents"}));
  EXPECT_EQ(o.style, render::StyleKind::Antt);
  EXPECT_EQ(render::iso_date(o.days.from), "2024-12-15");
  EXPECT_EQ(render::iso_date(o.days.to), "2025-02-14");
  EXPECT_EQ(o.group_mask, 0b110u);
  EXPECT_EQ(window_from(o.days), "2024-12-15");
  EXPECT_TRUE(is_unbounded(window_days("", "")));
  EXPECT_EQ(window_label(window_days("2024-12-15", "2025-02-14"), Lang::Vi),
            "15/12/2024 – 14/02/2025");
}

TEST(ScriptVerbs, AreCheckedBeforeRunning) {
  EXPECT_EQ(Script::parse("key PageDown\npresent on\nslide-save Tết 2025\nslide-go 1\n"
                          "split on 2024-01-01 2024-12-31\nsplit off\n")
                .size(),
            6u);
  EXPECT_THROW(Script::parse("key Hyper\n"), ScriptError);
  EXPECT_THROW(Script::parse("split on 2024-01-01\n"), ScriptError);
  EXPECT_THROW(Script::parse("slide-save\n"), ScriptError);
  EXPECT_THROW(Script::parse("present\n"), ScriptError);
}

// A demo database opened in an AppState, as the window does, with the window's slide actions.
class SlideShowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(std::string("slides-") +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = test::make_demo_db(dir_, 3000);
    {  // the demo comes with a deck; these tests start from an empty one
      auto db = store::Database::open(db_);
      for (const auto& old : briefing::list_slides(db)) briefing::delete_slide(db, old.id);
    }
    ASSERT_TRUE(st_.open_database(db_));
    st_.set_viewport(1000, 700);
    show_.sync(st_);
  }
  std::filesystem::path dir_, db_;
  AppState st_;
  SlideShow show_;
};

TEST_F(SlideShowTest, SavedViewRoundTripsThroughTheStore) {
  st_.zoom_about(500, 350, 3);
  st_.pan(120, -60);
  st_.set_days(window_days("2025-01-01", "2025-03-31"));
  st_.edit_options().layers.erase("crossings");
  st_.edit_options().group_mask = 0b1;
  ASSERT_TRUE(show_.save_view(st_, {"Quý I/2025 — Mường Khương", "Phụ đề", "ghi chú"}, true));
  const render::View saved = st_.view();

  auto db = store::Database::open(db_);
  const auto slides = briefing::list_slides(db);
  ASSERT_EQ(slides.size(), 1u);
  const briefing::Slide& s = slides[0];
  EXPECT_EQ(s.title, "Quý I/2025 — Mường Khương");
  EXPECT_EQ(s.subtitle, "Phụ đề");
  EXPECT_EQ(s.note, "ghi chú");
  EXPECT_TRUE(s.is_public);
  EXPECT_EQ(s.view.date_from, "2025-01-01");
  EXPECT_EQ(s.view.date_to, "2025-03-31");
  EXPECT_EQ(std::count(s.view.layers.begin(), s.view.layers.end(), "crossings"), 0);
  ASSERT_TRUE(s.view.incident_groups.has_value());
  EXPECT_EQ(*s.view.incident_groups, st_.data()->incident_groups.entries[0].code);
  // The stored extent is what the window showed: its corners in lon/lat.
  ASSERT_TRUE(s.view.bbox_lonlat.has_value());
  const geo::BBox m = saved.visible_mercator();
  const geo::Point sw = geo::mercator_to_lonlat({m.min_x, m.min_y});
  const geo::Point ne = geo::mercator_to_lonlat({m.max_x, m.max_y});
  EXPECT_NEAR(s.view.bbox_lonlat->min_x, sw.x, 1e-9);
  EXPECT_NEAR(s.view.bbox_lonlat->min_y, sw.y, 1e-9);
  EXPECT_NEAR(s.view.bbox_lonlat->max_x, ne.x, 1e-9);
  EXPECT_NEAR(s.view.bbox_lonlat->max_y, ne.y, 1e-9);

  // Going back to it from elsewhere restores the filters at once and the view when it lands.
  st_.fit_province();
  st_.set_days({});
  st_.edit_options().layers.insert("crossings");
  ASSERT_TRUE(show_.go(st_, 0, false));
  EXPECT_EQ(window_from(st_.options().days), "2025-01-01");
  EXPECT_EQ(st_.options().layers.count("crossings"), 0u);
  EXPECT_EQ(st_.options().group_mask, 0b1u);
  EXPECT_NEAR(st_.view().centre.x, saved.centre.x, 1e-6 * saved.m_per_px);
  EXPECT_NEAR(st_.view().centre.y, saved.centre.y, 1e-6 * saved.m_per_px);
  EXPECT_NEAR(st_.view().m_per_px, saved.m_per_px, 1e-9 * saved.m_per_px);
}

TEST_F(SlideShowTest, DeckEditsReachTheStore) {
  for (const char* t : {"Một", "Hai", "Ba"}) ASSERT_TRUE(show_.save_view(st_, {t, "", ""}, false));
  auto titles = [&] {
    auto db = store::Database::open(db_);
    std::vector<std::string> out;
    for (const auto& s : briefing::list_slides(db)) out.push_back(s.title);
    return out;
  };
  EXPECT_EQ(titles(), (std::vector<std::string>{"Một", "Hai", "Ba"}));
  ASSERT_TRUE(show_.move(st_, 2, -1));
  EXPECT_EQ(titles(), (std::vector<std::string>{"Một", "Ba", "Hai"}));
  EXPECT_FALSE(show_.move(st_, 0, -1));  // already first
  ASSERT_TRUE(show_.rename(st_, 0, "Mở đầu"));
  ASSERT_TRUE(show_.remove(st_, 1));
  EXPECT_EQ(titles(), (std::vector<std::string>{"Mở đầu", "Hai"}));
  EXPECT_EQ(show_.slides().size(), 2u);
  EXPECT_FALSE(st_.error().has_value());
}

TEST_F(SlideShowTest, PresentingWalksTheDeckAndEscapeRestoresTheView) {
  st_.zoom_about(300, 300, 4);
  ASSERT_TRUE(show_.save_view(st_, {"A", "", ""}, false));
  st_.fit_province();
  ASSERT_TRUE(show_.save_view(st_, {"B", "", ""}, true));
  st_.pan(200, 0);
  const render::View before = st_.view();
  show_.start_presentation(st_);
  ASSERT_TRUE(show_.presenting());
  EXPECT_EQ(show_.current(), 0);  // from the first slide, though the last saved was current
  EXPECT_FALSE(show_.prev(st_));  // no slide before the first
  EXPECT_TRUE(show_.next(st_));
  EXPECT_EQ(show_.current(), 1);
  EXPECT_TRUE(show_.flying());
  while (show_.tick(st_, 1.0 / 30)) {
  }
  EXPECT_TRUE(show_.prev(st_));
  EXPECT_EQ(show_.current(), 0);
  EXPECT_TRUE(show_.next(st_));
  EXPECT_EQ(show_.current(), 1);
  EXPECT_FALSE(show_.next(st_));  // no slide after the last
  EXPECT_EQ(show_.current(), 1);
  show_.stop_presentation(st_);
  EXPECT_FALSE(show_.presenting());
  EXPECT_EQ(st_.view().centre, before.centre);
  EXPECT_EQ(st_.view().m_per_px, before.m_per_px);
}

TEST_F(SlideShowTest, SideBySideCountsMatchTheStore) {
  st_.set_days(window_days("2025-01-01", "2025-12-31"));
  show_.set_split(st_, true);  // the same window a year earlier
  ASSERT_TRUE(show_.split());
  EXPECT_EQ(window_from(show_.compare_window()), "2024-01-01");
  EXPECT_EQ(window_to(show_.compare_window()), "2024-12-31");
  auto db = store::Database::open(db_);
  auto count = [&](const std::string& from, const std::string& to) {
    return db
        .query_int(
            "SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL AND "
            "substr(occurred_at, 1, 10) BETWEEN '" +
            from + "' AND '" + to + "'")
        .value_or(-1);
  };
  render::MapOptions cmp = st_.options();
  cmp.days = show_.compare_window();
  EXPECT_EQ(static_cast<int64_t>(incidents_in_window(*st_.data(), st_.options())),
            count("2025-01-01", "2025-12-31"));
  EXPECT_EQ(static_cast<int64_t>(incidents_in_window(*st_.data(), cmp)),
            count("2024-01-01", "2024-12-31"));
  // A slide saved while comparing keeps the comparison window.
  ASSERT_TRUE(show_.save_view(st_, {"So sánh", "", ""}, false));
  ASSERT_TRUE(show_.slides().back().view.compare.has_value());
  EXPECT_EQ(show_.slides().back().view.compare->date_from, "2024-01-01");
}

}  // namespace
}  // namespace secmap::ui
