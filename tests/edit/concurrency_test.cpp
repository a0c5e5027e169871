// Two analysts save the same incident: the second save is a conflict carrying both versions;
// "keep mine" re-applies it on their version, so neither edit is lost. Also with a real second
// process (the secmap binary), and readers are not blocked by a writer (WAL).
#include <gtest/gtest.h>

#include "edit/audit.h"
#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::EditStatus;
using edit::Fields;

namespace {

int64_t new_incident(edit::Editor& ed) {
  edit::IncidentInput in;
  in.case_number = "LC-77";
  in.category = "BX-05";
  in.occurred_at = "2025-02-01";
  in.lon = 104.05;
  in.lat = 22.55;
  in.has_location = true;
  return ed.insert_incident(in).id;
}

}  // namespace

TEST(Concurrency, SecondSaveConflictsAndKeepMineLosesNothing) {
  auto db_a = edit::test::small_province("conc_two");
  auto db_b = store::Database::open(db_a.path());
  edit::Editor a(db_a), b(db_b);
  a.set_today(edit::test::kToday);
  b.set_today(edit::test::kToday);
  const int64_t id = new_incident(a);
  // Both load version 1.
  const int64_t loaded_a = a.load("incidents", id)->version;
  const int64_t loaded_b = b.load("incidents", id)->version;
  ASSERT_EQ(loaded_a, 1);
  ASSERT_EQ(loaded_b, 1);

  ASSERT_EQ(a.update("incidents", id, loaded_a, Fields{{"status", "processed"}}).status,
            EditStatus::Ok);
  const auto second = b.update("incidents", id, loaded_b, Fields{{"description", "Ghi chú B"}});
  ASSERT_EQ(second.status, EditStatus::Conflict) << second.message;
  ASSERT_TRUE(second.conflict);
  EXPECT_EQ(second.conflict->your_version, 1);
  EXPECT_EQ(second.conflict->their_version, 2);
  ASSERT_TRUE(second.conflict->theirs);
  EXPECT_EQ(second.conflict->theirs->fields["status"], "processed");
  EXPECT_EQ(second.conflict->yours["description"], "Ghi chú B");
  // Nothing of B was written.
  EXPECT_EQ(db_a.query_int("SELECT description IS NULL FROM incidents"), 1);

  // Keep theirs / cancel: nothing changes.
  EXPECT_EQ(b.resolve(*second.conflict, edit::Resolution::KeepTheirs).status,
            EditStatus::Unchanged);
  EXPECT_EQ(db_a.query_int("SELECT version FROM incidents"), 2);
  // Keep mine: re-applied on their version; both edits are in the row.
  const auto resolved = b.resolve(*second.conflict, edit::Resolution::KeepMine);
  ASSERT_EQ(resolved.status, EditStatus::Ok) << resolved.message;
  EXPECT_EQ(resolved.version, 3);
  EXPECT_EQ(db_a.query_text("SELECT status FROM incidents"), "processed");
  EXPECT_EQ(db_a.query_text("SELECT description FROM incidents"), "Ghi chú B");
  EXPECT_TRUE(edit::verify_audit(db_a).ok);
  EXPECT_EQ(edit::record_history(db_a, "incidents", id).size(), 3u);
}

TEST(Concurrency, SecondProcessSaveReportsConflict) {
  auto db = edit::test::small_province("conc_process");
  edit::Editor ed(db);
  ed.set_today(edit::test::kToday);
  const int64_t id = new_incident(ed);
  const std::string bin = secmap::test::secmap_binary().string();
  const std::string path = db.path().string();
  const std::string base =
      "SECMAP_ANALYST=proc " + bin + " edit " + path + " incidents " + std::to_string(id);
  // First process: saves against version 1.
  auto first = secmap::test::run_command(base + " --set status=processed --expect-version 1");
  ASSERT_EQ(first.exit_code, 0) << first.output;
  // Second process: also loaded version 1, saves another field: a conflict, nothing written.
  auto second = secmap::test::run_command(base + " --set 'description=Ghi chú' --expect-version 1");
  EXPECT_EQ(second.exit_code, 4) << second.output;
  EXPECT_NE(second.output.find("conflict"), std::string::npos) << second.output;
  EXPECT_NE(second.output.find("theirs (version 2)"), std::string::npos) << second.output;
  EXPECT_EQ(db.query_text("SELECT status FROM incidents"), "processed");
  EXPECT_EQ(db.query_int("SELECT description IS NULL FROM incidents"), 1);
  // It reloads (version 2) and saves: both edits are kept.
  auto again = secmap::test::run_command(base + " --set 'description=Ghi chú' --expect-version 2");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(db.query_text("SELECT status FROM incidents"), "processed");
  EXPECT_EQ(db.query_text("SELECT description FROM incidents"), "Ghi chú");
  // This process's own stale save now conflicts too.
  EXPECT_EQ(ed.update("incidents", id, 1, Fields{{"severity", "nghiem_trong"}}).status,
            EditStatus::Conflict);
  auto verify = secmap::test::run_command(bin + " audit " + path + " verify");
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

TEST(Concurrency, ReadersAreNotBlockedByAWriter) {
  auto db = edit::test::small_province("conc_wal");
  EXPECT_EQ(db.query_text("PRAGMA journal_mode"), "wal");
  auto reader = store::Database::open(db.path());
  store::Transaction tx(db);  // holds the write lock
  db.exec("UPDATE campaigns SET name = 'đang sửa'");
  // The reader sees the last committed state at once.
  EXPECT_EQ(reader.query_text("SELECT name FROM campaigns"), "Cao điểm Tết 2025");
}
