// The map window driven end to end: the real `secmap map` under Xvfb with a script (the
// SECMAP_UI_SCRIPT test hook), checked against the store with SpatiaLite SQL.
#include <gtest/gtest.h>

#include <string>

#include "io/png.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

class WindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_);
  }
  // Runs the script on the demo database and expects a clean exit.
  void run(const std::string& script, const std::string& extra = "") {
    const auto r = run_window(dir_, quoted(db_), script, extra);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  nlohmann::json state(const std::string& name) { return read_json(dir_ / name); }

  std::filesystem::path dir_, db_;
};

std::string path_in(const std::filesystem::path& dir, const std::string& name) {
  return (dir / name).string();
}

TEST_F(WindowTest, PanAndZoomChangeTheView) {
  run("wait 1\ndump-state " + path_in(dir_, "a.json") + "\npan 120 -40\nwait 1\ndump-state " +
      path_in(dir_, "b.json") + "\nzoom 2 300 200\nwait 1\ndump-state " + path_in(dir_, "c.json") +
      "\nquit\n");
  const auto a = state("a.json")["view"], b = state("b.json")["view"], c = state("c.json")["view"];
  const double s = a["m_per_px"].get<double>();
  // Dragging right by 120 px shows what was to the west: the centre moves 120 px west.
  EXPECT_NEAR(b["centre_x"].get<double>(), a["centre_x"].get<double>() - 120 * s, 1e-6 * s);
  EXPECT_NEAR(b["centre_y"].get<double>(), a["centre_y"].get<double>() - 40 * s, 1e-6 * s);
  EXPECT_NEAR(c["m_per_px"].get<double>(), s / 2, 1e-9 * s);
  // Zooming about a pixel keeps the ground under it in place.
  const LonLat before = pixel_lonlat(b, 300, 200), after = pixel_lonlat(c, 300, 200);
  EXPECT_NEAR(before.lon, after.lon, 1e-9);
  EXPECT_NEAR(before.lat, after.lat, 1e-9);
  EXPECT_GT(state("c.json")["map_renders"].get<int>(), state("a.json")["map_renders"].get<int>());
}

TEST_F(WindowTest, ClickIdentifiesTheCommuneSpatiaLiteFinds) {
  // Symbols and routes off (incidents and patrols are identified too), so a click can only pick
  // a commune.
  std::string script =
      "layer crossings off\nlayer facilities off\nlayer incidents off\nlayer patrols off\n"
      "zoom 1.5 420 300\nwait 1\n";
  const int points[][2] = {{420, 300}, {250, 180}, {600, 420}, {330, 520}, {700, 200}};
  for (int i = 0; i < 5; ++i)
    script += "click " + std::to_string(points[i][0]) + " " + std::to_string(points[i][1]) +
              "\ndump-state " + path_in(dir_, "click" + std::to_string(i) + ".json") + "\n";
  run(script + "quit\n");
  auto db = store::Database::open(db_);
  int communes_hit = 0;
  for (int i = 0; i < 5; ++i) {
    const auto s = state("click" + std::to_string(i) + ".json");
    const LonLat ll = pixel_lonlat(s["view"], points[i][0], points[i][1]);
    auto st = db.prepare(
        "SELECT code FROM communes WHERE valid_to IS NULL AND "
        "ST_Within(MakePoint(?, ?, 4326), geom)");
    st.bind(1, ll.lon).bind(2, ll.lat);
    if (st.step()) {
      ++communes_hit;
      ASSERT_FALSE(s["selected"].is_null()) << "click " << i;
      EXPECT_EQ(s["selected"]["kind"], "commune");
      EXPECT_EQ(s["selected"]["code"].get<std::string>(), st.column_text(0)) << "click " << i;
      // Identify shows Vietnamese labels and code-list names.
      EXPECT_TRUE(s["selected"]["attributes"].contains("Mã")) << s["selected"].dump(2);
      EXPECT_TRUE(s["selected"]["attributes"].contains("Loại"));
    } else {
      EXPECT_TRUE(s["selected"].is_null()) << "click " << i << " outside every commune";
    }
  }
  EXPECT_GE(communes_hit, 3) << "the clicks should mostly land in communes";
}

TEST_F(WindowTest, SearchWithoutDiacriticsFindsTheCommune) {
  auto db = store::Database::open(db_);
  // A commune whose name has diacritics; its name folded by hand is the query.
  const std::string name =
      db.query_text("SELECT name FROM communes WHERE name LIKE 'Nậm%' ORDER BY code LIMIT 1")
          .value_or("");
  ASSERT_FALSE(name.empty());
  run("search nam\nwait 1\nfly 0\nwait 1\ndump-state " + path_in(dir_, "s.json") + "\nquit\n");
  const auto s = state("s.json");
  bool found = false;
  for (const auto& r : s["search"]["results"]) found = found || r["name"] == name;
  EXPECT_TRUE(found) << "'nam' should find " << name << ": " << s["search"].dump(2);
  // Flying to the first result selects it and frames it.
  EXPECT_EQ(s["selected"]["name"], s["search"]["results"][0]["name"]);
}

TEST_F(WindowTest, TimeWindowShowsWhatTheStoreCounts) {
  run("dump-state " + path_in(dir_, "all.json") +
      "\nset-time 2025-01-01 2025-03-31\nwait 1\ndump-state " + path_in(dir_, "q1.json") +
      "\nset-time 2024-12-15 2025-02-14\nwait 1\ndump-state " + path_in(dir_, "tet.json") +
      "\nquit\n");
  auto db = store::Database::open(db_);
  auto count = [&](const char* from, const char* to) {
    return db
        .query_int(std::string("SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT "
                               "NULL AND substr(occurred_at, 1, 10) BETWEEN '") +
                   from + "' AND '" + to + "'")
        .value_or(-1);
  };
  const auto total =
      db.query_int("SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL");
  EXPECT_EQ(state("all.json")["visible_incidents"].get<int64_t>(), total.value_or(-1));
  EXPECT_EQ(state("q1.json")["visible_incidents"].get<int64_t>(),
            count("2025-01-01", "2025-03-31"));
  EXPECT_EQ(state("tet.json")["visible_incidents"].get<int64_t>(),
            count("2024-12-15", "2025-02-14"));
  EXPECT_NE(state("q1.json")["visible_incidents"], state("all.json")["visible_incidents"]);
}

TEST_F(WindowTest, EnglishSwitchChangesTheLabels) {
  run("dump-state " + path_in(dir_, "vi.json") + "\nlang en\nwait 1\nscreenshot " +
      path_in(dir_, "en.png") + "\ndump-state " + path_in(dir_, "en.json") + "\nquit\n");
  const auto vi = state("vi.json")["labels"], en = state("en.json")["labels"];
  EXPECT_EQ(vi["layers"], "Lớp bản đồ");
  EXPECT_EQ(en["layers"], "Layers");
  for (const auto& [key, value] : vi.items()) EXPECT_NE(value, en[key]) << key;
  EXPECT_EQ(state("en.json")["lang"], "en");
}

TEST_F(WindowTest, ScreenshotsRepeatAndPanningChangesThem) {
  const std::string script = "wait 2\nscreenshot " + path_in(dir_, "SHOT.png") +
                             "\npan 150 90\nwait 2\nscreenshot " + path_in(dir_, "SHOT-pan.png") +
                             "\nquit\n";
  auto with = [&](std::string s, const std::string& name) {
    for (size_t at; (at = s.find("SHOT")) != std::string::npos;) s.replace(at, 4, name);
    return s;
  };
  run(with(script, "one"));
  std::filesystem::remove_all(dir_ / "config");
  run(with(script, "two"));
  auto differing = [](const io::Image& a, const io::Image& b) {
    EXPECT_EQ(a.width, b.width);
    EXPECT_EQ(a.height, b.height);
    if (a.rgba.size() != b.rgba.size()) return 1.0;
    size_t n = 0;
    for (size_t i = 0; i < a.rgba.size(); i += 4)
      for (int c = 0; c < 3; ++c)
        if (std::abs(a.rgba[i + c] - b.rgba[i + c]) > 24) {
          ++n;
          break;
        }
    return static_cast<double>(n) / (a.rgba.size() / 4);
  };
  const io::Image one = io::read_png(dir_ / "one.png"), two = io::read_png(dir_ / "two.png");
  const io::Image panned = io::read_png(dir_ / "one-pan.png");
  // Only the frame-time figures in the status bar may differ between two runs.
  EXPECT_LT(differing(one, two), 0.005);
  EXPECT_LT(differing(panned, io::read_png(dir_ / "two-pan.png")), 0.005);
  EXPECT_GT(differing(one, panned), 0.05);
}

TEST_F(WindowTest, RestoresTheLastSessionOnStart) {
  run("pan 80 30\nset-time 2025-01-01 2025-06-30\nlang en\nlayer incidents off\nwait 1\n"
      "dump-state " +
      path_in(dir_, "first.json") + "\nquit\n");
  // A database that fails to open is not remembered over the last good one.
  const auto bad = run_window(dir_, quoted(dir_ / "typo.sqlite"), "quit\n");
  ASSERT_EQ(bad.exit_code, 0) << bad.output;
  // No database named: the last one, its view, filters and language come back.
  const auto r =
      run_window(dir_, "", "wait 1\ndump-state " + path_in(dir_, "second.json") + "\nquit\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto a = state("first.json"), b = state("second.json");
  EXPECT_EQ(b["database"], a["database"]);
  EXPECT_EQ(b["lang"], "en");
  EXPECT_EQ(b["days"], a["days"]);
  EXPECT_EQ(b["layers"], a["layers"]);
  EXPECT_DOUBLE_EQ(b["view"]["centre_x"].get<double>(), a["view"]["centre_x"].get<double>());
  EXPECT_DOUBLE_EQ(b["view"]["m_per_px"].get<double>(), a["view"]["m_per_px"].get<double>());
}

TEST_F(WindowTest, MissingDatabaseIsShownInTheWindow) {
  const auto r = run_window(dir_, quoted(dir_ / "nope.sqlite"),
                            "wait 1\nscreenshot " + path_in(dir_, "err.png") + "\ndump-state " +
                                path_in(dir_, "err.json") + "\nquit\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("nope.sqlite"), std::string::npos) << r.output;
  const auto s = state("err.json");
  EXPECT_FALSE(s["has_data"].get<bool>());
  ASSERT_TRUE(s["error"].is_string());
  EXPECT_NE(s["error"].get<std::string>().find("nope.sqlite"), std::string::npos);
}

TEST_F(WindowTest, CorruptDatabaseIsShownInTheWindow) {
  std::ofstream(dir_ / "junk.sqlite") << "this is not a database";
  const auto r = run_window(dir_, quoted(dir_ / "junk.sqlite"),
                            "dump-state " + path_in(dir_, "junk.json") + "\nquit\n");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_TRUE(state("junk.json")["error"].is_string());
}

TEST_F(WindowTest, BadScriptFailsBeforeTheWindowOpens) {
  const auto r = run_window(dir_, quoted(db_), "pan 1\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find(":1: 'pan' takes 2 argument(s)"), std::string::npos) << r.output;
}

TEST_F(WindowTest, NoDisplayIsAClearErrorNotACrash) {
  const auto r = run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + quoted(secmap_binary()) +
                             " map " + quoted(db_));
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("no display"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("secmap render"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace secmap::test
