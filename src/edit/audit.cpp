#include "edit/audit.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <mutex>

#include "edit/sha256.h"

namespace secmap::edit {

namespace {

std::mutex analyst_mutex;
std::string configured_analyst;

// Canonical form hashed for a row: every field in a fixed order, length-prefixed so that no two
// different rows serialise alike; NULL is "-" (distinct from the empty string "0:").
void put(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}
void put_opt(std::string& out, const std::optional<std::string>& v) {
  if (v)
    put(out, std::string_view(*v));
  else
    out += "-;";
}

std::string row_hash(int64_t id, std::string_view at, std::string_view who, std::string_view action,
                     std::string_view table, std::optional<int64_t> row_id,
                     const std::optional<std::string>& before,
                     const std::optional<std::string>& after, std::string_view prev_hash) {
  std::string s = "secmap-audit-v1;";
  put(s, std::to_string(id));
  put(s, at);
  put(s, who);
  put(s, action);
  put(s, table);
  put_opt(s, row_id ? std::optional<std::string>(std::to_string(*row_id)) : std::nullopt);
  put_opt(s, before);
  put_opt(s, after);
  put(s, prev_hash);
  return sha256_hex(s);
}

std::optional<std::string> opt(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The chain's tail: (last id, last hash), or (0, genesis) for an empty trail.
std::pair<int64_t, std::string> chain_tail(store::Database& db) {
  return store::last_audit_row(db).value_or(std::pair<int64_t, std::string>{0, kGenesisHash});
}

}  // namespace

void set_configured_analyst(std::string name) {
  std::lock_guard lock(analyst_mutex);
  configured_analyst = std::move(name);
}

std::string current_analyst() {
  if (const char* env = std::getenv("SECMAP_ANALYST"); env && *env) return env;
  {
    std::lock_guard lock(analyst_mutex);
    if (!configured_analyst.empty()) return configured_analyst;
  }
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user && *user) return user;
  return "uid:" + std::to_string(geteuid());
}

std::string utc_now_iso() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void append_audit(store::Database& db, const AuditEntry& entry, std::string_view who) {
  AuditAppender appender(db, who);
  appender.append(entry);
}

AuditAppender::AuditAppender(store::Database& db, std::string_view who)
    : insert_(db), who_(who.empty() ? current_analyst() : std::string(who)), at_(utc_now_iso()) {
  std::tie(last_id_, last_hash_) = chain_tail(db);
}

AuditAppender::~AuditAppender() = default;

void AuditAppender::append(const AuditEntry& e) {
  const int64_t id = last_id_ + 1;
  std::string hash = row_hash(id, at_, who_, e.action, e.table_name, e.row_id, opt(e.before_json),
                              opt(e.after_json), last_hash_);
  insert_.insert({id, at_, who_, e.action, e.table_name, e.row_id, opt(e.before_json),
                  opt(e.after_json), last_hash_, hash});
  last_id_ = id;
  last_hash_ = std::move(hash);
  ++appended_;
}

AuditVerify verify_audit(store::Database& db) {
  AuditVerify v;
  std::string prev(kGenesisHash);
  int64_t prev_id = 0;
  // The first broken link is the answer; rows after it are read but neither counted nor hashed.
  store::read_audit_rows(db, {}, [&](AuditRecord&& r) {
    if (!v.ok) return;
    ++v.rows;
    auto fail = [&](std::string why) {
      v.ok = false;
      v.first_bad_id = r.id;
      v.reason = std::move(why);
    };
    if (r.id != prev_id + 1)
      return fail("row ids jump from " + std::to_string(prev_id) + " to " + std::to_string(r.id) +
                  " (rows removed)");
    if (r.prev_hash != prev)
      return fail("prev_hash does not match the hash of row " + std::to_string(prev_id) +
                  " (a row before it was changed or removed)");
    const std::string expect = row_hash(r.id, r.at, r.who, r.action, r.table_name, r.row_id,
                                        r.before_json, r.after_json, r.prev_hash);
    if (expect != r.hash)
      return fail("hash does not match the row's contents (the row was changed)");
    prev = r.hash;
    prev_id = r.id;
  });
  return v;
}

std::vector<AuditRecord> audit_log(store::Database& db, const AuditFilter& f) {
  std::vector<AuditRecord> out;
  store::read_audit_rows(db, f, [&](AuditRecord&& r) { out.push_back(std::move(r)); });
  return out;
}

std::vector<AuditRecord> record_history(store::Database& db, std::string_view table,
                                        int64_t row_id) {
  AuditFilter f;
  f.table = std::string(table);
  f.row_id = row_id;
  return audit_log(db, f);
}

}  // namespace secmap::edit
