// The audit_log table as stored: rows appended and read back. What a row means (the hash chain,
// who the analyst is, the JSON snapshots) is edit/audit's; this is only where its SQL lives.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "store/database.h"

namespace secmap::store {

// One row of audit_log.
struct AuditRow {
  int64_t id = 0;
  std::string at, who, action, table_name;
  std::optional<int64_t> row_id;
  std::optional<std::string> before_json, after_json;
  std::string prev_hash, hash;
};

struct AuditQuery {
  std::optional<std::string> since;  // ISO date or date-time; rows with at >= since
  std::optional<std::string> table;
  std::optional<int64_t> row_id;
  // Rows whose before or after snapshot has this key (a column name) with this value (a status
  // period moved to another commune is found under both communes).
  std::optional<std::pair<std::string, std::string>> snapshot_field;
  size_t limit = 0;  // 0 = all
};
// Rows matching the query, oldest first.
void read_audit_rows(Database& db, const AuditQuery& q,
                     const std::function<void(AuditRow&&)>& each);
// The last row's id and hash, or nullopt for an empty trail.
std::optional<std::pair<int64_t, std::string>> last_audit_row(Database& db);
// The highest audit id, 0 when the trail is empty.
int64_t max_audit_id(Database& db);

// Appends rows with one prepared statement (many in one transaction for a bulk import).
class AuditRowWriter {
 public:
  explicit AuditRowWriter(Database& db);
  void insert(const AuditRow& row);

 private:
  Statement insert_;
};

}  // namespace secmap::store
