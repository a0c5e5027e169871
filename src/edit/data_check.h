// Whether the data is what its audit trail says: every row of an editable table equals the
// "after" snapshot of its last audit row. A row changed, added or deleted by another program
// (sqlite3, a script) bypasses the writer and leaves no audit row; this is how it is found.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::edit {

struct DataDifference {
  std::string table;
  int64_t id = 0;
  enum class Kind { Changed, Added, Deleted, Restored } kind = Kind::Changed;
  std::vector<std::string> columns;  // Changed: the columns that differ from the trail
};

struct DataCheck {
  size_t rows_checked = 0;
  size_t demo_rows = 0;  // rows the demo generator wrote (marked is_demo, never audited)
  std::vector<DataDifference> differences;
  bool ok() const { return differences.empty(); }
};

// Compares every editable table with the trail. Columns a later schema added (absent from an
// old snapshot) are not compared.
DataCheck verify_data(store::Database& db);

// "incidents #12: changed outside secmap (description, geom)".
std::string describe(const DataDifference& d);

}  // namespace secmap::edit
