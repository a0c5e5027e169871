// Internal to src/store: turns an sqlite3 failure into a StoreError that names the database
// file, SQLite's message and the SQL that failed.
#pragma once
#include <sqlite3.h>

#include <string>
#include <string_view>

#include "store/database.h"

namespace secmap::store::detail {

// At most the first ~160 characters of an SQL text, on one line, for error messages.
std::string sql_snippet(std::string_view sql);

// "<file>: <sqlite3_errmsg> (in: <sql snippet>)".
[[noreturn]] void throw_sqlite(sqlite3* db, std::string_view sql);

}  // namespace secmap::store::detail
