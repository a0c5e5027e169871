// The append-only, hash-chained audit trail (table audit_log): who changed which record when,
// with the record before and after as JSON. Each row's hash covers all its fields and the
// previous row's hash, so changing or removing a row breaks the chain from there on.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/audit_log.h"
#include "store/database.h"

namespace secmap::edit {

// The analyst recorded in the trail: $SECMAP_ANALYST, else the name set with
// set_configured_analyst() (the window's settings), else the OS user.
std::string current_analyst();
void set_configured_analyst(std::string name);

struct AuditEntry {
  std::string action;  // insert | update | delete | import | migrate
  std::string table_name;
  std::optional<int64_t> row_id;
  std::string before_json;  // empty = NULL
  std::string after_json;   // empty = NULL
};

// prev_hash of the first row.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Appends one row. Must run inside the caller's transaction so the row commits or rolls back
// with the change it describes. who empty = current_analyst().
void append_audit(store::Database& db, const AuditEntry& entry, std::string_view who = {});

// Appends many rows in one transaction (bulk import): one prepared statement, the chain's tail
// kept in memory. Construct it inside the transaction; nothing else may append meanwhile.
class AuditAppender {
 public:
  explicit AuditAppender(store::Database& db, std::string_view who = {});
  ~AuditAppender();
  AuditAppender(const AuditAppender&) = delete;
  AuditAppender& operator=(const AuditAppender&) = delete;
  void append(const AuditEntry& entry);
  size_t appended() const { return appended_; }

 private:
  store::AuditRowWriter insert_;
  std::string who_;
  std::string at_;
  int64_t last_id_ = 0;
  std::string last_hash_;
  size_t appended_ = 0;
};

struct AuditVerify {
  bool ok = true;
  int64_t rows = 0;  // rows checked
  std::optional<int64_t> first_bad_id;
  std::string reason;  // what is wrong with first_bad_id
};
// Recomputes every hash in id order and checks each prev_hash links to the row before.
AuditVerify verify_audit(store::Database& db);

// One row of the trail as read back.
using AuditRecord = store::AuditRow;
using AuditFilter = store::AuditQuery;

// Rows matching the filter, oldest first.
std::vector<AuditRecord> audit_log(store::Database& db, const AuditFilter& filter = {});
// The history of one record (for Identify), oldest first.
std::vector<AuditRecord> record_history(store::Database& db, std::string_view table,
                                        int64_t row_id);

// Current UTC time as ISO-8601 "YYYY-MM-DDTHH:MM:SSZ".
std::string utc_now_iso();

}  // namespace secmap::edit
