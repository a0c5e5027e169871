// The history of a record as a person reads it: each audited change (who, when, what was done)
// with the fields it changed, before and after. Identify shows it; it is read from the audit
// trail, so it covers edits made in the window, by `secmap edit`, by imports and by undo/redo.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace secmap::edit {

struct FieldChange {
  std::string field;          // column name; "geom" for the location or line
  std::string before, after;  // as text; "" for none (NULL, or the row did not exist)
};

struct HistoryEntry {
  int64_t audit_id = 0;
  std::string at, who, action;  // action: insert | update | delete | import | …
  std::string table;
  int64_t row_id = 0;
  std::vector<FieldChange> changes;  // columns that differ, in column order of the JSON
};

// The changes between two audit JSON snapshots (either may be empty: no row). Bookkeeping keys
// (id, version, updated_at, updated_by) are left out.
std::vector<FieldChange> snapshot_changes(std::string_view before_json,
                                          std::string_view after_json);

// One record's history, oldest first.
std::vector<HistoryEntry> record_changes(store::Database& db, std::string_view table,
                                         int64_t row_id);
// Every status period of a commune as audited (commune_status rows with this commune_code,
// including ones later removed), oldest first.
std::vector<HistoryEntry> commune_status_changes(store::Database& db,
                                                 std::string_view commune_code);

// The highest audit id, 0 when the trail is empty: a cheap "has anything changed" stamp.
int64_t last_audit_id(store::Database& db);

}  // namespace secmap::edit
