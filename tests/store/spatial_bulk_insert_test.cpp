// Bulk inserts must leave the spatial index exactly as the per-row triggers would.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/spatial_bulk_insert.h"
#include "test_support.h"

namespace secmap::store {
namespace {

int64_t count(Database& db, const std::string& sql) {
  return db.query_int(sql).value_or(-1);
}

void insert_points(Database& db, int from, int n) {
  auto st = db.prepare(
      "INSERT INTO incidents(category, occurred_at, geom) VALUES ('SO-06', '2025-01-01', "
      "MakePoint(?, ?, 4326))");
  for (int i = from; i < from + n; ++i) {
    st.bind(1, 103.0 + 0.001 * i).bind(2, 22.0 + 0.0005 * i).run();
    st.reset();
  }
}

TEST(SpatialBulkInsert, IndexesNewRowsAndRestoresTriggers) {
  auto dir = test::scratch_dir("bulk_insert");
  auto db = Database::open(dir / "a.sqlite", Database::Mode::CreateIfMissing);
  insert_points(db, 0, 10);  // indexed by the triggers
  const auto triggers = count(db, "SELECT count(*) FROM sqlite_master WHERE type='trigger'");
  {
    Transaction tx(db);
    SpatialBulkInsert bulk(db, "incidents");
    EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE name='gii_incidents_geom'"), 0);
    insert_points(db, 10, 500);
    EXPECT_EQ(count(db, "SELECT count(*) FROM idx_incidents_geom"), 10);
    bulk.finish();
    tx.commit();
  }
  EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"), triggers);
  EXPECT_EQ(count(db, "SELECT count(*) FROM idx_incidents_geom"), 510);
  // Every indexed box contains its point, as RTreeAlign would have written it.
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM incidents i JOIN idx_incidents_geom r ON r.pkid = i.id "
                  "WHERE r.xmin <= ST_X(i.geom) AND r.xmax >= ST_X(i.geom) "
                  "AND r.ymin <= ST_Y(i.geom) AND r.ymax >= ST_Y(i.geom)"),
            510);
  // Later single inserts are indexed by the restored trigger.
  insert_points(db, 510, 1);
  EXPECT_EQ(count(db, "SELECT count(*) FROM idx_incidents_geom"), 511);
}

TEST(SpatialBulkInsert, RollbackLeavesTriggersAndIndexAsBefore) {
  auto dir = test::scratch_dir("bulk_insert_rollback");
  auto db = Database::open(dir / "a.sqlite", Database::Mode::CreateIfMissing);
  insert_points(db, 0, 5);
  const auto triggers = count(db, "SELECT count(*) FROM sqlite_master WHERE type='trigger'");
  {
    Transaction tx(db);
    SpatialBulkInsert bulk(db, "incidents");
    insert_points(db, 5, 50);
  }  // no commit
  EXPECT_EQ(count(db, "SELECT count(*) FROM sqlite_master WHERE type='trigger'"), triggers);
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents"), 5);
  EXPECT_EQ(count(db, "SELECT count(*) FROM idx_incidents_geom"), 5);
}

}  // namespace
}  // namespace secmap::store
