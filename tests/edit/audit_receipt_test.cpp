// A receipt of the trail's head, kept outside the database, finds what the chain alone cannot:
// rows cut from the end, an emptied trail, and a trail rewritten with a forged row and every
// later hash recomputed.
#include <gtest/gtest.h>

#include "edit/audit.h"
#include "edit/audit_receipt.h"
#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;

namespace {

class AuditReceipt : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.emplace(edit::test::small_province(
        ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    add_incidents(5);
    receipt_ = edit::audit_head(*db_);
    ASSERT_EQ(receipt_.last_id, 5);
    // The receipt survives being written out and read back.
    const auto back = edit::parse_receipt(edit::format_receipt(receipt_, "secmap.sqlite"));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->last_id, receipt_.last_id);
    EXPECT_EQ(back->hash, receipt_.hash);
  }
  void add_incidents(int n) {
    edit::Editor editor(*db_);
    editor.set_today(edit::test::kToday);
    for (int i = 0; i < n; ++i) {
      edit::IncidentInput in;
      in.category = "SO-06";
      in.occurred_at = "2025-03-01";
      in.lon = 104.05;
      in.lat = 22.55;
      in.has_location = true;
      ASSERT_TRUE(editor.insert_incident(in).ok());
    }
  }
  // What a person with sqlite3 can do: the triggers that keep the trail append-only go first.
  void tamper(const std::string& sql) {
    db_->exec("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" + sql);
  }
  std::optional<store::Database> db_;
  edit::AuditHead receipt_;
};

TEST_F(AuditReceipt, AGrowingTrailStillHoldsTheReceipt) {
  add_incidents(3);
  EXPECT_TRUE(edit::check_receipt(*db_, receipt_).ok);
  EXPECT_TRUE(edit::verify_audit(*db_).ok);
}

TEST_F(AuditReceipt, RowsCutFromTheEndAreFound) {
  tamper("DELETE FROM audit_log WHERE id > 3");
  EXPECT_TRUE(edit::verify_audit(*db_).ok) << "the chain alone cannot tell";
  const auto c = edit::check_receipt(*db_, receipt_);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.reason.find("rows were cut from its end"), std::string::npos) << c.reason;
}

TEST_F(AuditReceipt, AnEmptiedTrailIsFound) {
  tamper("DELETE FROM audit_log");
  EXPECT_TRUE(edit::verify_audit(*db_).ok) << "the chain alone cannot tell";
  const auto c = edit::check_receipt(*db_, receipt_);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.reason.find("the trail is empty"), std::string::npos) << c.reason;
}

TEST_F(AuditReceipt, ARechainedForgeryIsFound) {
  // Every row read out, the second one forged, all written back through the chain's own append:
  // a trail whose every hash checks.
  std::vector<edit::AuditRecord> rows = edit::audit_log(*db_);
  tamper("DELETE FROM audit_log");
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    std::string after = r.after_json.value_or("");
    if (i == 1) after = "{\"forged\":true}";
    edit::append_audit(*db_, {r.action, r.table_name, r.row_id, r.before_json.value_or(""), after},
                       r.who);
  }
  EXPECT_TRUE(edit::verify_audit(*db_).ok) << "the chain alone cannot tell";
  const auto c = edit::check_receipt(*db_, receipt_);
  EXPECT_FALSE(c.ok);
  EXPECT_NE(c.reason.find("rewritten"), std::string::npos) << c.reason;
}

}  // namespace
