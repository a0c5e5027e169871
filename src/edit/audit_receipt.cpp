#include "edit/audit_receipt.h"

#include <sstream>

#include "store/audit_log.h"

namespace secmap::edit {

namespace {

constexpr const char* kFirstLine = "secmap audit receipt";

}  // namespace

AuditHead audit_head(store::Database& db) {
  AuditHead h;
  if (auto last = store::last_audit_row(db)) {
    h.last_id = last->first;
    h.hash = last->second;
    store::AuditQuery q;
    store::read_audit_rows(db, q, [&](store::AuditRow&& r) {
      if (r.id == h.last_id) h.at = r.at;
    });
  }
  return h;
}

std::string format_receipt(const AuditHead& head, const std::string& database) {
  std::ostringstream out;
  out << kFirstLine << "\n"
      << "database: " << database << "\n"
      << "last_id: " << head.last_id << "\n"
      << "hash: " << head.hash << "\n"
      << "at: " << head.at << "\n";
  return out.str();
}

std::optional<AuditHead> parse_receipt(const std::string& text) {
  std::istringstream in(text);
  std::string line;
  if (!std::getline(in, line) || line != kFirstLine) return std::nullopt;
  AuditHead h;
  bool has_id = false, has_hash = false;
  while (std::getline(in, line)) {
    const size_t colon = line.find(": ");
    if (colon == std::string::npos) continue;
    const std::string key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "last_id") {
      try {
        h.last_id = std::stoll(value);
        has_id = true;
      } catch (const std::exception&) {
        return std::nullopt;
      }
    } else if (key == "hash") {
      h.hash = value;
      has_hash = true;
    } else if (key == "at") {
      h.at = value;
    }
  }
  if (!has_id || (h.last_id > 0 && !has_hash)) return std::nullopt;
  return h;
}

ReceiptCheck check_receipt(store::Database& db, const AuditHead& receipt) {
  ReceiptCheck c;
  if (receipt.last_id == 0) return c;  // nothing to lose yet when it was taken
  const auto last = store::last_audit_row(db);
  if (!last || last->first < receipt.last_id) {
    c.ok = false;
    c.reason = "the trail ends at row " + std::to_string(last ? last->first : 0) +
               ", but the receipt names row " + std::to_string(receipt.last_id) + " (" +
               receipt.at + "): rows were cut from its end" +
               (last ? std::string() : std::string(" (the trail is empty)"));
    return c;
  }
  std::optional<std::string> hash;
  store::AuditQuery q;
  store::read_audit_rows(db, q, [&](store::AuditRow&& r) {
    if (r.id == receipt.last_id) hash = r.hash;
  });
  if (!hash) {
    c.ok = false;
    c.reason = "row " + std::to_string(receipt.last_id) + " the receipt names is missing";
  } else if (*hash != receipt.hash) {
    c.ok = false;
    c.reason = "row " + std::to_string(receipt.last_id) +
               " has another hash than the receipt's: the trail was rewritten up to it";
  }
  return c;
}

}  // namespace secmap::edit
