// A database another program is writing to: a command waits for it (saying so), goes on when the
// writer finishes, and past the wait exits with its own code (kExitBusy) and a message that says
// the database is busy and nothing was written — never a raw "database is locked" as exit 1.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <thread>

#include "app/commands.h"
#include "store/database.h"
#include "test_support.h"

namespace {

using secmap::test::run_command;
namespace fs = std::filesystem;

std::string q(const fs::path& p) {
  return secmap::test::shell_quoted(p);
}

class Busy : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(secmap::test::scratch_dir("busy"));
    bin_ = new std::string(secmap::test::secmap_binary().string());
    db_ = new fs::path(*dir_ / "demo.sqlite");
    auto demo = run_command(*bin_ + " demo --synthetic --incidents 200 " + q(*db_));
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete bin_;
    delete db_;
  }
  static std::string edit_command(int timeout_s) {
    return "SECMAP_BUSY_TIMEOUT_S=" + std::to_string(timeout_s) + " " + *bin_ + " edit " + q(*db_) +
           " incidents 1 --set description=bận 2>&1";
  }
  static fs::path* dir_;
  static std::string* bin_;
  static fs::path* db_;
};
fs::path* Busy::dir_ = nullptr;
std::string* Busy::bin_ = nullptr;
fs::path* Busy::db_ = nullptr;

TEST_F(Busy, AnEditPastTheWaitExitsBusyAndWritesNothing) {
  auto db = secmap::store::Database::open(*db_);
  const auto before = db.query_text("SELECT description FROM incidents WHERE id = 1");
  const auto audit_before = db.query_int("SELECT count(*) FROM audit_log");
  db.exec("BEGIN IMMEDIATE");  // another writer holds the lock
  const auto t0 = std::chrono::steady_clock::now();
  auto r = run_command(edit_command(2));
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  db.exec("ROLLBACK");
  EXPECT_EQ(r.exit_code, secmap::app::kExitBusy) << r.output;
  EXPECT_NE(r.output.find("busy"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("nothing was written"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("database is locked"), std::string::npos) << r.output;
  EXPECT_GE(waited, 2.0) << "it waited for the writer first";
  EXPECT_EQ(db.query_text("SELECT description FROM incidents WHERE id = 1"), before);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM audit_log"), audit_before);
}

TEST_F(Busy, AnEditWaitsForTheWriterAndThenSaves) {
  auto db = secmap::store::Database::open(*db_);
  db.exec("BEGIN IMMEDIATE");
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    db.exec("ROLLBACK");
  });
  auto r = run_command(edit_command(30));
  release.join();
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(db.query_text("SELECT description FROM incidents WHERE id = 1"), "bận");
}

TEST_F(Busy, AnImportPastTheWaitExitsBusyAndSaysTheDatabaseIsUnchanged) {
  const fs::path csv = *dir_ / "one.csv";
  {
    auto db = secmap::store::Database::open(*db_);
    auto st = db.prepare("SELECT X(geom), Y(geom) FROM incidents WHERE id = 1");
    ASSERT_TRUE(st.step());
    char row[256];
    std::snprintf(row, sizeof row, "lon,lat,category,occurred_at\n%.6f,%.6f,NS-01,2025-03-01\n",
                  st.column_double(0), st.column_double(1));
    std::ofstream(csv) << row;
  }
  auto db = secmap::store::Database::open(*db_);
  const auto n = db.query_int("SELECT count(*) FROM incidents");
  db.exec("BEGIN IMMEDIATE");
  auto r = run_command("SECMAP_BUSY_TIMEOUT_S=1 " + *bin_ + " import " + q(*db_) + " incidents " +
                       q(csv) + " 2>&1");
  db.exec("ROLLBACK");
  EXPECT_EQ(r.exit_code, secmap::app::kExitBusy) << r.output;
  EXPECT_NE(r.output.find("busy"), std::string::npos) << r.output;
  EXPECT_EQ(db.query_int("SELECT count(*) FROM incidents"), n);
}

// Imports started together into a database that does not exist yet: each waits for the one that
// creates the schema, and every row of every import lands (never a false "no such table").
TEST_F(Busy, ImportsStartedTogetherIntoANewDatabaseAllLand) {
  const fs::path csv = *dir_ / "five.csv";
  std::ofstream(csv) << "lon,lat,category,occurred_at\n"
                        "104.0,22.4,NS-01,2025-03-01\n104.1,22.4,NS-01,2025-03-02\n"
                        "104.2,22.4,NS-01,2025-03-03\n104.3,22.4,NS-01,2025-03-04\n"
                        "104.4,22.4,NS-01,2025-03-05\n";
  constexpr int kRounds = 6, kImports = 3;
  for (int round = 0; round < kRounds; ++round) {
    const fs::path db = *dir_ / ("together-" + std::to_string(round) + ".sqlite");
    std::string line;
    for (int i = 0; i < kImports; ++i)
      line += "(" + *bin_ + " import " + q(db) + " incidents " + q(csv) + " > " +
              q(*dir_ / ("out-" + std::to_string(i))) + " 2>&1; echo $? >> " +
              q(*dir_ / ("out-" + std::to_string(i))) + ") & ";
    auto r = run_command(line + "wait");
    ASSERT_EQ(r.exit_code, 0) << r.output;
    for (int i = 0; i < kImports; ++i) {
      const std::string out = secmap::test::file_text(*dir_ / ("out-" + std::to_string(i)));
      EXPECT_NE(out.find("imported 5 of 5"), std::string::npos) << "round " << round << ": " << out;
      EXPECT_EQ(out.find("no such table"), std::string::npos) << out;
    }
    auto opened = secmap::store::Database::open(db);
    EXPECT_EQ(opened.query_int("SELECT count(*) FROM incidents"), 5 * kImports)
        << "round " << round;
    EXPECT_EQ(opened.query_int("SELECT count(*) FROM audit_log WHERE action = 'import'"),
              5 * kImports);
  }
  for (const auto& e : fs::directory_iterator(*dir_))  // no temporary database left behind
    EXPECT_EQ(e.path().filename().string().find(".building"), std::string::npos) << e.path();
}

}  // namespace
