#include "store/sqlite_error.h"

#include <cstdio>

#include "store/write_error.h"

namespace secmap::store::detail {

std::string sql_snippet(std::string_view sql) {
  constexpr size_t kMax = 160;
  std::string out;
  bool space = false;
  for (char c : sql) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
    if (out.size() >= kMax) {
      out += "…";
      break;
    }
  }
  return out;
}

void throw_sqlite(sqlite3* db, std::string_view sql) {
  std::string msg;
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  const int code = db ? (sqlite3_extended_errcode(db) & 0xff) : SQLITE_NOMEM;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    char waited[64];
    std::snprintf(waited, sizeof waited, "%.0f", busy_timeout_seconds());
    throw BusyError(std::string(file && *file ? file : "the database") +
                    ": đang bận / busy: another program (an import, an edit in another window) "
                    "is writing to it and did not finish within " +
                    waited +
                    " s ($SECMAP_BUSY_TIMEOUT_S); nothing was written — try again when it has "
                    "finished");
  }
  if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CORRUPT ||
      code == SQLITE_NOMEM || code == SQLITE_CANTOPEN) {
    const char* what = code == SQLITE_FULL      ? "ổ đĩa đầy / the disk is full"
                       : code == SQLITE_NOMEM   ? "hết bộ nhớ / out of memory"
                       : code == SQLITE_CORRUPT ? "tệp hỏng / the database file is damaged"
                                                : "lỗi ghi đĩa / the disk refused a read or write";
    throw WriteError(std::string(file && *file ? file : "the database") + ": " + what + " (" +
                     (db ? sqlite3_errmsg(db) : "out of memory") + ")");
  }
  if (code == SQLITE_READONLY)
    throw StoreError(std::string(file && *file ? file : "the database") +
                     ": chỉ đọc / read-only here (this user cannot write the file or its folder); "
                     "nothing was written");
  if (file && *file) msg = std::string(file) + ": ";
  msg += db ? sqlite3_errmsg(db) : "out of memory";
  if (!sql.empty()) msg += " (in: " + sql_snippet(sql) + ")";
  throw StoreError(msg);
}

}  // namespace secmap::store::detail

namespace secmap::store {

bool in_transaction(Database& db) {
  return sqlite3_get_autocommit(db.handle()) == 0;
}

}  // namespace secmap::store
