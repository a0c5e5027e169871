// A disk that fills up under an edit, an undo or a commune status: the write is refused whole,
// the database is exactly as it was (no row without its audit row), the undo history is intact,
// and the same edit saves once there is room. The "disk" is SQLite's page limit for the
// connection (PRAGMA max_page_count), which fails a write with SQLITE_FULL as a full disk does.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "edit/audit.h"
#include "edit/editor.h"
#include "edit_fixture.h"
#include "store/write_error.h"

namespace secmap::edit {
namespace {

IncidentInput an_incident() {
  IncidentInput in;
  in.case_number = "WF-1";
  in.category = "DR-01";
  in.occurred_at = "2025-05-02T22:10";
  in.lon = 104.05, in.lat = 22.55, in.has_location = true;
  return in;
}

class WriteErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_.emplace(
        test::small_province(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    editor_.emplace(*db_);
    editor_->set_today(test::kToday);
    const EditResult r = editor_->insert_incident(an_incident());
    ASSERT_EQ(r.status, EditStatus::Ok) << r.message;
    id_ = r.id;
  }
  // No page more than the file has now: any write that needs one is refused.
  void fill_disk() {
    db_->exec("PRAGMA max_page_count = " + std::to_string(*db_->query_int("PRAGMA page_count")));
  }
  void make_room() { db_->exec("PRAGMA max_page_count = 1073741823"); }
  int64_t version() {
    return *db_->query_int("SELECT version FROM incidents WHERE id = " + std::to_string(id_));
  }
  // Runs the step on a full disk: it must be refused as a full disk and change nothing.
  void expect_refused_whole(const std::function<EditResult()>& step) {
    const auto before = test::table_contents(*db_);
    const auto audit_rows = db_->query_int("SELECT count(*) FROM audit_log");
    const size_t undo = editor_->history().undo_size(), redo = editor_->history().redo_size();
    fill_disk();
    try {
      const EditResult r = step();
      ADD_FAILURE() << "not refused: status " << static_cast<int>(r.status) << " " << r.message;
    } catch (const store::WriteError& e) {
      EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not reported as a full disk: " << e.what();
    }
    make_room();
    EXPECT_FALSE(store::in_transaction(*db_));
    EXPECT_EQ(test::table_contents(*db_), before) << "a refused write changed the data";
    EXPECT_EQ(db_->query_int("SELECT count(*) FROM audit_log"), audit_rows);
    EXPECT_TRUE(verify_audit(*db_).ok);
    EXPECT_EQ(db_->query_text("PRAGMA integrity_check"), "ok");
    EXPECT_EQ(editor_->history().undo_size(), undo) << "the undo history moved";
    EXPECT_EQ(editor_->history().redo_size(), redo);
  }

  std::optional<store::Database> db_;
  std::optional<Editor> editor_;
  int64_t id_ = 0;
};

// Long enough to need new pages for the row and for its audit row.
const std::string kLongText(60000, 'x');

TEST_F(WriteErrorTest, AnEditOnAFullDiskChangesNothingAndSavesLater) {
  const int64_t v = version();
  Fields f = Fields::object();
  f["description"] = kLongText;
  expect_refused_whole([&] { return editor_->update("incidents", id_, v, f); });
  const EditResult r = editor_->update("incidents", id_, v, f);
  EXPECT_EQ(r.status, EditStatus::Ok) << r.message;
  EXPECT_EQ(version(), v + 1);
}

TEST_F(WriteErrorTest, AnUndoOnAFullDiskKeepsTheUndoForLater) {
  Fields f = Fields::object();
  f["description"] = kLongText;
  ASSERT_EQ(editor_->update("incidents", id_, version(), f).status, EditStatus::Ok);
  expect_refused_whole([&] { return editor_->undo(); });
  EXPECT_EQ(editor_->undo().status, EditStatus::Ok);
  EXPECT_EQ(db_->query_text("SELECT coalesce(description, '') FROM incidents WHERE id = " +
                            std::to_string(id_)),
            "");
}

TEST_F(WriteErrorTest, ANewRecordOnAFullDiskIsNotHalfWritten) {
  IncidentInput in = an_incident();
  in.case_number = "WF-2";
  in.description = kLongText;
  expect_refused_whole([&] { return editor_->insert_incident(in); });
  EXPECT_EQ(editor_->insert_incident(in).status, EditStatus::Ok);
}

}  // namespace
}  // namespace secmap::edit
