// A record's history as Identify shows it, read from the audit trail: who, when, and each field
// changed with its value before and after; a commune's status periods, including the closing of
// the previous period.
#include "edit/history.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::EditStatus;
using edit::Fields;
using edit::test::kToday;

namespace {

const edit::FieldChange* change_of(const edit::HistoryEntry& e, const std::string& field) {
  for (const auto& c : e.changes)
    if (c.field == field) return &c;
  return nullptr;
}

class HistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("SECMAP_ANALYST", "analyst-h", 1);
    db_.emplace(edit::test::small_province(
        std::string("hist_") + ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    editor_.emplace(*db_);
    editor_->set_today(kToday);
  }
  void TearDown() override { unsetenv("SECMAP_ANALYST"); }
  std::optional<store::Database> db_;
  std::optional<edit::Editor> editor_;
};

}  // namespace

TEST(SnapshotChanges, OnlyChangedFieldsWithoutBookkeeping) {
  const auto c = edit::snapshot_changes(
      R"({"id":3,"version":1,"updated_by":"a","status":"received","severity":null,"x":1})",
      R"({"id":3,"version":2,"updated_by":"b","status":"solved","severity":"nghiem_trong","x":1})");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].field, "severity");
  EXPECT_EQ(c[0].before, "");
  EXPECT_EQ(c[0].after, "nghiem_trong");
  EXPECT_EQ(c[1].field, "status");
  EXPECT_EQ(c[1].before, "received");
  EXPECT_EQ(c[1].after, "solved");
  // An insert: every non-null field, from nothing.
  const auto ins = edit::snapshot_changes("", R"({"id":1,"name":"Lối mở","sensitive":1})");
  ASSERT_EQ(ins.size(), 2u);
  EXPECT_EQ(ins[0].field, "name");
  EXPECT_EQ(ins[0].after, "Lối mở");
}

TEST_F(HistoryTest, IncidentHistoryNamesWhoWhenAndWhatChanged) {
  edit::IncidentInput in;
  in.category = "DR-01";
  in.occurred_at = "2025-05-02T22:10";
  in.status = "received";
  in.lon = 104.05, in.lat = 22.55, in.has_location = true;
  const auto added = editor_->insert_incident(in);
  ASSERT_EQ(added.status, EditStatus::Ok) << added.message;
  setenv("SECMAP_ANALYST", "analyst-k", 1);
  const auto changed =
      editor_->update("incidents", added.id, added.version,
                      Fields{{"status", "investigated"}, {"severity", "nghiem_trong"}});
  ASSERT_EQ(changed.status, EditStatus::Ok) << changed.message;
  const auto moved = editor_->move("incidents", added.id, changed.version, {104.06, 22.56});
  ASSERT_EQ(moved.status, EditStatus::Ok) << moved.message;

  const auto h = edit::record_changes(*db_, "incidents", added.id);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].action, "insert");
  EXPECT_EQ(h[0].who, "analyst-h");
  ASSERT_NE(change_of(h[0], "category"), nullptr);
  EXPECT_EQ(change_of(h[0], "category")->after, "DR-01");
  EXPECT_EQ(h[1].action, "update");
  EXPECT_EQ(h[1].who, "analyst-k");
  EXPECT_FALSE(h[1].at.empty());
  ASSERT_EQ(h[1].changes.size(), 2u);  // nothing but what was changed
  ASSERT_NE(change_of(h[1], "status"), nullptr);
  EXPECT_EQ(change_of(h[1], "status")->before, "received");
  EXPECT_EQ(change_of(h[1], "status")->after, "investigated");
  EXPECT_EQ(change_of(h[1], "severity")->before, "");
  EXPECT_EQ(change_of(h[1], "severity")->after, "nghiem_trong");
  const edit::FieldChange* geom = change_of(h[2], "geom");
  ASSERT_NE(geom, nullptr);
  EXPECT_NE(geom->before.find("104.05"), std::string::npos) << geom->before;
  EXPECT_NE(geom->after.find("104.06"), std::string::npos) << geom->after;
  // Another record's edits do not appear.
  in.lon = 104.15;
  ASSERT_EQ(editor_->insert_incident(in).status, EditStatus::Ok);
  EXPECT_EQ(edit::record_changes(*db_, "incidents", added.id).size(), 3u);
  EXPECT_EQ(edit::last_audit_id(*db_), *db_->query_int("SELECT max(id) FROM audit_log"));
}

TEST_F(HistoryTest, CommuneStatusHistoryShowsThePreviousPeriodClosed) {
  const auto first = editor_->record_commune_status(
      Fields{{"commune_code", "00001"}, {"period_from", "2024-01-01"}, {"drug_free", "not_yet"}});
  ASSERT_EQ(first.status, EditStatus::Ok) << first.message;
  ASSERT_EQ(
      editor_
          ->record_commune_status(Fields{
              {"commune_code", "00002"}, {"period_from", "2024-01-01"}, {"drug_free", "drug_free"}})
          .status,
      EditStatus::Ok);
  const auto second = editor_->record_commune_status(
      Fields{{"commune_code", "00001"}, {"period_from", "2025-01-01"}, {"drug_free", "drug_free"}});
  ASSERT_EQ(second.status, EditStatus::Ok) << second.message;

  const auto h = edit::commune_status_changes(*db_, "00001");
  // The first period, then (one command) the first closed and the second added.
  ASSERT_EQ(h.size(), 3u);
  for (const auto& e : h) EXPECT_EQ(e.table, "commune_status");
  EXPECT_EQ(h[0].row_id, first.id);
  EXPECT_EQ(h[0].action, "insert");
  const auto closing = std::find_if(h.begin(), h.end(), [&](const auto& e) {
    return e.row_id == first.id && e.action == "update";
  });
  ASSERT_NE(closing, h.end());
  ASSERT_NE(change_of(*closing, "period_to"), nullptr);
  EXPECT_EQ(change_of(*closing, "period_to")->before, "");
  EXPECT_EQ(change_of(*closing, "period_to")->after, "2024-12-31");
  const auto added = std::find_if(h.begin(), h.end(), [&](const auto& e) {
    return e.row_id == second.id && e.action == "insert";
  });
  ASSERT_NE(added, h.end());
  EXPECT_EQ(change_of(*added, "drug_free")->after, "drug_free");
  // The other commune's period is not in this history.
  EXPECT_EQ(edit::commune_status_changes(*db_, "00002").size(), 1u);
}
