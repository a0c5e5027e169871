// The incident form in the real window: add an incident by "clicking" the map through
// the script hook, save it, undo and redo it, and check the store and the incidents drawn.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "edit/audit.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

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

namespace secmap::test {
namespace {

int64_t query(const std::filesystem::path& db_path, const std::string& sql) {
  auto db = store::Database::open(db_path);
  return db.query_int(sql).value_or(-1);
}

// Identify shows the audit history of the selected incident: who, when, each field changed.
TEST_F(EditWindowTest, IdentifyShowsTheIncidentsHistory) {
  const int64_t id = query(db_, "SELECT min(id) FROM incidents WHERE deleted = 0");
  const std::string was = [&] {
    auto db = store::Database::open(db_);
    return db.query_text("SELECT status FROM incidents WHERE id = " + std::to_string(id))
        .value_or("");
  }();
  const std::string now = was == "processed" ? "resolved" : "processed";
  const std::string script =
      "set-time all all\nedit-open " + std::to_string(id) + "\nedit-field status " + now +
      "\nedit-field severity\nedit-save\n" + "select-record incidents " + std::to_string(id) +
      "\nwait 2\nscreenshot " + path("identify.png") + "\ndump-state " + path("h.json") +
      "\nlang en\nwait 2\ndump-state " + path("h_en.json") + "\nquit\n";
  setenv("SECMAP_ANALYST", "analyst-gui", 1);  // the window's process inherits it
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  unsetenv("SECMAP_ANALYST");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto sel = read_json(dir_ / "h.json")["selected"];
  ASSERT_TRUE(sel.is_object());
  EXPECT_EQ(sel["kind"], "incident");
  const auto& h = sel["audit_history"];
  ASSERT_TRUE(h.is_array());
  ASSERT_GE(h.size(), 1u);
  const auto& last = h.back();
  EXPECT_EQ(last["action"], "update");
  EXPECT_EQ(last["who"], "analyst-gui");
  EXPECT_EQ(last["id"], id);
  EXPECT_FALSE(last["at"].get<std::string>().empty());
  bool status_change = false;
  for (const auto& c : last["changes"])
    if (c["field"] == "status") {
      EXPECT_EQ(c["before"], was);
      EXPECT_EQ(c["after"], now);
      status_change = true;
    }
  EXPECT_TRUE(status_change) << last.dump();
  // The same history after a language switch (labels change, the record does not).
  EXPECT_EQ(read_json(dir_ / "h_en.json")["selected"]["audit_history"], h);
}

// A commune's status for a new period from its Identify card: the previous period is closed, the
// history shows both, and undo restores it.
TEST_F(EditWindowTest, RecordACommunesStatusForAPeriod) {
  auto db = store::Database::open(db_);
  // A current commune with status periods; the new period starts 150 days into its latest one.
  auto st = db.prepare(
      "SELECT commune_code, period_from, coalesce(period_to, ''), date(period_from, '+150 days'), "
      "date(period_from, '+149 days'), (SELECT count(*) FROM commune_status s "
      "WHERE s.commune_code = c.commune_code) FROM commune_status c WHERE commune_code IN "
      "(SELECT code FROM communes WHERE valid_to IS NULL) ORDER BY commune_code, period_from DESC "
      "LIMIT 1");
  ASSERT_TRUE(st.step());
  const std::string code = st.column_text(0), latest_to = st.column_text(2),
                    from = st.column_text(3), closed_to = st.column_text(4);
  const int64_t periods = st.column_int(5);
  const std::string script = "select-record communes " + code + "\nedit-status " + code +
                             "\nwait 1\nscreenshot " + path("status.png") +
                             "\nedit-field period_from " + from +
                             "\nedit-field drug_free drug_free\nedit-save\nwait 2\nscreenshot " +
                             path("status2.png") + "\ndump-state " + path("s1.json") +
                             "\nundo\nwait 1\ndump-state " + path("s2.json") + "\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto s1 = read_json(dir_ / "s1.json")["selected"];
  ASSERT_TRUE(s1.is_object());  // the commune stays selected after the save
  EXPECT_EQ(s1["code"], code);
  EXPECT_EQ(s1["history"].size(), static_cast<size_t>(periods + 1));
  // The Identify history: the latest period closed the day before, the new one added.
  bool closed = false, added = false;
  for (const auto& e : s1["audit_history"])
    for (const auto& c : e["changes"]) {
      closed |= c["field"] == "period_to" && c["after"] == closed_to && c["before"] == latest_to;
      added |= e["action"] == "insert" && c["field"] == "period_from" && c["after"] == from;
    }
  EXPECT_TRUE(closed) << s1["audit_history"].dump();
  EXPECT_TRUE(added) << s1["audit_history"].dump();
  // Undone: the periods as they were.
  const auto s2 = read_json(dir_ / "s2.json")["selected"];
  ASSERT_TRUE(s2.is_object());
  EXPECT_EQ(s2["history"].size(), static_cast<size_t>(periods));
  auto db2 = store::Database::open(db_);
  EXPECT_EQ(
      *db2.query_int("SELECT count(*) FROM commune_status WHERE commune_code = '" + code + "'"),
      periods);
  EXPECT_EQ(db2.query_text("SELECT coalesce(max(period_to), '') FROM commune_status WHERE "
                           "commune_code = '" +
                           code + "'"),
            latest_to);
}

// The generic form: a crossing placed on the map and a campaign, saved and undone; then a patrol
// route drawn by clicks and finished with Enter.
TEST_F(EditWindowTest, OtherLayersAndAPatrolRoute) {
  const int64_t crossings = query(db_, "SELECT count(*) FROM crossings");
  const int64_t patrols = query(db_, "SELECT count(*) FROM patrols");
  const std::string xy = std::to_string(px_) + " " + std::to_string(py_);
  const std::string xy2 = std::to_string(px_ + 30) + " " + std::to_string(py_);
  const std::string xy3 = std::to_string(px_ + 30) + " " + std::to_string(py_ + 25);
  const std::string script =
      "edit-new crossings " + xy +
      "\nedit-field name Lối mở Thử\nedit-field kind opening\n"
      "wait 1\nscreenshot " +
      path("crossing.png") +
      "\nedit-save\n"
      "edit-new campaigns\nedit-field code thu2025\nedit-field name Cao điểm thử\n"
      "edit-field date_from 2025-03-01\nedit-field date_to 2025-03-31\nedit-save\n"
      "wait 1\ndump-state " +
      path("o1.json") +
      "\nundo\nwait 1\n"
      "route-start\nroute-point " +
      xy + "\nroute-point " + xy2 + "\nroute-point " + xy3 + "\nwait 1\nscreenshot " +
      path("route.png") + "\nkey Enter\nwait 2\ndump-state " + path("o2.json") +
      "\nedit-field name Tuyến thử\nedit-field mode foot\nedit-save\nwait 1\n"
      "dump-state " +
      path("o3.json") + "\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(read_json(dir_ / "o1.json")["editing"]["undo"], 2);
  // Enter finished the route: the patrol form is open with the three clicked vertices.
  const auto o2 = read_json(dir_ / "o2.json")["editing"];
  EXPECT_FALSE(o2["drawing_route"].get<bool>());
  ASSERT_TRUE(o2["form"].is_object()) << o2.dump();
  EXPECT_EQ(o2["form"]["table"], "patrols");
  EXPECT_EQ(o2["form"]["line_vertices"], 3);
  auto db = store::Database::open(db_);
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM crossings"), crossings + 1);
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM campaigns WHERE code = 'thu2025'"), 0);  // undone
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM patrols"), patrols + 1);
  auto st = db.prepare(
      "SELECT NumPoints(geom), X(StartPoint(geom)), Y(StartPoint(geom)), mode FROM patrols "
      "WHERE name = 'Tuyến thử'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 3);
  const LonLat first = pixel_lonlat(view_, px_, py_);
  EXPECT_NEAR(st.column_double(1), first.lon, 1e-7);
  EXPECT_NEAR(st.column_double(2), first.lat, 1e-7);
  EXPECT_EQ(st.column_text(3), "foot");
  auto c = db.prepare("SELECT X(geom), Y(geom), kind FROM crossings WHERE name = 'Lối mở Thử'");
  ASSERT_TRUE(c.step());
  EXPECT_NEAR(c.column_double(0), first.lon, 1e-7);
  EXPECT_EQ(c.column_text(2), "opening");
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

// Move an incident (as dragging it) and delete it (confirmed); both undone.
TEST_F(EditWindowTest, MoveThenDeleteAnIncident) {
  const int64_t id = query(db_, "SELECT min(id) FROM incidents WHERE deleted = 0");
  const std::string script =
      "set-time all all\nwait 1\ndump-state " + path("m0.json") + "\nedit-move incidents " +
      std::to_string(id) + " " + std::to_string(px_) + " " + std::to_string(py_) +
      "\nedit-delete incidents " + std::to_string(id) + "\nwait 1\n" + "dump-state " +
      path("m1.json") + "\nundo\nwait 1\ndump-state " + path("m2.json") + "\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto total = [&](const char* f) { return read_json(dir_ / f)["total_incidents"]; };
  EXPECT_EQ(total("m1.json").get<int64_t>(), total("m0.json").get<int64_t>() - 1);
  EXPECT_EQ(total("m2.json"), total("m0.json"));
  auto db = store::Database::open(db_);
  auto st = db.prepare("SELECT deleted, X(geom), Y(geom) FROM incidents WHERE id = ?1");
  st.bind(1, id);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 0);  // the delete undone; the move stays
  const LonLat to = pixel_lonlat(view_, px_, py_);
  EXPECT_NEAR(st.column_double(1), to.lon, 1e-7);
  EXPECT_NEAR(st.column_double(2), to.lat, 1e-7);
  const auto h = edit::record_history(db, "incidents", id);
  ASSERT_GE(h.size(), 3u);
  EXPECT_EQ(h[h.size() - 2].action, "delete");
}

}  // namespace
}  // namespace secmap::test
