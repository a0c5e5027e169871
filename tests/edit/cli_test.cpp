// secmap audit verify|log and secmap edit, run as the real binary.
#include <gtest/gtest.h>

#include "edit_fixture.h"

using namespace secmap;

namespace {

std::string bin() {
  return secmap::test::secmap_binary().string();
}

}  // namespace

TEST(AuditCli, VerifyDetectsTamperingAndNamesTheRow) {
  auto db = edit::test::small_province("cli_tamper");
  const std::string path = db.path().string();
  for (const char* c : {"A-1", "A-2", "A-3"}) {
    auto r = secmap::test::run_command(bin() + " edit " + path +
                                       " incidents new --set category=SO-06 --set "
                                       "occurred_at=2025-01-02 --set case_number=" +
                                       c + " --lon 104.05 --lat 22.55");
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  auto ok = secmap::test::run_command(bin() + " audit " + path + " verify");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_NE(ok.output.find("3 rows"), std::string::npos) << ok.output;

  // Individual incidents are sensitive: without --include-sensitive only who changed them when.
  auto hidden =
      secmap::test::run_command(bin() + " audit " + path + " log --table incidents --id 2");
  EXPECT_EQ(hidden.exit_code, 0) << hidden.output;
  EXPECT_EQ(hidden.output.find("A-2"), std::string::npos) << hidden.output;
  EXPECT_NE(hidden.output.find("1 sensitive change(s) withheld"), std::string::npos)
      << hidden.output;
  auto log = secmap::test::run_command(bin() + " audit " + path +
                                       " log --table incidents --id 2 --include-sensitive");
  EXPECT_EQ(log.exit_code, 0) << log.output;
  EXPECT_NE(log.output.find("A-2"), std::string::npos) << log.output;
  EXPECT_EQ(log.output.find("A-3"), std::string::npos) << log.output;
  EXPECT_NE(log.output.find("1 change(s)"), std::string::npos) << log.output;
  auto future = secmap::test::run_command(bin() + " audit " + path + " log --since 2999-01-01");
  EXPECT_NE(future.output.find("0 change(s)"), std::string::npos) << future.output;

  // Tamper with plain SQL: drop the trigger, change row 2.
  db.exec("DROP TRIGGER audit_log_no_update");
  db.exec("UPDATE audit_log SET who = 'someone else' WHERE id = 2");
  auto bad = secmap::test::run_command(bin() + " audit " + path + " verify");
  EXPECT_NE(bad.exit_code, 0) << bad.output;
  EXPECT_NE(bad.output.find("row 2 "), std::string::npos) << bad.output;
}

TEST(EditCli, InvalidEditNamesFieldsAndWritesNothing) {
  auto db = edit::test::small_province("cli_invalid");
  const std::string path = db.path().string();
  auto r = secmap::test::run_command(bin() + " edit " + path +
                                     " incidents new --set category=ZZ --set "
                                     "occurred_at=2999-01-01 --lon 110 --lat 22.55");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("category"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("occurred_at"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("location"), std::string::npos) << r.output;
  EXPECT_EQ(db.query_int("SELECT count(*) FROM incidents"), 0);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM audit_log"), 0);
  auto unknown = secmap::test::run_command(bin() + " edit " + path + " incidents new --set x=1");
  EXPECT_EQ(unknown.exit_code, 2) << unknown.output;
  EXPECT_NE(unknown.output.find("no editable field x"), std::string::npos) << unknown.output;
}
