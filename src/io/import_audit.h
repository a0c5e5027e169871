// The audit rows of one import (action "import"), written in the import's own transaction
// through the hash-chained trail of src/edit: one row per record, with the record as stored,
// for the editable tables (incidents, facilities, …); one row describing the import for the
// reference layers (communes, border).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "edit/audit.h"
#include "edit/tables.h"
#include "store/database.h"

namespace secmap::io {

class ImportAudit {
 public:
  // Construct inside the transaction, before the first row is added.
  ImportAudit(store::Database& db, std::string table, std::string file);
  const std::string& analyst() const { return analyst_; }
  // A row was inserted with this id (ids grow: the rows of one import are a range).
  void row_added(int64_t id);
  // After the last row: one audit row per new record (editable tables), or one row describing
  // the import (reference layers). Returns the number of audit rows written.
  size_t finish(size_t rows_imported);

 private:
  store::Database& db_;
  std::string table_, file_, analyst_;
  const edit::TableSpec* spec_ = nullptr;  // nullptr: not an editable table
  std::optional<edit::AuditAppender> appender_;
  std::optional<int64_t> first_id_, last_id_;
};

}  // namespace secmap::io
