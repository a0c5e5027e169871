// Inputs that used to be taken silently: a negative version, dates the calendar lacks, a pipe or a
// device named .csv, a zone on a time, a database in a folder that cannot be written, an import
// into a new path that fails. Each is refused with a message or handled as the user meant, and
// nothing is left half-done.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "store/database.h"
#include "test_support.h"

namespace {

using secmap::test::run_command;
namespace fs = std::filesystem;

std::string q(const fs::path& p) {
  return secmap::test::shell_quoted(p);
}

class Refused : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(secmap::test::scratch_dir("refused"));
    bin_ = new std::string(secmap::test::secmap_binary().string());
    db_ = new fs::path(*dir_ / "demo.sqlite");
    auto demo = run_command(*bin_ + " demo --synthetic --incidents 100 " + q(*db_));
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete bin_;
    delete db_;
  }
  static std::string secmap(const std::string& args) { return *bin_ + " " + args + " 2>&1"; }
  static fs::path* dir_;
  static std::string* bin_;
  static fs::path* db_;
};
fs::path* Refused::dir_ = nullptr;
std::string* Refused::bin_ = nullptr;
fs::path* Refused::db_ = nullptr;

TEST_F(Refused, ANegativeExpectedVersionIsNotAWayAroundTheConflictCheck) {
  auto r = run_command(
      secmap("edit " + q(*db_) + " incidents 1 --set description=x --expect-version -1"));
  EXPECT_NE(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("--expect-version"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'-1' is not a version"), std::string::npos) << r.output;
  auto db = secmap::store::Database::open(*db_);
  EXPECT_NE(db.query_text("SELECT description FROM incidents WHERE id = 1"), "x");
  // A stale version is still a conflict.
  r = run_command(
      secmap("edit " + q(*db_) + " incidents 1 --set description=x --expect-version 0"));
  EXPECT_EQ(r.exit_code, 4) << r.output;
}

TEST_F(Refused, DatesTheCalendarLacksAreRefusedByEveryCommand) {
  const std::string db = q(*db_), out = q(*dir_ / "out.csv");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"render " + db + " --from 2025-02-30 --out " + q(*dir_ / "m.png"), "--from"},
      {"render " + db + " --to 2025-13-01 --out " + q(*dir_ / "m.png"), "--to"},
      {"audit " + db + " log --since garbage", "--since"},
      {"audit " + db + " log --since 2025-01-01T25:00", "--since"},
      {"analyze " + db + " counts --from 2025-02-30 --out " + out, "--from"},
      {"analyze " + db + " targets --as-of 2025-02-29 --out " + out, "--as-of"},
      {"border " + db + " coverage --to 2024-04-31 --out " + out, "--to"},
      {"patrol " + db + " plan --from yesterday --out " + out, "--from"},
      {"animate " + db + " --from 2025-02-30 --to 2025-03-01 --out " + q(*dir_ / "a.gif"),
       "--from"},
  };
  for (const auto& [args, option] : cases) {
    auto r = run_command(secmap(args));
    EXPECT_NE(r.exit_code, 0) << args << "\n" << r.output;
    EXPECT_NE(r.output.find(option + ": '"), std::string::npos) << args << "\n" << r.output;
  }
  EXPECT_FALSE(fs::exists(*dir_ / "out.csv"));
  // The forms these commands document still run.
  auto ok = run_command(secmap("audit " + db + " log --since 2020-01-01T00:00"));
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
}

TEST_F(Refused, APipeOrADeviceNamedCsvIsNotReadWithoutEnd) {
  const fs::path fifo = *dir_ / "pipe.csv", device = *dir_ / "random.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  fs::create_symlink("/dev/urandom", device);
  for (const auto& [file, what] :
       std::vector<std::pair<fs::path, std::string>>{{fifo, "a pipe"}, {device, "a device"}}) {
    // `timeout`: a reader that blocks or reads forever fails the test instead of hanging it.
    auto r = run_command("timeout 20 " + secmap("import " + q(*db_) + " incidents " + q(file)));
    EXPECT_EQ(r.exit_code, 1) << r.output;
    EXPECT_NE(r.output.find("is not a regular file (" + what + ")"), std::string::npos) << r.output;
  }
  auto r = run_command("timeout 20 " + secmap("patrol " + q(*db_) + " plan --routes " + q(device) +
                                              " --out " + q(*dir_ / "plan.csv")));
  EXPECT_NE(r.exit_code, 0) << r.output;
  EXPECT_NE(r.exit_code, 124) << "read without end: " << r.output;
}

TEST_F(Refused, TimesWithAZoneAreStoredAsLocalTime) {
  auto db = secmap::store::Database::open(*db_);
  double lon = 0, lat = 0;
  {
    auto st = db.prepare("SELECT X(geom), Y(geom) FROM incidents WHERE id = 1");
    ASSERT_TRUE(st.step());
    lon = st.column_double(0), lat = st.column_double(1);
  }  // finished: no read transaction is held over the imports below
  char row[512];
  std::snprintf(row, sizeof row,
                "case_number,lon,lat,category,occurred_at\n"
                "Z-1,%.6f,%.6f,NS-01,2025-01-31T20:15:00Z\n"
                "Z-2,%.6f,%.6f,NS-01,2025-02-01 09:00+09:00\n"
                "Z-3,%.6f,%.6f,NS-01,2025-02-01T09:00:00\n",
                lon, lat, lon, lat, lon, lat);
  std::ofstream(*dir_ / "zones.csv") << row;
  std::snprintf(row, sizeof row,
                R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                R"({"case_number":"Z-4","category":"NS-01","occurred_at":"2025-06-30T23:30:00Z"},)"
                R"("geometry":{"type":"Point","coordinates":[%.6f,%.6f]}}]})",
                lon, lat);
  std::ofstream(*dir_ / "zones.geojson") << row;
  for (const char* f : {"zones.csv", "zones.geojson"}) {
    auto r = run_command(secmap("import " + q(*db_) + " incidents " + q(*dir_ / f)));
    ASSERT_EQ(r.exit_code, 0) << r.output;
  }
  auto at = [&](const char* c) {
    return db.query_text(std::string("SELECT occurred_at FROM incidents WHERE case_number = '") +
                         c + "'");
  };
  EXPECT_EQ(at("Z-1"), "2025-02-01T03:15:00");  // 20:15 UTC is 03:15 the next day in Hà Nội
  EXPECT_EQ(at("Z-2"), "2025-02-01T07:00:00");
  EXPECT_EQ(at("Z-3"), "2025-02-01T09:00:00");
  EXPECT_EQ(at("Z-4"), "2025-07-01T06:30:00");
  // An edit converts the same way.
  const auto id = db.query_int("SELECT id FROM incidents WHERE case_number = 'Z-3'");
  auto r = run_command(secmap("edit " + q(*db_) + " incidents " + std::to_string(*id) +
                              " --set occurred_at=2025-02-01T00:30:00-01:00"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(at("Z-3"), "2025-02-01T08:30:00");
}

TEST_F(Refused, AFailedImportIntoANewPathLeavesNoDatabase) {
  const fs::path bad = *dir_ / "bad.csv", fresh = *dir_ / "fresh.sqlite";
  std::ofstream(bad) << "lon,lat,category,occurred_at\n104.0,22.4,NS-01,2025-02-30\n";
  auto r = run_command(secmap("import " + q(fresh) + " incidents " + q(bad)));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  r = run_command(secmap("import " + q(fresh) + " incidents " + q(*dir_ / "missing.csv")));
  EXPECT_EQ(r.exit_code, 1) << r.output;
  std::ofstream(*dir_ / "good.csv")
      << "lon,lat,category,occurred_at\n104.0,22.4,NS-01,2025-02-03\n";
  r = run_command(
      secmap("import " + q(fresh) + " incidents " + q(*dir_ / "good.csv") + " --dry-run"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const auto& e : fs::directory_iterator(*dir_))
    EXPECT_EQ(e.path().filename().string().find("fresh.sqlite"), std::string::npos) << e.path();
  r = run_command(secmap("import " + q(fresh) + " incidents " + q(*dir_ / "good.csv")));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(secmap::store::Database::open(fresh).query_int("SELECT count(*) FROM incidents"), 1);
}

// A database on a read-only share: every reading command works, a writing one says "read-only"
// and changes nothing. Root ignores permissions, so as root the commands run as user nobody.
TEST_F(Refused, ADatabaseInAReadOnlyFolderIsStillRead) {
  const bool root = ::geteuid() == 0;
  // As root the reader is user nobody, who may not reach into the checkout: the folder, and a
  // copy of the binary, then live under /tmp.
  fs::path base = *dir_;
  std::string bin = *bin_;
  if (root) {
    char tmpl[] = "/tmp/secmap-ro-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    base = tmpl;
    fs::copy_file(*bin_, base / "secmap");
    bin = (base / "secmap").string();
  }
  const fs::path shared = base / "share";
  fs::create_directories(shared);
  fs::copy_file(*db_, shared / "ro.sqlite");
  const std::string as_reader = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const auto readable = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
  const auto enterable =
      readable | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec;
  fs::permissions(base, enterable | fs::perms::owner_write);
  if (root) fs::permissions(bin, enterable);
  fs::permissions(shared / "ro.sqlite", readable);
  fs::permissions(shared, enterable);
  const fs::path png = "/tmp/secmap-ro-" + std::to_string(::getpid()) + ".png";
  const std::string db = q(shared / "ro.sqlite");
  auto run = [&](const std::string& args) {
    return run_command(as_reader + bin + " " + args + " 2>&1");
  };
  auto info = run("info " + db);
  auto render = run("render " + db + " --out " + q(png));
  auto edit = run("edit " + db + " incidents 1 --set description=x");
  fs::permissions(shared, fs::perms::owner_all);
  EXPECT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("incidents"), std::string::npos) << info.output;
  EXPECT_EQ(render.exit_code, 0) << render.output;
  EXPECT_TRUE(fs::exists(png));
  std::error_code ec;
  fs::remove(png, ec);
  EXPECT_NE(edit.exit_code, 0) << edit.output;
  EXPECT_NE(edit.output.find("read-only"), std::string::npos) << edit.output;
  EXPECT_NE(edit.output.find("nothing was written"), std::string::npos) << edit.output;
  EXPECT_FALSE(fs::exists(shared / "ro.sqlite-shm"));  // nothing was written beside it
  {
    auto copy = secmap::store::Database::open(shared / "ro.sqlite");
    EXPECT_NE(copy.query_text("SELECT description FROM incidents WHERE id = 1"), "x");
  }
  if (root) fs::remove_all(base, ec);
}

// A disk that fills during an import (a file-size limit makes every write past it fail): the
// import stops at once, and "unchanged" is said because it was checked.
TEST_F(Refused, AnImportOnAFullDiskSaysWhatItLeft) {
  const fs::path db = *dir_ / "full.sqlite";
  fs::copy_file(*db_, db);
  const auto size_kib = fs::file_size(db) / 1024;
  std::string csv = "case_number,lon,lat,category,occurred_at,description\n";
  {
    auto opened = secmap::store::Database::open(db);
    auto st = opened.prepare("SELECT X(geom), Y(geom) FROM incidents WHERE id = 1");
    ASSERT_TRUE(st.step());
    char point[64];
    std::snprintf(point, sizeof point, "%.6f,%.6f", st.column_double(0), st.column_double(1));
    for (int i = 0; i < 20000; ++i)
      csv += "FULL-" + std::to_string(i) + "," + point +
             ",SO-06,2025-03-01,một mô tả đủ dài để đầy đĩa\n";
  }
  std::ofstream(*dir_ / "many.csv") << csv;
  const auto count = [&] {
    return secmap::store::Database::open(db).query_int("SELECT count(*) FROM incidents");
  };
  const auto before = count();
  auto r = run_command("bash -c \"ulimit -f " + std::to_string(size_kib + 256) +
                       "; trap '' XFSZ; exec " + *bin_ + " import " + q(db) + " incidents " +
                       q(*dir_ / "many.csv") + "\" 2>&1");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_TRUE(r.output.find("disk") != std::string::npos) << r.output;
  EXPECT_NE(r.output.find("the database is unchanged (checked)"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("rows cannot be imported"), std::string::npos)
      << "a write error is not a row error: " << r.output;
  EXPECT_EQ(count(), before);
  auto verify = run_command(secmap("audit " + q(db) + " verify"));
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
}

// The audit trail checked from the command line: data changed by another program, and rows cut
// from the trail's end, are each named with exit 3.
TEST_F(Refused, AuditVerifyFindsChangesMadeOutsideSecmap) {
  const fs::path db = *dir_ / "audited.sqlite";
  fs::copy_file(*db_, db);
  double lon = 0, lat = 0;
  {
    auto opened = secmap::store::Database::open(db);
    auto st = opened.prepare("SELECT X(geom), Y(geom) FROM incidents WHERE id = 1");
    ASSERT_TRUE(st.step());
    lon = st.column_double(0), lat = st.column_double(1);
  }
  char row[256];
  std::snprintf(row, sizeof row,
                "case_number,lon,lat,category,occurred_at\nAU-1,%.6f,%.6f,SO-06,2025-03-01\n", lon,
                lat);
  std::ofstream(*dir_ / "one_more.csv") << row;
  ASSERT_EQ(
      run_command(secmap("import " + q(db) + " incidents " + q(*dir_ / "one_more.csv"))).exit_code,
      0);
  auto clean = run_command(secmap("audit " + q(db) + " verify --data"));
  EXPECT_EQ(clean.exit_code, 0) << clean.output;
  ASSERT_EQ(
      run_command(secmap("audit " + q(db) + " receipt --out " + q(*dir_ / "head.txt"))).exit_code,
      0);
  int64_t id = 0;
  {
    auto other = secmap::store::Database::open(db);  // another program, past the writer
    id = *other.query_int("SELECT id FROM incidents WHERE case_number = 'AU-1'");
    other.exec("UPDATE incidents SET description = 'sửa ngoài' WHERE id = " + std::to_string(id));
  }
  auto dirty = run_command(secmap("audit " + q(db) + " verify --data"));
  EXPECT_EQ(dirty.exit_code, 3) << dirty.output;
  EXPECT_NE(dirty.output.find("incidents #" + std::to_string(id) +
                              ": changed outside secmap (description)"),
            std::string::npos)
      << dirty.output;
  {
    auto other = secmap::store::Database::open(db);
    other.exec(
        "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = "
        "(SELECT max(id) FROM audit_log)");
  }
  auto cut = run_command(secmap("audit " + q(db) + " verify --receipt " + q(*dir_ / "head.txt")));
  EXPECT_EQ(cut.exit_code, 3) << cut.output;
  EXPECT_NE(cut.output.find("rows were cut from its end"), std::string::npos) << cut.output;
}

}  // namespace
