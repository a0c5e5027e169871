// A disk that fills up during an import: the import stops at the first refused write, says the
// disk is full, and leaves the database exactly as it was; no row lands without its audit row.
// The "disk" is SQLite's page limit for the connection (PRAGMA max_page_count), which fails a
// write with SQLITE_FULL just as a full file system does.
#include <gtest/gtest.h>

#include "edit/audit.h"
#include "io_test_util.h"
#include "store/write_error.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

std::string incident_rows(size_t n) {
  std::string csv = "case_number,lon,lat,category,occurred_at,description\n";
  for (size_t i = 0; i < n; ++i)
    csv += "F-" + std::to_string(i) +
           ",104.05,22.05,SO-06,2025-03-01,mô tả khá dài để lấp đầy trang " + std::to_string(i) +
           "\n";
  return csv;
}

TEST(DiskFull, AnImportThatFillsTheDiskWritesNothing) {
  const fs::path dir = test::scratch_dir("disk_full");
  auto db = seeded_db(dir);
  const std::string before = dump_tables(db);
  const auto pages = db.query_int("PRAGMA page_count");
  ASSERT_TRUE(pages);
  // Room for a few hundred rows, not for 20,000.
  db.exec("PRAGMA max_page_count = " + std::to_string(*pages + 60));
  ImportOptions o;
  o.layer = "incidents";
  o.file = dir / "many.csv";
  o.today = "2026-01-01";
  write_file(o.file, incident_rows(20000));
  try {
    import_file(db, o);
    ADD_FAILURE() << "the import fitted in the page limit; the test needs a smaller one";
  } catch (const store::WriteError& e) {
    EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos) << e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not reported as a full disk: " << e.what();
  }
  EXPECT_FALSE(store::in_transaction(db));
  EXPECT_EQ(db.query_int("SELECT count(*) FROM incidents"), 0);
  EXPECT_EQ(dump_tables(db), before) << "a failed import changed the database";
  EXPECT_TRUE(edit::verify_audit(db).ok);
  EXPECT_EQ(db.query_text("PRAGMA integrity_check"), "ok");
  // With room again, the same file imports whole.
  db.exec("PRAGMA max_page_count = 1073741823");
  EXPECT_EQ(import_file(db, o).imported, 20000u);
}

}  // namespace
}  // namespace secmap::io
