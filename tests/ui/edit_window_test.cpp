// The incident form in the real window (issue 5): add an incident by "clicking" the map through
// the script hook, save it, undo and redo it, and check the store and the incidents drawn.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "edit/audit.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

// Map pixel of a lon/lat for a dumped view (forward spherical Web Mercator, independent of the
// application's code).
std::pair<double, double> lonlat_pixel(const nlohmann::json& view, double lon, double lat) {
  constexpr double R = 6378137.0, kPi = 3.14159265358979323846;
  const double x = R * lon * kPi / 180, y = R * std::log(std::tan(kPi / 4 + lat * kPi / 360));
  const double s = view["m_per_px"].get<double>();
  return {(x - view["centre_x"].get<double>()) / s + view["width"].get<double>() / 2,
          view["height"].get<double>() / 2 - (y - view["centre_y"].get<double>()) / s};
}

class EditWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-edit-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_, 400);
    // The view the window opens with, to find the pixel of a point inside a commune.
    const auto r = run_window(dir_, quoted(db_),
                              "wait 1\ndump-state " + (dir_ / "view.json").string() + "\nquit\n",
                              "--no-restore", "view.txt");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    view_ = read_json(dir_ / "view.json")["view"];
    auto db = store::Database::open(db_);
    auto st = db.prepare(
        "SELECT X(p), Y(p) FROM (SELECT PointOnSurface(geom) AS p FROM communes "
        "WHERE valid_to IS NULL ORDER BY area_km2 DESC LIMIT 1)");
    ASSERT_TRUE(st.step());
    std::tie(px_, py_) = lonlat_pixel(view_, st.column_double(0), st.column_double(1));
    px_ = std::round(px_), py_ = std::round(py_);
  }
  std::string path(const std::string& name) { return (dir_ / name).string(); }

  std::filesystem::path dir_, db_;
  nlohmann::json view_;
  double px_ = 0, py_ = 0;
};

TEST_F(EditWindowTest, AddThroughTheFormThenUndoAndRedo) {
  int64_t before_rows = 0;
  {
    auto db = store::Database::open(db_);
    before_rows = *db.query_int("SELECT count(*) FROM incidents");
  }
  const std::string script =
      "set-time all all\nwait 1\ndump-state " + path("a.json") + "\nedit-new-incident " +
      std::to_string(px_) + " " + std::to_string(py_) +
      "\nedit-field category DR-01\nedit-field occurred_at 2025-01-10T08:30\n"
      "edit-field severity nghiem_trong\nedit-field status investigated\n"
      "edit-field case_number GUI-1\nedit-field cross_border 1\n"
      "edit-field description Thêm qua biểu mẫu\nwait 1\nscreenshot " +
      path("form.png") + "\nedit-save\nwait 1\ndump-state " + path("b.json") +
      "\nundo\nwait 1\ndump-state " + path("c.json") + "\nredo\nwait 1\ndump-state " +
      path("d.json") + "\nundo\nwait 1\ndump-state " + path("e.json") + "\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;

  auto count = [&](const char* f) { return read_json(dir_ / f)["total_incidents"].get<int64_t>(); };
  auto visible = [&](const char* f) {
    return read_json(dir_ / f)["visible_incidents"].get<int64_t>();
  };
  // Drawn: one more after the save, back after undo, again after redo, back after undo.
  EXPECT_EQ(count("b.json"), count("a.json") + 1);
  EXPECT_EQ(visible("b.json"), visible("a.json") + 1);
  EXPECT_EQ(count("c.json"), count("a.json"));
  EXPECT_EQ(visible("c.json"), visible("a.json"));
  EXPECT_EQ(count("d.json"), count("a.json") + 1);
  EXPECT_EQ(count("e.json"), count("a.json"));

  // The store: the row is kept, marked deleted by the last undo; the point is where the "click"
  // was; four audited changes; the chain verifies.
  auto db = store::Database::open(db_);
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM incidents"), before_rows + 1);
  auto st = db.prepare(
      "SELECT id, deleted, category, severity, status, cross_border, description, X(geom), "
      "Y(geom), commune_code, version FROM incidents WHERE case_number = 'GUI-1'");
  ASSERT_TRUE(st.step());
  const int64_t id = st.column_int(0);
  EXPECT_EQ(st.column_int(1), 1);
  EXPECT_EQ(st.column_text(2), "DR-01");
  EXPECT_EQ(st.column_text(3), "nghiem_trong");
  EXPECT_EQ(st.column_text(4), "investigated");
  EXPECT_EQ(st.column_int(5), 1);
  EXPECT_EQ(st.column_text(6), "Thêm qua biểu mẫu");
  const LonLat clicked = pixel_lonlat(view_, px_, py_);
  EXPECT_NEAR(st.column_double(7), clicked.lon, 1e-7);
  EXPECT_NEAR(st.column_double(8), clicked.lat, 1e-7);
  EXPECT_FALSE(st.is_null(9));  // inside a commune
  EXPECT_EQ(st.column_int(10), 4);
  const auto hist = edit::record_history(db, "incidents", id);
  ASSERT_EQ(hist.size(), 4u);
  EXPECT_EQ(hist[0].action, "insert");
  EXPECT_EQ(hist[1].action, "delete");
  EXPECT_EQ(hist[2].action, "insert");
  EXPECT_EQ(hist[3].action, "delete");
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST_F(EditWindowTest, InvalidFormIsNotSaved) {
  int64_t before_rows = 0, before_audit = 0;
  {
    auto db = store::Database::open(db_);
    before_rows = *db.query_int("SELECT count(*) FROM incidents");
    before_audit = *db.query_int("SELECT count(*) FROM audit_log");
  }
  const std::string script = "edit-new-incident " + std::to_string(px_) + " " +
                             std::to_string(py_) +
                             "\nedit-field category SO-06\nedit-field occurred_at 2999-01-01\n"
                             "edit-field status solved\nedit-save\nwait 1\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  EXPECT_EQ(r.exit_code, 3) << r.output;  // the failed save is reported
  EXPECT_NE(r.output.find("occurred_at"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("severity"), std::string::npos) << r.output;  // solved needs one
  auto db = store::Database::open(db_);
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM incidents"), before_rows);
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM audit_log"), before_audit);
}

}  // namespace
}  // namespace secmap::test
