// The audit trail's head kept outside the database: a receipt (`secmap audit DB receipt`) an
// office files or prints. The hash chain alone cannot show rows cut from its end, an emptied
// table, or a forged row with every later hash recomputed; checked against a receipt, each of
// these is found: the row the receipt names must still be there, with the same hash.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace secmap::edit {

struct AuditHead {
  int64_t last_id = 0;  // 0: the trail was empty
  std::string hash;     // that row's hash
  std::string at;       // when that row was written
};

AuditHead audit_head(store::Database& db);

// A few lines of text: what the receipt is, the database's file name, the head.
std::string format_receipt(const AuditHead& head, const std::string& database);
// The head in a receipt's text, or nullopt when the text is not a receipt.
std::optional<AuditHead> parse_receipt(const std::string& text);

struct ReceiptCheck {
  bool ok = true;
  std::string reason;  // what is wrong: rows cut from the end, the named row rewritten …
};
// Whether the trail still holds the receipt's row unchanged (rows may have been added since).
ReceiptCheck check_receipt(store::Database& db, const AuditHead& receipt);

}  // namespace secmap::edit
