// Opening, creating, identifying and migrating a secmap database.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>

#include "store/database.h"
#include "test_support.h"

using secmap::store::Database;
using secmap::store::kSchemaVersion;
using secmap::store::StoreError;
using secmap::store::Transaction;

namespace {

std::filesystem::path fresh_db(const std::string& test) {
  return secmap::test::scratch_dir("store_" + test) / "secmap.db";
}

// Runs SQL on a file with plain sqlite3 (no SpatiaLite, no secmap checks).
void raw_exec(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  const std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

std::string open_error(const std::filesystem::path& file,
                       Database::Mode mode = Database::Mode::OpenExisting) {
  try {
    Database::open(file, mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no error)";
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST(Database, CreatesSchemaV1) {
  const auto file = fresh_db("create");
  Database db = Database::open(file, Database::Mode::CreateIfMissing);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  EXPECT_EQ(db.query_int("PRAGMA application_id"), secmap::store::kApplicationId);
  EXPECT_EQ(db.query_text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(db.query_int("PRAGMA foreign_keys"), 1);
  const auto tables = db.user_tables();
  for (const char* t : {"meta", "communes", "border_line", "border_segments", "crossings",
                        "facilities", "incidents", "commune_status", "designations",
                        "cooperation_events", "patrols", "campaigns", "slides", "audit_log",
                        "incident_groups", "incident_categories", "severities", "case_statuses"})
    EXPECT_TRUE(contains(tables, t)) << t;
  for (const auto& t : tables) {
    EXPECT_EQ(t.rfind("idx_", 0), std::string::npos) << t;
    EXPECT_NE(t, "spatial_ref_sys");
    EXPECT_NE(t, "geometry_columns");
    EXPECT_NE(t, "SpatialIndex");
  }
}

TEST(Database, SpatialMetadataHasWebMercatorAndWgs84) {
  Database db = Database::open(fresh_db("srs"), Database::Mode::CreateIfMissing);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM spatial_ref_sys WHERE srid IN (4326, 3857)"), 2);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM geometry_columns WHERE srid = 4326"), 9);
}

TEST(Database, ReopenIsIdempotent) {
  const auto file = fresh_db("reopen");
  int64_t categories = 0;
  {
    Database db = Database::open(file, Database::Mode::CreateIfMissing);
    categories = db.query_int("SELECT count(*) FROM incident_categories").value_or(0);
    db.exec(
        "INSERT INTO campaigns(code, name, date_from, date_to) "
        "VALUES ('tet2025', 'Tết Ất Tỵ', '2024-12-15', '2025-02-14')");
  }
  for (int i = 0; i < 2; ++i) {
    Database db = Database::open(file);
    EXPECT_EQ(db.schema_version(), kSchemaVersion);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM incident_categories"), categories);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM severities"), 4);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns"), 1);
  }
}

TEST(Database, ReseedsChangedCodeListsWithoutDuplicates) {
  const auto file = fresh_db("reseed");
  { Database::open(file, Database::Mode::CreateIfMissing); }
  // Simulate an older build's code lists: a renamed entry and a stale hash.
  raw_exec(file,
           "UPDATE severities SET name_en = 'old' WHERE code = 'nghiem_trong';"
           "UPDATE meta SET value = 'stale' WHERE key = 'codelists_hash';");
  Database db = Database::open(file);
  EXPECT_EQ(db.query_text("SELECT name_en FROM severities WHERE code = 'nghiem_trong'"), "serious");
  EXPECT_EQ(db.query_int("SELECT count(*) FROM severities"), 4);
}

TEST(Database, MissingFileWithOpenExistingIsAnError) {
  const auto file = fresh_db("missing");
  const std::string msg = open_error(file);
  EXPECT_NE(msg.find("does not exist"), std::string::npos) << msg;
  EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
  EXPECT_FALSE(std::filesystem::exists(file));
}

TEST(Database, PlainTextFileIsNotASecmapDatabase) {
  const auto file = fresh_db("text").replace_filename("notes.db");
  std::ofstream(file) << "Đây không phải là cơ sở dữ liệu.\n" << std::string(4096, 'x') << "\n";
  const std::string msg = open_error(file);
  EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
  EXPECT_NE(msg.find("not a secmap database (not an SQLite file)"), std::string::npos) << msg;
}

TEST(Database, ShortTextFileIsNotASecmapDatabase) {
  const auto file = fresh_db("short").replace_filename("tiny.db");
  std::ofstream(file) << "hello";
  const std::string msg = open_error(file, Database::Mode::CreateIfMissing);
  EXPECT_NE(msg.find("not a secmap database"), std::string::npos) << msg;
}

TEST(Database, ForeignSqliteDatabaseIsRejectedUntouched) {
  const auto file = fresh_db("foreign");
  raw_exec(file, "CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT)");
  const std::string msg = open_error(file, Database::Mode::CreateIfMissing);
  EXPECT_NE(msg.find(file.string() + " is not a secmap database"), std::string::npos) << msg;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(st, 0), 1);  // still only the customers table
  sqlite3_finalize(st);
  sqlite3_close(db);
}

TEST(Database, NewerSchemaIsRejected) {
  const auto file = fresh_db("newer");
  { Database::open(file, Database::Mode::CreateIfMissing); }
  raw_exec(file, "PRAGMA user_version = 99");
  const std::string msg = open_error(file);
  EXPECT_NE(msg.find("was written by a newer secmap (schema v99; this build reads up to v" +
                     std::to_string(kSchemaVersion) + ")"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
}

// A database written by a build at schema v1 gains the later migrations (here the audit index
// that record histories use) when a newer build opens it.
// The tables that keep an import's unused columns (migration 3).
constexpr const char* kExtraTables[] = {
    "communes",       "border_line",  "crossings",          "facilities", "incidents",
    "commune_status", "designations", "cooperation_events", "patrols",    "campaigns"};

// A current database turned back into an older one: what later migrations add is removed.
std::string back_to_version(int version) {
  std::string sql;
  for (const char* t : kExtraTables) sql += std::string("ALTER TABLE ") + t + " DROP COLUMN extra;";
  if (version < 2) sql += "DROP INDEX audit_log_record;";
  return sql + "PRAGMA user_version = " + std::to_string(version);
}

TEST(Database, VersionOneDatabaseIsMigrated) {
  const auto file = fresh_db("v1");
  { Database::open(file, Database::Mode::CreateIfMissing); }
  raw_exec(file, back_to_version(1));
  Database db = Database::open(file);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND "
                         "name = 'audit_log_record' AND tbl_name = 'audit_log'"),
            1);
}

TEST(Database, VersionTwoDatabaseGainsTheKeptColumns) {
  const auto file = fresh_db("v2");
  {
    Database db = Database::open(file, Database::Mode::CreateIfMissing);
    db.exec(
        "INSERT INTO campaigns(code, name, date_from, date_to) "
        "VALUES ('T', 'Tết', '2025-01-01', '2025-02-01')");
  }
  raw_exec(file, back_to_version(2));
  Database db = Database::open(file);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
  for (const char* t : kExtraTables)
    EXPECT_EQ(db.query_int(std::string("SELECT count(*) FROM pragma_table_info('") + t +
                           "') WHERE name = 'extra'"),
              1)
        << t;
  EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns WHERE extra IS NULL"), 1);
}

// A zero-byte file is refused, not quietly made into an empty database.
TEST(Database, EmptyExistingFileIsRefused) {
  const auto file = fresh_db("empty");
  std::ofstream(file).close();
  try {
    Database::open(file);
    ADD_FAILURE() << "a zero-byte file was opened";
  } catch (const secmap::store::StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("is empty (0 bytes)"), std::string::npos) << e.what();
  }
  EXPECT_EQ(std::filesystem::file_size(file), 0u) << "the file was written to";
}

TEST(Database, MetaRoundTrip) {
  Database db = Database::open(fresh_db("meta"), Database::Mode::CreateIfMissing);
  EXPECT_FALSE(db.meta("demo"));
  db.set_meta("demo", "1");
  db.set_meta("demo", "synthetic");
  EXPECT_EQ(db.meta("demo"), "synthetic");
  EXPECT_TRUE(db.meta("codelists_hash"));
}

TEST(Database, MovedDatabaseStaysUsable) {
  Database a = Database::open(fresh_db("move_a"), Database::Mode::CreateIfMissing);
  Database b = std::move(a);
  EXPECT_EQ(b.schema_version(), kSchemaVersion);
  Database c = Database::open(fresh_db("move_c"), Database::Mode::CreateIfMissing);
  c = std::move(b);
  EXPECT_EQ(c.schema_version(), kSchemaVersion);
}
