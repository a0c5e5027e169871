#include "store/audit_log.h"

namespace secmap::store {

namespace {

constexpr const char* kColumns =
    "id, at, who, action, table_name, row_id, before_json, after_json, prev_hash, hash";

AuditRow read_row(Statement& st) {
  AuditRow r;
  r.id = st.column_int(0);
  r.at = st.column_text(1);
  r.who = st.column_text(2);
  r.action = st.column_text(3);
  r.table_name = st.column_text(4);
  if (!st.is_null(5)) r.row_id = st.column_int(5);
  if (!st.is_null(6)) r.before_json = st.column_text(6);
  if (!st.is_null(7)) r.after_json = st.column_text(7);
  r.prev_hash = st.column_text(8);
  r.hash = st.column_text(9);
  return r;
}

}  // namespace

void read_audit_rows(Database& db, const AuditQuery& q,
                     const std::function<void(AuditRow&&)>& each) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM audit_log WHERE 1";
  if (q.since) sql += " AND at >= ?1";
  if (q.table) sql += " AND table_name = ?2";
  if (q.row_id) sql += " AND row_id = ?3";
  if (q.snapshot_field)
    sql += " AND (json_extract(after_json, ?4) = ?5 OR json_extract(before_json, ?4) = ?5)";
  sql += " ORDER BY id";
  if (q.limit) sql += " LIMIT " + std::to_string(q.limit);
  Statement st = db.prepare(sql);
  if (q.since) st.bind(1, *q.since);
  if (q.table) st.bind(2, *q.table);
  if (q.row_id) st.bind(3, *q.row_id);
  if (q.snapshot_field) {
    // Quoted in the JSON path, so a key with dots or spaces still names one member (SQLite's
    // paths have no escape for a quote inside).
    const std::string& key = q.snapshot_field->first;
    if (key.find('"') != std::string::npos)
      throw StoreError("audit snapshot key " + key + ": a column name has no '\"'");
    st.bind(4, "$.\"" + key + "\"").bind(5, q.snapshot_field->second);
  }
  while (st.step()) each(read_row(st));
}

std::optional<std::pair<int64_t, std::string>> last_audit_row(Database& db) {
  Statement st = db.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!st.step()) return std::nullopt;
  return std::pair<int64_t, std::string>{st.column_int(0), st.column_text(1)};
}

int64_t max_audit_id(Database& db) {
  return db.query_int("SELECT coalesce(max(id), 0) FROM audit_log").value_or(0);
}

AuditRowWriter::AuditRowWriter(Database& db)
    : insert_(db.prepare(std::string("INSERT INTO audit_log (") + kColumns +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")) {}

void AuditRowWriter::insert(const AuditRow& r) {
  insert_.reset();
  insert_.bind(1, r.id).bind(2, r.at).bind(3, r.who).bind(4, r.action).bind(5, r.table_name);
  insert_.bind(6, r.row_id);
  if (r.before_json)
    insert_.bind(7, *r.before_json);
  else
    insert_.bind_null(7);
  if (r.after_json)
    insert_.bind(8, *r.after_json);
  else
    insert_.bind_null(8);
  insert_.bind(9, r.prev_hash).bind(10, r.hash);
  insert_.run();
}

}  // namespace secmap::store
