// Presentation mode and side-by-side panes driven end to end: the real `secmap map` under Xvfb
// with a script on a synthetic demo database whose deck is written through the briefing store,
// checked against the store (SpatiaLite SQL) and against the screenshots.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "briefing/slide.h"
#include "io/png.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

constexpr double kPi = 3.14159265358979323846, kR = 6378137.0;

// Spherical Web Mercator, written out here independently of the application.
std::pair<double, double> mercator(double lon, double lat) {
  return {lon * kPi / 180 * kR, std::log(std::tan(kPi / 4 + lat * kPi / 360)) * kR};
}

// Share of pixels in [x0, x1) × [y0, y1) whose colour differs by more than 24 in a channel.
double differing(const io::Image& a, const io::Image& b, int x0, int y0, int x1, int y1) {
  size_t n = 0, all = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++all)
      for (int c = 0; c < 3; ++c)
        if (std::abs(a.pixel(x, y)[c] - b.pixel(x, y)[c]) > 24) {
          ++n;
          break;
        }
  return all ? static_cast<double>(n) / all : 0;
}

// Share of pixels in the rectangle that are not the map background (235, 240, 245).
double drawn(const io::Image& a, int x0, int y0, int x1, int y1) {
  size_t n = 0, all = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++all) {
      const uint8_t* p = a.pixel(x, y);
      if (std::abs(p[0] - 235) + std::abs(p[1] - 240) + std::abs(p[2] - 245) > 30) ++n;
    }
  return all ? static_cast<double>(n) / all : 0;
}

class PresentationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("present-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_, 3000);
    auto db = store::Database::open(db_);
    for (const auto& old : briefing::list_slides(db)) briefing::delete_slide(db, old.id);
    auto q = [&](const char* f) {
      return *db.query_text(std::string("SELECT ") + f +
                            "(Extent(geom)) FROM communes WHERE valid_to IS NULL");
    };
    const geo::BBox e{std::stod(q("MbrMinX")), std::stod(q("MbrMinY")), std::stod(q("MbrMaxX")),
                      std::stod(q("MbrMaxY"))};
    const double mx = (e.min_x + e.max_x) / 2, my = (e.min_y + e.max_y) / 2;
    briefing::Slide s;
    s.title = "Toàn tỉnh — tổng quan";
    s.subtitle = "Tình hình an ninh trật tự năm 2025";
    s.view.bbox_lonlat = e;
    s.view.date_from = "2025-01-01";
    s.view.date_to = "2025-12-31";
    briefing::add_slide(db, s);
    s.title = "Khu vực tây bắc — công khai";
    s.subtitle = "";
    s.is_public = true;
    s.view.public_safe = true;
    s.view.bbox_lonlat = geo::BBox{e.min_x, my, mx, e.max_y};
    briefing::add_slide(db, s);
    s.title = "So sánh cùng kỳ";
    s.is_public = false;
    s.view.public_safe = false;
    s.view.bbox_lonlat = geo::BBox{mx, e.min_y, e.max_x, my};
    s.view.label = "Năm 2025";
    s.view.compare = briefing::ComparisonWindow{"2024-01-01", "2024-12-31", "Năm 2024"};
    briefing::add_slide(db, s);
    slides_ = briefing::list_slides(db);
    ASSERT_EQ(slides_.size(), 3u);
  }
  void run(const std::string& script) {
    const auto r = run_window(dir_, quoted(db_), script);
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  std::string at(const std::string& name) { return (dir_ / name).string(); }
  nlohmann::json state(const std::string& name) { return read_json(dir_ / name); }
  int64_t count(const std::string& from, const std::string& to) {
    auto db = store::Database::open(db_);
    return db
        .query_int(
            "SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL AND "
            "substr(occurred_at, 1, 10) BETWEEN '" +
            from + "' AND '" + to + "'")
        .value_or(-1);
  }
  // The view a slide's extent fits into a viewport of the dumped size.
  void expect_fitted(const nlohmann::json& view, const geo::BBox& ll) {
    const auto [x0, y0] = mercator(ll.min_x, ll.min_y);
    const auto [x1, y1] = mercator(ll.max_x, ll.max_y);
    const double w = view["width"].get<double>(), h = view["height"].get<double>();
    const double m = std::max((x1 - x0) / w, (y1 - y0) / h);
    EXPECT_NEAR(view["m_per_px"].get<double>(), m, 1e-6 * m) << view.dump();
    EXPECT_NEAR(view["centre_x"].get<double>(), (x0 + x1) / 2, 1e-3 * m);
    EXPECT_NEAR(view["centre_y"].get<double>(), (y0 + y1) / 2, 1e-3 * m);
  }

  std::filesystem::path dir_, db_;
  std::vector<briefing::Slide> slides_;
};

TEST_F(PresentationTest, KeysMoveThroughTheDeckAndEscapeLeaves) {
  run("wait 2\ndump-state " + at("before.json") + "\npresent on\nwait 20\ndump-state " +
      at("a.json") + "\nscreenshot " + at("a.png") + "\nkey PageDown\nwait 60\ndump-state " +
      at("b.json") + "\nscreenshot " + at("b.png") + "\nkey Right\nwait 60\ndump-state " +
      at("c.json") + "\nscreenshot " + at("c.png") + "\nkey Escape\nwait 5\ndump-state " +
      at("d.json") + "\nquit\n");
  const auto before = state("before.json"), a = state("a.json"), b = state("b.json"),
             c = state("c.json"), d = state("d.json");
  EXPECT_FALSE(before["presentation"]["active"].get<bool>());
  // Full screen on the (only) Xvfb monitor, on the first slide, fitted to its extent.
  ASSERT_TRUE(a["presentation"]["active"].get<bool>()) << a.dump(2);
  EXPECT_TRUE(a["presentation"]["full_screen"].get<bool>());
  EXPECT_EQ(a["presentation"]["slide"], 0);
  EXPECT_EQ(a["presentation"]["slide_title"], slides_[0].title);
  EXPECT_EQ(a["days"]["from"], "2025-01-01");
  expect_fitted(a["view"], *slides_[0].view.bbox_lonlat);
  const io::Image ia = io::read_png(dir_ / "a.png"), ib = io::read_png(dir_ / "b.png");
  EXPECT_GT(ia.width, a["view"]["width"].get<int>() - 2) << "the map fills the screen's width";
  EXPECT_EQ(a["view"]["map_x"], 0) << "no sidebar while presenting";

  // Page Down: the next slide, flown to and landed on its extent.
  EXPECT_EQ(b["presentation"]["slide"], 1);
  EXPECT_EQ(b["presentation"]["slide_title"], slides_[1].title);
  EXPECT_FALSE(b["presentation"]["flying"].get<bool>());
  EXPECT_TRUE(b["presentation"]["public_safe"].get<bool>());
  expect_fitted(b["view"], *slides_[1].view.bbox_lonlat);
  EXPECT_NE(a["view"]["centre_x"], b["view"]["centre_x"]);
  ASSERT_EQ(ia.width, ib.width);
  ASSERT_EQ(ia.height, ib.height);
  const int map_y = b["view"]["map_y"].get<int>(), map_h = b["view"]["height"].get<int>();
  EXPECT_GT(differing(ia, ib, 0, map_y, ia.width, map_y + map_h), 0.05) << "the map moved";
  // The title band (between the classification banner and the map) shows the new title.
  const int banner = static_cast<int>(ia.height * 0.034);
  EXPECT_GT(differing(ia, ib, 0, banner + 2, ia.width / 2, map_y - 2), 0.01) << "the title changed";
  // Classification banner: internal slides red, public slides green.
  const uint8_t* internal = ia.pixel(4, banner / 2);
  const uint8_t* open = ib.pixel(4, banner / 2);
  EXPECT_GT(internal[0], internal[1] + 80);
  EXPECT_GT(open[1], open[0] + 60);

  // Right: the comparison slide shows two panes, counted as the store counts.
  EXPECT_EQ(c["presentation"]["slide"], 2);
  ASSERT_TRUE(c["split"]["on"].get<bool>()) << c["split"].dump();
  EXPECT_EQ(c["split"]["left"]["incidents"].get<int64_t>(), count("2024-01-01", "2024-12-31"));
  EXPECT_EQ(c["split"]["right"]["incidents"].get<int64_t>(), count("2025-01-01", "2025-12-31"));
  EXPECT_NE(c["split"]["left"]["label"].get<std::string>().find("Năm 2024"), std::string::npos);
  EXPECT_NE(c["split"]["right"]["label"].get<std::string>().find(
                std::to_string(count("2025-01-01", "2025-12-31"))),
            std::string::npos);
  EXPECT_LT(c["view"]["width"].get<int>(), ia.width / 2 + 1) << "each pane half the screen";
  expect_fitted(c["view"], *slides_[2].view.bbox_lonlat);

  // Escape: back in the window, where the map was before presenting.
  EXPECT_FALSE(d["presentation"]["active"].get<bool>());
  EXPECT_FALSE(d["presentation"]["full_screen"].get<bool>());
  EXPECT_FALSE(d["split"]["on"].get<bool>());
  EXPECT_DOUBLE_EQ(d["view"]["centre_x"].get<double>(), before["view"]["centre_x"].get<double>());
  EXPECT_DOUBLE_EQ(d["view"]["m_per_px"].get<double>(), before["view"]["m_per_px"].get<double>());
  EXPECT_EQ(d["days"], before["days"]);
}

TEST_F(PresentationTest, SlidesSavedInTheWindowRoundTripThroughTheStore) {
  run("pan 140 -60\nzoom 1.5 400 300\nset-time 2024-12-15 2025-02-14\nwait 2\n"
      "slide-save Tết 2025 — Mường Khương\ndump-state " +
      at("saved.json") + "\nslide-go 0\nwait 60\ndump-state " + at("first.json") + "\nquit\n");
  const auto s = state("saved.json");
  auto db = store::Database::open(db_);
  const auto slides = briefing::list_slides(db);
  ASSERT_EQ(slides.size(), 4u);
  const briefing::Slide& saved = slides.back();
  EXPECT_EQ(saved.title, "Tết 2025 — Mường Khương");
  EXPECT_EQ(s["slides"].back()["title"], saved.title);
  EXPECT_EQ(saved.view.date_from, "2024-12-15");
  EXPECT_EQ(saved.view.date_to, "2025-02-14");
  // The extent stored is the map area the window showed.
  ASSERT_TRUE(saved.view.bbox_lonlat.has_value());
  const auto& v = s["view"];
  const LonLat nw = pixel_lonlat(v, 0, 0);
  const LonLat se = pixel_lonlat(v, v["width"].get<double>(), v["height"].get<double>());
  EXPECT_NEAR(saved.view.bbox_lonlat->min_x, nw.lon, 1e-7);
  EXPECT_NEAR(saved.view.bbox_lonlat->max_y, nw.lat, 1e-7);
  EXPECT_NEAR(saved.view.bbox_lonlat->max_x, se.lon, 1e-7);
  EXPECT_NEAR(saved.view.bbox_lonlat->min_y, se.lat, 1e-7);
  // Going to slide 0 in the window flies to its extent and takes its window.
  const auto f = state("first.json");
  EXPECT_EQ(f["presentation"]["slide"], 0);
  EXPECT_FALSE(f["presentation"]["active"].get<bool>());
  EXPECT_EQ(f["days"]["from"], "2025-01-01");
  expect_fitted(f["view"], *slides_[0].view.bbox_lonlat);
}

// F5 starts from the first slide whichever slide the window last went to; Shift+F5 (present
// current) from that one.
TEST_F(PresentationTest, F5StartsFromTheFirstSlideShiftF5FromTheCurrent) {
  run("slide-go 2\nwait 30\npresent on\nwait 20\ndump-state " + at("f5.json") +
      "\npresent off\nslide-go 2\nwait 30\npresent current\nwait 20\ndump-state " +
      at("shift.json") + "\nquit\n");
  const auto f5 = state("f5.json"), shift = state("shift.json");
  ASSERT_TRUE(f5["presentation"]["active"].get<bool>());
  EXPECT_EQ(f5["presentation"]["slide"], 0);
  EXPECT_EQ(f5["presentation"]["slide_title"], slides_[0].title);
  ASSERT_TRUE(shift["presentation"]["active"].get<bool>());
  EXPECT_EQ(shift["presentation"]["slide"], 2);
  EXPECT_EQ(shift["presentation"]["slide_title"], slides_[2].title);
}

TEST_F(PresentationTest, SideBySidePanesShareTheViewAndCountTheirWindows) {
  run("set-time 2025-01-01 2025-12-31\nsplit on\nwait 3\ndump-state " + at("split.json") +
      "\nscreenshot " + at("split.png") + "\npan 80 30\nwait 3\ndump-state " + at("pan.json") +
      "\nsplit off\nwait 2\ndump-state " + at("off.json") + "\nquit\n");
  const auto s = state("split.json"), p = state("pan.json"), off = state("off.json");
  ASSERT_TRUE(s["split"]["on"].get<bool>());
  EXPECT_EQ(s["split"]["left"]["from"], "2024-01-01");  // the same window a year earlier
  EXPECT_EQ(s["split"]["left"]["to"], "2024-12-31");
  const int64_t n24 = count("2024-01-01", "2024-12-31"), n25 = count("2025-01-01", "2025-12-31");
  EXPECT_EQ(s["split"]["left"]["incidents"].get<int64_t>(), n24);
  EXPECT_EQ(s["split"]["right"]["incidents"].get<int64_t>(), n25);
  EXPECT_NE(s["split"]["left"]["label"].get<std::string>().find(std::to_string(n24) + " vụ việc"),
            std::string::npos);
  EXPECT_NE(s["split"]["right"]["label"].get<std::string>().find(std::to_string(n25) + " vụ việc"),
            std::string::npos);
  // Two panes of one view: the right one starts past the middle of the map area.
  const int w = s["view"]["width"].get<int>(), h = s["view"]["height"].get<int>();
  const int right_x = s["view"]["map_x"].get<int>(), y = s["view"]["map_y"].get<int>();
  const int left_x = right_x - w - 2;  // the gap between panes is a few pixels
  EXPECT_LT(w, off["view"]["width"].get<int>() / 2 + 1);
  const io::Image img = io::read_png(dir_ / "split.png");
  const int lx = std::max(0, left_x + 4);
  EXPECT_GT(drawn(img, lx, y + 4, lx + w - 8, y + h - 4), 0.3) << "the left pane is drawn";
  EXPECT_GT(drawn(img, right_x + 4, y + 4, right_x + w - 4, y + h - 4), 0.3)
      << "the right pane is drawn";
  // Panning moves both panes: the one view moves by the drag.
  const double m = s["view"]["m_per_px"].get<double>();
  EXPECT_NEAR(p["view"]["centre_x"].get<double>(), s["view"]["centre_x"].get<double>() - 80 * m,
              1e-6 * m);
  EXPECT_TRUE(p["split"]["on"].get<bool>());
  EXPECT_FALSE(off["split"]["on"].get<bool>());
}

}  // namespace
}  // namespace secmap::test
