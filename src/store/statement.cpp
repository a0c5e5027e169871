#include <sqlite3.h>

#include <utility>

#include "store/database.h"
#include "store/sqlite_error.h"

namespace secmap::store {

using detail::throw_sqlite;

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

Statement::Statement(Statement&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(o.db_, nullptr);
    stmt_ = std::exchange(o.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

namespace {
std::string_view sql_of(sqlite3_stmt* stmt) {
  const char* s = sqlite3_sql(stmt);
  return s ? std::string_view(s) : std::string_view();
}
void check_bind(sqlite3* db, sqlite3_stmt* stmt, int rc) {
  if (rc != SQLITE_OK) throw_sqlite(db, sql_of(stmt));
}
}  // namespace

Statement& Statement::bind(int index, int64_t v) {
  check_bind(db_, stmt_, sqlite3_bind_int64(stmt_, index, v));
  return *this;
}

Statement& Statement::bind(int index, double v) {
  check_bind(db_, stmt_, sqlite3_bind_double(stmt_, index, v));
  return *this;
}

Statement& Statement::bind(int index, std::string_view v) {
  // SQLITE_TRANSIENT: callers often pass temporaries; SQLite copies the text.
  check_bind(db_, stmt_,
             sqlite3_bind_text64(stmt_, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind_blob(int index, const void* data, size_t size) {
  check_bind(db_, stmt_, sqlite3_bind_blob64(stmt_, index, data, size, SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::bind_null(int index) {
  check_bind(db_, stmt_, sqlite3_bind_null(stmt_, index));
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // Keep the message before reset so the error names the real cause, then leave the statement
  // reusable.
  try {
    throw_sqlite(db_, sql_of(stmt_));
  } catch (...) {
    sqlite3_reset(stmt_);
    throw;
  }
}

void Statement::run() {
  while (step()) {
  }
  // Reset (bindings are kept) so the next bind/run cycle of a loop works without a reset call.
  sqlite3_reset(stmt_);
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int Statement::column_count() const {
  return sqlite3_column_count(stmt_);
}

std::string Statement::column_name(int col) const {
  const char* n = sqlite3_column_name(stmt_, col);
  return n ? n : "";
}

bool Statement::is_null(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int64_t Statement::column_int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

double Statement::column_double(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string Statement::column_text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::vector<uint8_t> Statement::column_blob(int col) const {
  size_t size = 0;
  const uint8_t* p = column_blob_data(col, &size);
  return p ? std::vector<uint8_t>(p, p + size) : std::vector<uint8_t>{};
}

const uint8_t* Statement::column_blob_data(int col, size_t* size) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  *size = p ? static_cast<size_t>(sqlite3_column_bytes(stmt_, col)) : 0;
  return static_cast<const uint8_t*>(p);
}

}  // namespace secmap::store
