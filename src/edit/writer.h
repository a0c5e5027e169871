// The one way a record of the database changes. Forms, `secmap edit`, undo/redo, imports and
// slides all write through here: the derived columns are filled (commune from the point,
// sensitivity from the kind), the version is raised, updated_at/updated_by stamped, the row
// written, and one audit row appended whose before/after are row_json of the stored record —
// one format whoever wrote. Every call runs inside the caller's transaction.
//
// Each write returns a ChangeRecord: what the in-memory model applies incrementally and what a
// replica's sync will ship.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "edit/rows.h"
#include "edit/validation.h"
#include "model/record.h"
#include "model/sensitivity.h"
#include "model/tables.h"
#include "store/database.h"

namespace secmap::edit {

using model::ChangeRecord;

// The rows one bulk import added: ids first_id..last_id of table, each with an audit row.
struct BulkChange {
  std::string table;
  int64_t first_id = 0, last_id = 0;
  size_t rows = 0;
  size_t audit_rows = 0;
};

class Writer {
 public:
  // The validator supplies the province (commune of a point) and the code lists (sensitive
  // kinds); it must outlive the writer. Without one the writer serves records that take no
  // commune from a point (slides, segments, communes, campaigns …); derive() throws for others.
  Writer(store::Database& db, const Validator& validator);
  explicit Writer(store::Database& db);

  // Fills the derived columns of a record about to be written: an incident's commune and
  // outside flag from its point; another point record's commune when its point lies in one
  // (outside every commune the given code stays); a crossing of a sensitive kind is sensitive.
  void derive(const model::Table& table, Fields& fields, const std::optional<geo::Geometry>& geom,
              bool geom_changed) const;

  // A new row (row.id 0: the database picks it) at row.version (1 when 0).
  ChangeRecord insert(const model::Table& table, Row row, std::string_view action = "insert");
  // Overwrites the stored row `current` with `next` at current.version + 1. Throws StoreError
  // if the stored version is no longer current.version (the caller holds the write lock).
  ChangeRecord overwrite(const model::Table& table, const Row& current, Row next,
                         std::string_view action = "update");
  // Incidents (soft delete) get deleted = 1; other rows are erased, their last state kept in
  // the audit trail.
  ChangeRecord remove(const model::Table& table, const Row& current);

  // Derived layers (the border's segments) are recomputed, never edited: the rows of table whose
  // column equals value are removed, with one audit row saying how many and why; new rows then
  // come through Bulk. Returns how many were removed.
  size_t clear_derived(const model::Table& table, const std::string& column,
                       const std::string& value, std::string_view reason);

  // Many new rows in one prepared statement (imports). Construct inside the transaction;
  // nothing else may write to the audit trail until finish().
  class Bulk {
   public:
    // columns: the data columns every row gives (others take the schema default).
    Bulk(Writer& writer, const model::Table& table, std::vector<std::string> columns,
         std::string source_file);
    ~Bulk();
    Bulk(const Bulk&) = delete;
    Bulk& operator=(const Bulk&) = delete;
    // Derives, then inserts one row (fields keyed by the columns given); returns its id. A
    // commune_code already in fields (assigned for all points at once with the same rule) is
    // kept. Throws store::StoreError when the database refuses it.
    int64_t add(Fields fields, const std::optional<geo::Geometry>& geom);
    // One audit row per new record, each row_json of the record as stored (editable tables),
    // or one row describing the import (reference layers such as communes and the border).
    BulkChange finish();

   private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };

 private:
  void audit(std::string_view action, const model::Table& table, int64_t id,
             const std::optional<Row>& before, const std::optional<Row>& after);

  // Sensitive kinds: the validator's code lists, or the writer's own, read when first needed.
  const store::CodeLists& codes() const;

  store::Database& db_;
  const Validator* validator_ = nullptr;
  mutable std::optional<store::CodeLists> own_codes_;
};

}  // namespace secmap::edit
