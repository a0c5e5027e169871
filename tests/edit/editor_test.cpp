// Edits through the code paths the window uses: validation first, one transaction, version + 1,
// updated_at/updated_by, an audit row with before/after, soft delete, commune-status history.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "edit/audit.h"
#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::EditStatus;
using edit::Fields;
using edit::test::kToday;

namespace {

edit::IncidentInput incident(double lon = 104.05, double lat = 22.55) {
  edit::IncidentInput in;
  in.case_number = "LC-2025-001";
  in.category = "DR-01";
  in.occurred_at = "2025-05-02T22:10";
  in.severity = "nghiem_trong";
  in.status = "investigated";
  in.cross_border = true;
  in.campaign_tags = "tet2025";
  in.description = "Vận chuyển ma túy qua biên giới";
  in.lon = lon;
  in.lat = lat;
  in.has_location = true;
  return in;
}

int64_t count(store::Database& db, const std::string& sql) {
  return db.query_int(sql).value_or(-1);
}

}  // namespace

class EditorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SECMAP_ANALYST", "analyst-1", 1);
    db_.emplace(edit::test::small_province(
        ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    editor_.emplace(*db_);
    editor_->set_today(kToday);
  }
  void TearDown() override { unsetenv("SECMAP_ANALYST"); }
  std::optional<store::Database> db_;
  std::optional<edit::Editor> editor_;
};

TEST_F(EditorTest, InsertIncidentStoresAssignsCommuneAndAudits) {
  const auto r = editor_->insert_incident(incident(104.15, 22.55));
  ASSERT_EQ(r.status, EditStatus::Ok) << r.message;
  auto& db = *db_;
  auto st = db.prepare(
      "SELECT case_number, category, commune_code, outside_communes, cross_border, version, "
      "updated_by, X(geom), Y(geom), deleted, description FROM incidents WHERE id = ?1");
  st.bind(1, r.id);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "LC-2025-001");
  EXPECT_EQ(st.column_text(1), "DR-01");
  EXPECT_EQ(st.column_text(2), "00002");
  EXPECT_EQ(st.column_int(3), 0);
  EXPECT_EQ(st.column_int(4), 1);
  EXPECT_EQ(st.column_int(5), 1);
  EXPECT_EQ(st.column_text(6), "analyst-1");
  EXPECT_DOUBLE_EQ(st.column_double(7), 104.15);
  EXPECT_DOUBLE_EQ(st.column_double(8), 22.55);
  EXPECT_EQ(st.column_int(9), 0);
  EXPECT_EQ(st.column_text(10), "Vận chuyển ma túy qua biên giới");

  const auto hist = edit::record_history(db, "incidents", r.id);
  ASSERT_EQ(hist.size(), 1u);
  EXPECT_EQ(hist[0].action, "insert");
  EXPECT_EQ(hist[0].who, "analyst-1");
  EXPECT_FALSE(hist[0].before_json);
  const auto after = nlohmann::json::parse(*hist[0].after_json);
  EXPECT_EQ(after["case_number"], "LC-2025-001");
  EXPECT_EQ(after["geom"]["coordinates"][0], 104.15);
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST_F(EditorTest, InvalidEditSavesNothing) {
  auto& db = *db_;
  auto in = incident();
  in.occurred_at = "2025-12-31";  // after kToday
  in.category = "NOPE";
  const auto r = editor_->insert_incident(in);
  ASSERT_EQ(r.status, EditStatus::Invalid);
  EXPECT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM audit_log"), 0);
  EXPECT_FALSE(editor_->history().can_undo());

  const auto ok = editor_->insert_incident(incident());
  ASSERT_TRUE(ok.ok());
  const auto bad =
      editor_->update("incidents", ok.id, 1, Fields{{"status", "solved"}, {"severity", nullptr}});
  EXPECT_EQ(bad.status, EditStatus::Invalid);
  EXPECT_EQ(count(db, "SELECT version FROM incidents"), 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM audit_log"), 1);
  const auto unknown = editor_->update("incidents", ok.id, 1, Fields{{"deleted", 1}});
  EXPECT_EQ(unknown.status, EditStatus::Invalid);  // deletion only through remove()
}

TEST_F(EditorTest, UpdateRaisesVersionAndRecordsBeforeAfter) {
  auto& db = *db_;
  const auto r = editor_->insert_incident(incident());
  const auto u = editor_->update("incidents", r.id, 1,
                                 Fields{{"status", "solved"}, {"description", "Đã làm rõ"}});
  ASSERT_EQ(u.status, EditStatus::Ok) << u.message;
  EXPECT_EQ(u.version, 2);
  EXPECT_EQ(db.query_text("SELECT status FROM incidents"), "solved");
  const auto hist = edit::record_history(db, "incidents", r.id);
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist[1].action, "update");
  EXPECT_EQ(nlohmann::json::parse(*hist[1].before_json)["status"], "investigated");
  EXPECT_EQ(nlohmann::json::parse(*hist[1].after_json)["status"], "solved");
  EXPECT_EQ(nlohmann::json::parse(*hist[1].after_json)["version"], 2);
  // Saving the same values again changes nothing and writes no audit row.
  const auto same = editor_->update("incidents", r.id, 2, Fields{{"status", "solved"}});
  EXPECT_EQ(same.status, EditStatus::Unchanged);
  EXPECT_EQ(count(db, "SELECT count(*) FROM audit_log"), 2);
}

TEST_F(EditorTest, MoveReassignsCommuneAndChecksProvince) {
  auto& db = *db_;
  const auto r = editor_->insert_incident(incident(104.05, 22.55));
  EXPECT_EQ(db.query_text("SELECT commune_code FROM incidents"), "00001");
  const auto out = editor_->move("incidents", r.id, 1, {105.0, 22.55});
  EXPECT_EQ(out.status, EditStatus::Invalid);
  const auto m = editor_->move("incidents", r.id, 1, {104.18, 22.51});
  ASSERT_EQ(m.status, EditStatus::Ok) << m.message;
  EXPECT_EQ(db.query_text("SELECT commune_code FROM incidents"), "00002");
  const auto accepted = editor_->move("incidents", r.id, 2, {105.0, 22.55}, true);
  ASSERT_EQ(accepted.status, EditStatus::Ok) << accepted.message;
  EXPECT_EQ(count(db, "SELECT outside_communes FROM incidents"), 1);
  EXPECT_FALSE(db.query_text("SELECT commune_code FROM incidents"));
  // A later edit of another field keeps the accepted outside point.
  const auto later = editor_->update("incidents", r.id, 3, Fields{{"description", "x"}});
  EXPECT_EQ(later.status, EditStatus::Ok) << later.message;
}

TEST_F(EditorTest, DeleteKeepsTheIncident) {
  auto& db = *db_;
  const auto r = editor_->insert_incident(incident());
  const auto d = editor_->remove("incidents", r.id, 1);
  ASSERT_EQ(d.status, EditStatus::Ok) << d.message;
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents"), 1);
  EXPECT_EQ(count(db, "SELECT deleted FROM incidents"), 1);
  EXPECT_EQ(edit::record_history(db, "incidents", r.id).back().action, "delete");
  // A deleted incident is not edited any more.
  EXPECT_EQ(editor_->update("incidents", r.id, 2, Fields{{"description", "x"}}).status,
            EditStatus::NotFound);
  // Its case number stays taken: the record is kept.
  EXPECT_EQ(editor_->insert_incident(incident()).status, EditStatus::Invalid);
}

TEST_F(EditorTest, CommuneStatusPeriodsKeepHistory) {
  auto& db = *db_;
  auto first = editor_->record_commune_status(Fields{{"commune_code", "00001"},
                                                     {"period_from", "2024-01-01"},
                                                     {"drug_free", "not_yet"},
                                                     {"antt_standard", "not_meets"}});
  ASSERT_EQ(first.status, EditStatus::Ok) << first.message;
  auto second = editor_->record_commune_status(Fields{{"commune_code", "00001"},
                                                      {"period_from", "2025-01-01"},
                                                      {"drug_free", "drug_free"},
                                                      {"antt_standard", "meets"}});
  ASSERT_EQ(second.status, EditStatus::Ok) << second.message;
  EXPECT_EQ(count(db, "SELECT count(*) FROM commune_status"), 2);
  EXPECT_EQ(
      db.query_text("SELECT period_to FROM commune_status WHERE id = " + std::to_string(first.id)),
      "2024-12-31");
  EXPECT_EQ(
      db.query_text("SELECT drug_free FROM commune_status WHERE id = " + std::to_string(first.id)),
      "not_yet");
  // A period slotted in between is bounded by the later one.
  auto middle = editor_->record_commune_status(Fields{
      {"commune_code", "00001"}, {"period_from", "2024-07-01"}, {"drug_free", "transforming"}});
  ASSERT_EQ(middle.status, EditStatus::Ok) << middle.message;
  EXPECT_EQ(
      db.query_text("SELECT period_to FROM commune_status WHERE id = " + std::to_string(middle.id)),
      "2024-12-31");
  EXPECT_EQ(
      db.query_text("SELECT period_to FROM commune_status WHERE id = " + std::to_string(first.id)),
      "2024-06-30");
  // Same start day twice, unknown commune, future start, bad code: refused.
  EXPECT_EQ(
      editor_
          ->record_commune_status(Fields{{"commune_code", "00001"}, {"period_from", "2025-01-01"}})
          .status,
      EditStatus::Invalid);
  EXPECT_EQ(
      editor_
          ->record_commune_status(Fields{{"commune_code", "99999"}, {"period_from", "2025-01-01"}})
          .status,
      EditStatus::Invalid);
  EXPECT_EQ(
      editor_
          ->record_commune_status(Fields{{"commune_code", "00002"}, {"period_from", "2026-01-01"}})
          .status,
      EditStatus::Invalid);
  EXPECT_EQ(editor_
                ->record_commune_status(Fields{{"commune_code", "00002"},
                                               {"period_from", "2025-01-01"},
                                               {"movement_class", "superb"}})
                .status,
            EditStatus::Invalid);
  EXPECT_EQ(count(db, "SELECT count(*) FROM commune_status"), 3);
}

TEST_F(EditorTest, OtherLayersValidateAndSave) {
  auto& db = *db_;
  auto crossing = editor_->insert("crossings", Fields{{"name", "Lối mở 3"}, {"kind", "opening"}},
                                  geo::Geometry::point({104.11, 22.58}));
  ASSERT_EQ(crossing.status, EditStatus::Ok) << crossing.message;
  // Openings are sensitive by kind, and the point names its commune.
  EXPECT_EQ(count(db, "SELECT sensitive FROM crossings"), 1);
  EXPECT_EQ(db.query_text("SELECT commune_code FROM crossings"), "00002");
  EXPECT_EQ(editor_
                ->insert("crossings", Fields{{"name", "x"}, {"kind", "gate?"}, {"status", "ajar"}},
                         geo::Geometry::point({104.11, 22.58}))
                .errors.size(),
            2u);

  auto post = editor_->insert("facilities", Fields{{"name", "Đồn BP"}, {"kind", "border_post"}},
                              geo::Geometry::point({104.02, 22.52}));
  ASSERT_TRUE(post.ok()) << post.message;
  // The Chinese counterpart lies outside the province and needs no acceptance.
  auto cn = editor_->insert(
      "facilities",
      Fields{
          {"name", "河口"}, {"kind", "blo_office"}, {"country", "CN"}, {"counterpart_id", post.id}},
      geo::Geometry::point({103.95, 22.45}));
  ASSERT_TRUE(cn.ok()) << cn.message;
  EXPECT_EQ(
      editor_
          ->insert("facilities", Fields{{"name", "y"}, {"kind", "police"}, {"counterpart_id", 999}},
                   geo::Geometry::point({104.02, 22.52}))
          .status,
      EditStatus::Invalid);

  auto coop = editor_->insert("cooperation_events", Fields{{"kind", "joint_patrol"},
                                                           {"occurred_on", "2025-03-03"},
                                                           {"vn_party", "Đồn BP"},
                                                           {"counterpart", "Trạm Hà Khẩu"},
                                                           {"facility_id", post.id}});
  ASSERT_TRUE(coop.ok()) << coop.message;
  EXPECT_EQ(editor_
                ->insert("cooperation_events", Fields{{"kind", "meeting"},
                                                      {"occurred_on", "2025-09-09"},
                                                      {"vn_party", "a"},
                                                      {"counterpart", "b"}})
                .status,
            EditStatus::Invalid);  // in the future

  auto camp = editor_->insert("campaigns", Fields{{"code", "he2025"},
                                                  {"name", "Cao điểm hè"},
                                                  {"date_from", "2025-06-01"},
                                                  {"date_to", "2025-08-31"}});
  ASSERT_TRUE(camp.ok()) << camp.message;  // a planned window may reach into the future
  EXPECT_EQ(editor_
                ->insert("campaigns", Fields{{"code", "he2025"},
                                             {"name", "dup"},
                                             {"date_from", "2025-06-01"},
                                             {"date_to", "2025-05-01"}})
                .errors.size(),
            2u);  // duplicate code, window backwards

  auto des = editor_->insert(
      "designations", Fields{{"type", "self_management"}, {"name", "Tổ tự quản"}, {"year", 2025}},
      geo::Geometry::point({104.05, 22.59}));
  ASSERT_TRUE(des.ok()) << des.message;

  geo::LineString route = {{104.01, 22.51}, {104.09, 22.52}, {104.15, 22.58}};
  auto patrol = editor_->insert("patrols",
                                Fields{{"name", "Tuần tra mốc 102"},
                                       {"mode", "foot"},
                                       {"state", "planned"},
                                       {"starts_at", "2025-07-02T06:00"},
                                       {"ends_at", "2025-07-02T11:00"}},
                                geo::Geometry::line(route));
  ASSERT_TRUE(patrol.ok()) << patrol.message;
  EXPECT_EQ(count(db, "SELECT NumPoints(geom) FROM patrols"), 3);
  EXPECT_EQ(
      editor_
          ->insert("patrols",
                   Fields{{"name", "x"}, {"state", "done"}, {"starts_at", "2025-07-02T06:00"}},
                   geo::Geometry::line({{104.01, 22.51}, {104.02, 22.52}}))
          .status,
      EditStatus::Invalid);  // done, but starts after today
  EXPECT_EQ(
      editor_->insert("patrols", Fields{{"name", "x"}}, geo::Geometry::line({{104.01, 22.51}}))
          .status,
      EditStatus::Invalid);  // one point is no route
  // The route can be redrawn.
  route.push_back({104.19, 22.59});
  auto redraw =
      editor_->update("patrols", patrol.id, 1, Fields::object(), geo::Geometry::line(route));
  ASSERT_TRUE(redraw.ok()) << redraw.message;
  EXPECT_EQ(count(db, "SELECT NumPoints(geom) FROM patrols"), 4);
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

// A point on the edge two communes share is saved without "accept outside" and gets a commune
// (the first by id), like any point inside the province.
TEST_F(EditorTest, PointOnASharedEdgeIsInsideAndGetsACommune) {
  const auto r = editor_->insert_incident(incident(104.1, 22.55));
  ASSERT_EQ(r.status, EditStatus::Ok) << r.message;
  auto st = db_->prepare("SELECT commune_code, outside_communes FROM incidents WHERE id = ?1");
  st.bind(1, r.id);
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "00001");
  EXPECT_EQ(st.column_int(1), 0);
}
