// Undo/redo: a series of edits over several tables, including a multi-row one, undone back to
// the start leaves every table as it was; redoing reproduces the end. Every undo is audited.
#include <gtest/gtest.h>

#include "edit/audit.h"
#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::EditStatus;
using edit::Fields;

namespace {

edit::IncidentInput incident(const std::string& case_number, double lon) {
  edit::IncidentInput in;
  in.case_number = case_number;
  in.category = "SO-06";
  in.occurred_at = "2025-04-01";
  in.lon = lon;
  in.lat = 22.55;
  in.has_location = true;
  return in;
}

}  // namespace

TEST(Undo, RoundTripLeavesEveryTableAsItWas) {
  auto db = edit::test::small_province("undo_roundtrip");
  // A pre-existing record of each kind that the edits will change.
  edit::Editor setup(db);
  setup.set_today(edit::test::kToday);
  const int64_t old_incident = setup.insert_incident(incident("OLD-1", 104.02)).id;
  const int64_t old_status =
      setup
          .record_commune_status(Fields{
              {"commune_code", "00002"}, {"period_from", "2023-01-01"}, {"drug_free", "not_yet"}})
          .id;
  const auto start = edit::test::table_contents(db);
  const int64_t audit_start = *db.query_int("SELECT count(*) FROM audit_log");

  edit::Editor ed(db);
  ed.set_today(edit::test::kToday);
  std::vector<edit::EditResult> done;
  done.push_back(ed.insert_incident(incident("N-1", 104.05)));
  done.push_back(ed.insert_incident(incident("N-2", 104.15)));
  done.push_back(ed.update("incidents", done[0].id, 1, Fields{{"status", "processed"}}));
  done.push_back(ed.move("incidents", old_incident, 1, {104.12, 22.58}));
  done.push_back(ed.remove("incidents", done[1].id, 1));
  done.push_back(ed.record_commune_status(Fields{{"commune_code", "00002"},
                                                 {"period_from", "2025-01-01"},
                                                 {"drug_free", "drug_free"}}));  // 2 rows
  done.push_back(ed.update("commune_status", old_status, 2, Fields{{"source", "báo cáo"}}));
  done.push_back(ed.insert("campaigns", Fields{{"code", "x1"},
                                               {"name", "Đợt X"},
                                               {"date_from", "2025-03-01"},
                                               {"date_to", "2025-03-31"}}));
  done.push_back(ed.update("campaigns", done.back().id, 1, Fields{{"name", "Đợt X (sửa)"}}));
  done.push_back(ed.insert("patrols", Fields{{"name", "Tuyến 1"}},
                           geo::Geometry::line({{104.01, 22.51}, {104.19, 22.59}})));
  done.push_back(ed.insert("crossings", Fields{{"name", "Đường mòn 7"}, {"kind", "trail"}},
                           geo::Geometry::point({104.03, 22.57})));
  for (const auto& r : done) ASSERT_EQ(r.status, EditStatus::Ok) << r.message;
  ASSERT_EQ(ed.history().undo_size(), done.size());

  const auto end = edit::test::table_contents(db);
  ASSERT_NE(start, end);
  const int64_t audit_end = *db.query_int("SELECT count(*) FROM audit_log");

  while (ed.history().can_undo()) {
    const auto u = ed.undo();
    ASSERT_EQ(u.status, EditStatus::Ok) << u.message;
  }
  EXPECT_EQ(edit::test::table_contents(db), start);
  // Undo is itself audited: the trail only grew, by one row per row restored.
  EXPECT_EQ(*db.query_int("SELECT count(*) FROM audit_log"),
            audit_start + 2 * (audit_end - audit_start));
  EXPECT_TRUE(edit::verify_audit(db).ok);
  // Undo of an insert keeps the incident, marked deleted.
  EXPECT_EQ(db.query_int("SELECT deleted FROM incidents WHERE id = " + std::to_string(done[0].id)),
            1);

  while (ed.history().can_redo()) {
    const auto r = ed.redo();
    ASSERT_EQ(r.status, EditStatus::Ok) << r.message;
  }
  EXPECT_EQ(edit::test::table_contents(db), end);
  // And back once more: undo after redo works on the new versions.
  while (ed.history().can_undo()) ASSERT_TRUE(ed.undo().ok());
  EXPECT_EQ(edit::test::table_contents(db), start);
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST(Undo, NewEditClearsRedo) {
  auto db = edit::test::small_province("undo_clear");
  edit::Editor ed(db);
  ed.set_today(edit::test::kToday);
  ASSERT_TRUE(ed.insert_incident(incident("A", 104.05)).ok());
  ASSERT_TRUE(ed.undo().ok());
  EXPECT_TRUE(ed.history().can_redo());
  ASSERT_TRUE(ed.insert_incident(incident("B", 104.06)).ok());
  EXPECT_FALSE(ed.history().can_redo());
  EXPECT_EQ(ed.redo().status, EditStatus::Unchanged);
}

TEST(Undo, RefusedWhenSomeoneElseChangedTheRow) {
  auto db = edit::test::small_province("undo_conflict");
  edit::Editor mine(db);
  mine.set_today(edit::test::kToday);
  const auto r = mine.insert_incident(incident("A", 104.05));
  ASSERT_TRUE(mine.update("incidents", r.id, 1, Fields{{"description", "mine"}}).ok());
  // Another analyst, through another connection, edits it after me.
  auto other_db = store::Database::open(db.path());
  edit::Editor other(other_db);
  other.set_today(edit::test::kToday);
  ASSERT_TRUE(other.update("incidents", r.id, 2, Fields{{"description", "theirs"}}).ok());

  const auto u = mine.undo();
  ASSERT_EQ(u.status, EditStatus::Conflict);
  ASSERT_TRUE(u.conflict);
  EXPECT_EQ(u.conflict->your_version, 2);
  EXPECT_EQ(u.conflict->their_version, 3);
  EXPECT_EQ(db.query_text("SELECT description FROM incidents"), "theirs");  // not overwritten
  EXPECT_TRUE(mine.history().can_undo());  // still there, nothing undone
}
