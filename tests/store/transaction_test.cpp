// Transactions, statements, geometry storage and the append-only audit log.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/database.h"
#include "test_support.h"

using secmap::store::Database;
using secmap::store::StoreError;
using secmap::store::Transaction;

namespace {

Database fresh(const std::string& test) {
  return Database::open(secmap::test::scratch_dir("store_" + test) / "secmap.db",
                        Database::Mode::CreateIfMissing);
}

// Little-endian WKB for POINT(x y).
std::vector<uint8_t> wkb_point(double x, double y) {
  std::vector<uint8_t> out = {1, 1, 0, 0, 0};
  auto put = [&](double v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof v);
  };
  put(x);
  put(y);
  return out;
}

}  // namespace

TEST(Transaction, RollbackLeavesTablesUnchanged) {
  Database db = fresh("rollback");
  {
    Transaction tx(db);
    db.exec(
        "INSERT INTO campaigns(code, name, date_from, date_to) "
        "VALUES ('x', 'x', '2025-01-01', '2025-01-02')");
    EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns"), 1);
  }  // no commit
  EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns"), 0);
}

TEST(Transaction, RollbackOnException) {
  Database db = fresh("rollback_throw");
  try {
    Transaction tx(db);
    db.exec(
        "INSERT INTO campaigns(code, name, date_from, date_to) "
        "VALUES ('a', 'a', '2025-01-01', '2025-01-02')");
    db.exec(
        "INSERT INTO campaigns(code, name, date_from, date_to) "
        "VALUES ('a', 'dup', '2025-01-01', '2025-01-02')");
    tx.commit();
    FAIL() << "duplicate code accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("UNIQUE"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("INSERT INTO campaigns"), std::string::npos) << e.what();
  }
  EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns"), 0);
}

TEST(Transaction, CommitKeepsRows) {
  Database db = fresh("commit");
  Transaction tx(db);
  db.exec(
      "INSERT INTO campaigns(code, name, date_from, date_to) "
      "VALUES ('b', 'b', '2025-01-01', '2025-01-02')");
  tx.commit();
  EXPECT_EQ(db.query_int("SELECT count(*) FROM campaigns"), 1);
}

TEST(Statement, BindStepAndColumns) {
  Database db = fresh("statement");
  auto ins = db.prepare(
      "INSERT INTO communes(code, name, population, area_km2, source) VALUES (?1, ?2, ?3, ?4, ?5)");
  for (int i = 0; i < 3; ++i) {
    ins.bind(1, "0" + std::to_string(i))
        .bind(2, std::string("Xã Bản Lầu ") + std::to_string(i))
        .bind(3, int64_t{1000} + i)
        .bind(4, 12.5 * i)
        .bind(5, std::optional<std::string>{});
    ins.run();  // run() resets, so the loop rebinds without reset()
  }
  EXPECT_EQ(db.changes(), 1);
  auto q =
      db.prepare("SELECT code, name, population, area_km2, source FROM communes ORDER BY code");
  int n = 0;
  while (q.step()) {
    EXPECT_EQ(q.column_count(), 5);
    EXPECT_EQ(q.column_name(1), "name");
    EXPECT_EQ(q.column_text(0), "0" + std::to_string(n));
    EXPECT_EQ(q.column_int(2), 1000 + n);
    EXPECT_DOUBLE_EQ(q.column_double(3), 12.5 * n);
    EXPECT_TRUE(q.is_null(4));
    EXPECT_EQ(q.column_text(4), "");
    ++n;
  }
  EXPECT_EQ(n, 3);
}

TEST(Statement, ErrorsNameTheSql) {
  Database db = fresh("errors");
  try {
    db.prepare("SELECT nope FROM communes");
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("no such column: nope"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("SELECT nope FROM communes"), std::string::npos);
  }
  EXPECT_THROW(db.exec("INSERT INTO incidents(category, occurred_at) VALUES ('XX-99', '2025')"),
               StoreError);  // foreign key to incident_categories
}

TEST(Geometry, InsertFromWkbAndSpatialIndex) {
  Database db = fresh("geometry");
  const auto wkb = wkb_point(104.108, 22.640);
  auto st = db.prepare(
      "INSERT INTO incidents(category, occurred_at, geom) "
      "VALUES ('DR-01', '2025-01-10T08:00:00', GeomFromWKB(?1, 4326))");
  st.bind_blob(1, wkb.data(), wkb.size()).run();
  EXPECT_EQ(db.query_text("SELECT AsText(geom) FROM incidents"), "POINT(104.108 22.64)");
  EXPECT_EQ(db.query_int("SELECT SRID(geom) FROM incidents"), 4326);
  EXPECT_EQ(db.query_int("SELECT spatial_index_enabled FROM geometry_columns "
                         "WHERE f_table_name = 'incidents'"),
            1);
  // The R*Tree is filled by SpatiaLite's triggers.
  EXPECT_EQ(db.query_int("SELECT count(*) FROM SpatialIndex WHERE f_table_name = 'incidents' "
                         "AND search_frame = BuildMbr(104, 22, 105, 23)"),
            1);
  auto blob = db.prepare("SELECT AsBinary(geom) FROM incidents");
  ASSERT_TRUE(blob.step());
  EXPECT_EQ(blob.column_blob(0), wkb);
  // A geometry of the wrong type is refused by SpatiaLite's triggers.
  EXPECT_THROW(db.exec("INSERT INTO crossings(name, kind, geom) VALUES ('x', 'trail', "
                       "GeomFromText('LINESTRING(104 22, 105 23)', 4326))"),
               StoreError);
}

TEST(AuditLog, IsAppendOnly) {
  Database db = fresh("audit");
  db.exec(
      "INSERT INTO audit_log(at, who, action, table_name, prev_hash, hash) "
      "VALUES ('2025-01-01T00:00:00Z', 'tester', 'insert', 'communes', '', 'h1')");
  try {
    db.exec("UPDATE audit_log SET who = 'someone else'");
    FAIL() << "update allowed";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("append-only"), std::string::npos) << e.what();
  }
  EXPECT_THROW(db.exec("DELETE FROM audit_log"), StoreError);
  EXPECT_EQ(db.query_text("SELECT who FROM audit_log"), "tester");
}
