// The window's GL-free core: opening databases, identify, search, filters and settings, on the
// synthetic demo province and checked against SpatiaLite.
#include "ui/app_state.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "demo/demo_builder.h"
#include "geo/crs.h"
#include "test_support.h"
#include "text/unicode.h"
#include "ui/settings.h"
#include "ui/time_presets.h"

namespace secmap::ui {
namespace {

class AppStateTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(test::scratch_dir("ui-app-state"));
    demo::DemoOptions o;
    o.synthetic = true;
    o.incidents = 3000;
    demo::build_demo(*dir_ / "demo.sqlite", o);
  }
  static void TearDownTestSuite() { delete dir_; }
  void SetUp() override {
    ASSERT_TRUE(state_.open_database(*dir_ / "demo.sqlite"));
    state_.set_viewport(900, 700);
  }
  static std::filesystem::path* dir_;
  AppState state_;
};
std::filesystem::path* AppStateTest::dir_ = nullptr;

TEST_F(AppStateTest, OpensAndFitsTheProvince) {
  EXPECT_TRUE(state_.has_data());
  EXPECT_FALSE(state_.data()->communes.empty());
  const geo::BBox seen = state_.view().visible_mercator();
  for (const auto& c : state_.data()->communes) {
    EXPECT_TRUE(seen.contains({c.bbox.min_x, c.bbox.min_y})) << c.name;
    EXPECT_TRUE(seen.contains({c.bbox.max_x, c.bbox.max_y})) << c.name;
  }
}

TEST_F(AppStateTest, MissingAndCorruptDatabasesKeepWhatWasOpen) {
  EXPECT_FALSE(state_.open_database(*dir_ / "missing.sqlite"));
  ASSERT_TRUE(state_.error());
  EXPECT_NE(state_.error()->detail.find("missing.sqlite"), std::string::npos);
  EXPECT_FALSE(state_.error()->help.empty());
  EXPECT_TRUE(state_.has_data());
  std::ofstream(*dir_ / "junk.sqlite") << "junk junk junk";
  EXPECT_FALSE(state_.open_database(*dir_ / "junk.sqlite"));
  EXPECT_TRUE(state_.has_data());
}

TEST_F(AppStateTest, ClickPicksTheCommuneSpatiaLiteFinds) {
  auto db = store::Database::open(*dir_ / "demo.sqlite");
  state_.edit_options().layers = {"communes"};
  int checked = 0;
  for (int py = 40; py < 700; py += 97)
    for (int px = 30; px < 900; px += 113) {
      const FeatureRef f = state_.click(px, py);
      const geo::Point ll =
          geo::mercator_to_lonlat(state_.view().to_mercator({1.0 * px, 1.0 * py}));
      auto st = db.prepare(
          "SELECT code FROM communes WHERE valid_to IS NULL AND "
          "ST_Within(MakePoint(?, ?, 4326), geom)");
      st.bind(1, ll.x).bind(2, ll.y);
      if (st.step()) {
        ASSERT_EQ(f.kind, FeatureKind::Commune) << px << "," << py;
        EXPECT_EQ(state_.index()->code(f), st.column_text(0));
        ++checked;
      } else {
        EXPECT_FALSE(f) << px << "," << py;
      }
    }
  EXPECT_GT(checked, 20);
}

TEST_F(AppStateTest, IdentifyShowsVietnameseLabelsAndHistory) {
  state_.select({FeatureKind::Commune, 0});
  const FeatureDetails& vi = state_.selected_details();
  ASSERT_FALSE(vi.attributes.empty());
  EXPECT_EQ(vi.attributes[0].first, "Mã");
  EXPECT_FALSE(vi.history.empty());
  state_.set_lang(Lang::En);
  EXPECT_EQ(state_.selected_details().attributes[0].first, "Code");
}

TEST_F(AppStateTest, SearchIgnoresDiacriticsAndCase) {
  // Synthetic communes are named "… (minh họa)".
  state_.set_search("MINH HOA");
  ASSERT_FALSE(state_.search_results().empty());
  EXPECT_NE(state_.search_results()[0].name.find("(minh họa)"), std::string::npos);
  state_.set_search("dong");  // "Đồng …" in the synthetic province
  for (const auto& h : state_.search_results())
    EXPECT_TRUE(text::search_matches(h.name, "dong") || h.ref.kind != FeatureKind::Commune);
  ASSERT_FALSE(state_.search_results().empty());
  state_.fly_to(state_.search_results()[0]);
  EXPECT_EQ(state_.selected(), state_.search_results()[0].ref);
  EXPECT_TRUE(
      state_.view().visible_mercator().contains({state_.index()->bbox(state_.selected()).min_x,
                                                 state_.index()->bbox(state_.selected()).min_y}));
}

// "xa bat xat" finds Bát Xát: a commune is searched with or without its unit word.
TEST_F(AppStateTest, SearchTakesTheCommunesUnitWord) {
  const auto& c = state_.data()->communes[3];
  const std::string plain = text::fold_for_search(c.name);
  for (const std::string& query : {"xa " + plain, "Xã " + c.name, "phường " + c.name}) {
    state_.set_search(query);
    ASSERT_FALSE(state_.search_results().empty()) << query;
    EXPECT_EQ(state_.search_results()[0].name, c.name) << query;
  }
  state_.set_search("xa zzz-no-such-name");
  EXPECT_TRUE(state_.search_results().empty());
}

TEST_F(AppStateTest, TimeWindowAndGroupsFilterTheIncidents) {
  auto db = store::Database::open(*dir_ / "demo.sqlite");
  const size_t all = state_.visible_incidents();
  EXPECT_EQ(static_cast<int64_t>(all),
            db.query_int("SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL"));
  state_.set_days({*render::day_number("2025-01-01"), *render::day_number("2025-01-31")});
  EXPECT_EQ(static_cast<int64_t>(state_.visible_incidents()),
            db.query_int("SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL "
                         "AND substr(occurred_at, 1, 10) BETWEEN '2025-01-01' AND '2025-01-31'"));
  state_.edit_options().group_mask = 0;
  EXPECT_EQ(state_.visible_incidents(), 0u);
}

TEST(TimePresets, WindowsAndLastYear) {
  const int32_t d = *render::day_number("2025-02-14");
  EXPECT_EQ(render::iso_date(month_of(d).from), "2025-02-01");
  EXPECT_EQ(render::iso_date(month_of(d).to), "2025-02-28");
  EXPECT_EQ(render::iso_date(year_of(d).to), "2025-12-31");
  const auto last = same_window_last_year({*render::day_number("2024-12-15"), d});
  EXPECT_EQ(render::iso_date(last.from), "2023-12-15");
  EXPECT_EQ(render::iso_date(last.to), "2024-02-14");
  EXPECT_EQ(format_day(d), "14/02/2025");
}

// Campaign windows of one kind share long names; their labels differ from the start, so that a
// narrow sidebar cutting their ends still shows which is which.
TEST(TimePresets, CampaignLabelsDifferWhereASidebarShowsThem) {
  const std::string name = "Cao điểm tấn công, trấn áp tội phạm dịp Tết Nguyên đán";
  std::vector<Campaign> campaigns;
  for (const char* y : {"2024", "2025", "2026"})
    campaigns.push_back({std::string("tet") + y, name, "Tet campaign",
                         *render::day_number(std::string(y) + "-01-05"),
                         *render::day_number(std::string(y) + "-02-20")});
  const auto presets = campaign_presets(campaigns, Lang::Vi);
  ASSERT_EQ(presets.size(), 3u);
  std::set<std::string> starts;
  for (const auto& p : presets) {
    starts.insert(p.label.substr(0, 12));              // what a cut label still shows
    EXPECT_NE(p.label.find(name), std::string::npos);  // and the whole name is there
  }
  EXPECT_EQ(starts.size(), 3u);
  EXPECT_EQ(presets[1].label.rfind("05/01/2025 – 20/02/2025", 0), 0u) << presets[1].label;
  EXPECT_EQ(presets[1].days.from, campaigns[1].from);
}

TEST_F(AppStateTest, SettingsRoundTripThroughTheFile) {
  state_.pan(50, 20);
  state_.set_days({*render::day_number("2025-01-01"), *render::day_number("2025-03-31")});
  state_.set_lang(Lang::En);
  state_.edit_options().layers.erase("incidents");
  state_.large_text = true;
  const auto file = *dir_ / "cfg" / "settings.json";
  ASSERT_TRUE(save_settings(file, state_.to_settings()));
  AppState again;
  const Settings s = load_settings(file);
  ASSERT_TRUE(again.open_database(s.database));
  again.apply_settings(s);
  again.set_viewport(900, 700);
  EXPECT_EQ(again.view().centre, state_.view().centre);
  EXPECT_EQ(again.view().m_per_px, state_.view().m_per_px);
  EXPECT_EQ(again.lang(), Lang::En);
  EXPECT_TRUE(again.large_text);
  EXPECT_EQ(again.options().layers, state_.options().layers);
  EXPECT_EQ(again.options().days.from, state_.options().days.from);
}

TEST(Settings, BrokenFileGivesDefaultsAndAWarning) {
  const auto dir = test::scratch_dir("ui-settings");
  std::ofstream(dir / "settings.json") << "{ not json";
  std::string warning;
  const Settings s = load_settings(dir / "settings.json", &warning);
  EXPECT_TRUE(s.database.empty());
  EXPECT_NE(warning.find("settings.json"), std::string::npos);
  EXPECT_TRUE(load_settings(dir / "absent.json", &warning).database.empty());
}

}  // namespace
}  // namespace secmap::ui
