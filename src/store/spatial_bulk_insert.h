// Bulk inserts into a table with a SpatiaLite geometry column. SpatiaLite keeps its R*Tree and
// "last insert" timestamp current with per-row triggers, which make row-by-row inserts several
// times slower; this suspends those two triggers for the duration of a bulk insert and then
// indexes the new rows with one statement. Use inside a Transaction: if the transaction rolls
// back, the dropped triggers come back with it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::store {

class SpatialBulkInsert {
 public:
  SpatialBulkInsert(Database& db, std::string table, std::string column = "geom");
  ~SpatialBulkInsert();
  SpatialBulkInsert(const SpatialBulkInsert&) = delete;
  SpatialBulkInsert& operator=(const SpatialBulkInsert&) = delete;

  // Indexes every row added since construction and restores the triggers.
  void finish();

 private:
  void restore_triggers();
  Database& db_;
  std::string table_, column_;
  int64_t first_new_rowid_ = 0;
  std::vector<std::string> trigger_sql_;  // CREATE TRIGGER statements to restore
  bool finished_ = false;
};

}  // namespace secmap::store
