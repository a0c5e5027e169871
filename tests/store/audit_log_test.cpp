// The audit_log table's reads and writes (store/audit_log.h): every filter, NULL snapshots kept
// as NULL, and a snapshot key matched as one JSON member.
#include <gtest/gtest.h>

#include "store/audit_log.h"
#include "test_support.h"

using namespace secmap::store;

namespace {

std::vector<AuditRow> read(Database& db, const AuditQuery& q) {
  std::vector<AuditRow> out;
  read_audit_rows(db, q, [&](AuditRow&& r) { out.push_back(std::move(r)); });
  return out;
}

}  // namespace

TEST(AuditLog, WritesAndReadsRowsWithEveryFilter) {
  const auto path = secmap::test::scratch_dir("store_audit_log") / "a.sqlite";
  std::filesystem::remove(path);
  Database db = Database::open(path, Database::Mode::CreateIfMissing);
  const int64_t base = max_audit_id(db);  // migrations may have audited themselves
  {
    AuditRowWriter w(db);
    w.insert({base + 1, "2025-01-02T03:04:05Z", "an", "insert", "commune_status", 7, std::nullopt,
              R"({"commune_code":"A","a\"b":"q"})", "p1", "h1"});
    w.insert({base + 2, "2025-02-01T00:00:00Z", "bình", "update", "commune_status", 7,
              R"({"commune_code":"A"})", R"({"commune_code":"B"})", "h1", "h2"});
    w.insert({base + 3, "2025-03-01T00:00:00Z", "an", "import", "communes", std::nullopt,
              std::nullopt, R"({"rows":3})", "h2", "h3"});
  }
  EXPECT_EQ(max_audit_id(db), base + 3);
  const auto last = last_audit_row(db);
  ASSERT_TRUE(last);
  EXPECT_EQ(last->first, base + 3);
  EXPECT_EQ(last->second, "h3");

  AuditQuery all;
  all.since = "2025-01-01";
  const auto rows = read(db, all);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].who, "bình");
  EXPECT_FALSE(rows[0].before_json.has_value());
  EXPECT_FALSE(rows[2].row_id.has_value());

  AuditQuery q;
  q.table = "commune_status";
  q.row_id = 7;
  EXPECT_EQ(read(db, q).size(), 2u);
  q.since = "2025-02-01";
  EXPECT_EQ(read(db, q).size(), 1u);

  // A period moved from A to B is found under both communes.
  AuditQuery a, b;
  a.snapshot_field = {"commune_code", "A"};
  b.snapshot_field = {"commune_code", "B"};
  EXPECT_EQ(read(db, a).size(), 2u);
  EXPECT_EQ(read(db, b).size(), 1u);
  AuditQuery dotted;  // a key is one member, never a path
  dotted.snapshot_field = {"rows.x", "3"};
  EXPECT_TRUE(read(db, dotted).empty());
  AuditQuery quoted;
  quoted.snapshot_field = {"a\"b", "q"};
  EXPECT_THROW(read(db, quoted), StoreError);

  AuditQuery limited;
  limited.limit = 1;
  limited.since = "2025-01-01";
  ASSERT_EQ(read(db, limited).size(), 1u);
  EXPECT_EQ(read(db, limited)[0].hash, "h1");
}
