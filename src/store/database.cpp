#include "store/database.h"

// sqlite3.h must precede spatialite.h, which uses its types.
// clang-format off
#include <sqlite3.h>
#include <spatialite.h>
// clang-format on

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <utility>

#include <unistd.h>

#include "store/sqlite_error.h"

namespace secmap::store {

using detail::throw_sqlite;

namespace {

// What an existing file holds, read before SpatiaLite or WAL touch it.
struct Identity {
  int32_t application_id = 0;
  int user_version = 0;
  int64_t objects = 0;  // entries in sqlite_master
};

// Reads the header pragmas; SQLITE_NOTADB here means the file is not SQLite at all.
Identity identify(sqlite3* db, const std::filesystem::path& path) {
  Identity id;
  auto read_int = [&](const char* sql) -> int64_t {
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
    int64_t v = 0;
    if (rc == SQLITE_OK) {
      rc = sqlite3_step(st);
      if (rc == SQLITE_ROW) v = sqlite3_column_int64(st, 0), rc = SQLITE_OK;
    }
    const int ext = sqlite3_extended_errcode(db);
    sqlite3_finalize(st);
    if (rc == SQLITE_NOTADB || (ext & 0xff) == SQLITE_NOTADB)
      throw StoreError(path.string() + " is not a secmap database (not an SQLite file)");
    if (rc != SQLITE_OK) throw_sqlite(db, sql);
    return v;
  };
  id.objects = read_int("SELECT count(*) FROM sqlite_master");
  id.application_id = static_cast<int32_t>(read_int("PRAGMA application_id"));
  id.user_version = static_cast<int>(read_int("PRAGMA user_version"));
  return id;
}

// Whether this process can write the file and create its -wal/-shm files beside it.
bool writable_in_place(const std::filesystem::path& path) {
  std::filesystem::path folder = path.parent_path();
  if (folder.empty()) folder = ".";
  return ::access(path.c_str(), W_OK) == 0 && ::access(folder.c_str(), W_OK) == 0;
}

bool has_unread_wal(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path.string() + "-wal", ec);
  return !ec && size > 0;
}

// "file:" URI for a read-only open; every byte outside the unreserved set is percent-encoded so
// that '?', '#' and '%' in a folder name stay part of the path.
std::string sqlite_uri(const std::filesystem::path& path, bool immutable) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  return uri + (immutable ? "?mode=ro&immutable=1" : "?mode=ro");
}

void pragma(sqlite3* db, const char* sql) {
  if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw_sqlite(db, sql);
}

// Switching a new file to WAL needs the file to itself; SQLite reports BUSY at once, without the
// busy handler, while another process is creating the same database, so it is retried here.
void use_wal(sqlite3* db, double timeout_s) {
  const auto since = std::chrono::steady_clock::now();
  for (;;) {
    const int rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_OK) return;
    const double waited =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
    if ((rc & 0xff) != SQLITE_BUSY || waited >= timeout_s)
      throw_sqlite(db, "PRAGMA journal_mode=WAL");
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

bool iequals_prefix(std::string_view name, std::string_view prefix) {
  if (name.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(name[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// SpatiaLite's own metadata and index tables, by name prefix (case-insensitive).
bool is_spatialite_table(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kPrefixes = {"geometry_columns",
                                                                 "spatial_ref_sys",
                                                                 "spatialite_history",
                                                                 "sql_statements_log",
                                                                 "views_geometry_columns",
                                                                 "virts_geometry_columns",
                                                                 "idx_",
                                                                 "SpatialIndex",
                                                                 "ElementaryGeometries",
                                                                 "KNN",
                                                                 "data_licenses",
                                                                 "raster_coverages",
                                                                 "vector_coverages",
                                                                 "wms_",
                                                                 "SE_",
                                                                 "rl2map_configurations",
                                                                 "topologies",
                                                                 "networks",
                                                                 "stored_procedures",
                                                                 "stored_variables",
                                                                 "ISO_metadata",
                                                                 "vector_layers"};
  return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                     [&](std::string_view p) { return iequals_prefix(name, p); });
}

}  // namespace

namespace detail {

struct BusyWait {
  std::string path;
  double timeout_s = 120;
  std::chrono::steady_clock::time_point since{};
  double said_at = 0;  // seconds into this wait of the last line on stderr
};

namespace {

// SQLite calls this while another connection holds the lock; 0 gives up (SQLITE_BUSY).
int busy_wait(void* ctx, int count) {
  auto* w = static_cast<BusyWait*>(ctx);
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) w->since = now, w->said_at = 0;
  const double waited = std::chrono::duration<double>(now - w->since).count();
  if (waited >= w->timeout_s) return 0;
  if (waited >= 1 && waited - w->said_at >= 5) {
    std::fprintf(stderr,
                 "secmap: %s đang bận / is busy: another program is writing to it; waiting "
                 "(%.0f of %.0f s) …\n",
                 w->path.c_str(), waited, w->timeout_s);
    w->said_at = waited;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(count < 20 ? 5 : 50));
  return 1;
}

}  // namespace
}  // namespace detail

double busy_timeout_seconds() {
  if (const char* env = std::getenv("SECMAP_BUSY_TIMEOUT_S"); env && *env) {
    char* end = nullptr;
    const double v = std::strtod(env, &end);
    if (end && *end == '\0' && v >= 0) return v;
  }
  return 120;
}

Database::Database(sqlite3* db, std::filesystem::path path, void* spatialite_cache)
    : db_(db), spatialite_cache_(spatialite_cache), path_(std::move(path)) {}

Database::Database(Database&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)),
      spatialite_cache_(std::exchange(o.spatialite_cache_, nullptr)),
      path_(std::move(o.path_)),
      busy_(std::move(o.busy_)) {}

Database& Database::operator=(Database&& o) noexcept {
  if (this != &o) {
    Database tmp(std::move(*this));  // closes our current handle on scope exit
    db_ = std::exchange(o.db_, nullptr);
    spatialite_cache_ = std::exchange(o.spatialite_cache_, nullptr);
    path_ = std::move(o.path_);
    busy_ = std::move(o.busy_);
  }
  return *this;
}

Database::~Database() {
  if (db_) {
    // Every Statement is RAII, so a plain close succeeds; if one leaked, close_v2 defers the
    // close and the SpatiaLite cache must then outlive it, so it is not freed.
    if (sqlite3_close(db_) != SQLITE_OK) {
      sqlite3_close_v2(db_);
      spatialite_cache_ = nullptr;
    }
  }
  if (spatialite_cache_) spatialite_cleanup_ex(spatialite_cache_);
}

Database Database::open(const std::filesystem::path& path, Mode mode) {
  std::error_code ec;
  if (mode == Mode::OpenExisting && !std::filesystem::exists(path, ec))
    throw StoreError("database " + path.string() + " does not exist");
  if (std::filesystem::is_directory(path, ec))
    throw StoreError(path.string() + " is a directory, not a secmap database");
  // An empty file is not a database to open (SQLite would quietly make one of it): a
  // mistyped name or a failed copy must not turn into an empty map.
  if (mode == Mode::OpenExisting && std::filesystem::is_regular_file(path, ec) &&
      std::filesystem::file_size(path, ec) == 0 && !ec)
    throw StoreError(path.string() +
                     " is empty (0 bytes), not a secmap database; a new database is made by "
                     "`secmap demo`, by `secmap import` into a new path, or in the window");

  // A database on a read-only medium or in a folder we cannot write (a CD, a shared folder
  // mounted read-only) is still read: WAL then needs no -shm file only when SQLite is told the
  // file cannot change (immutable), which holds when nobody can write next to it.
  const bool read_only = mode == Mode::OpenExisting && !writable_in_place(path);
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path.string();
  if (read_only) {
    flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    if (has_unread_wal(path))
      throw StoreError(path.string() + " is read-only here and has changes still in " +
                       path.filename().string() +
                       "-wal that only a writable copy can read; copy the database with its "
                       "-wal file to a folder you can write to");
    name = sqlite_uri(path, !std::filesystem::exists(path.string() + "-shm", ec));
  } else {
    flags |= SQLITE_OPEN_READWRITE;
    if (mode == Mode::CreateIfMissing) flags |= SQLITE_OPEN_CREATE;
  }
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(name.c_str(), &raw, flags, nullptr);
  Database db(raw, path, nullptr);  // owns raw from here, even on failure
  if (rc != SQLITE_OK)
    throw StoreError("cannot open database " + path.string() + ": " +
                     (raw ? sqlite3_errmsg(raw) : "out of memory"));
  sqlite3_extended_result_codes(raw, 1);
  // Waiting starts before the first read: another process may be creating the schema of this
  // very file, and a read then must wait for it, not fail.
  db.busy_ = std::make_unique<detail::BusyWait>();
  db.busy_->path = path.string();
  db.busy_->timeout_s = busy_timeout_seconds();
  sqlite3_busy_handler(raw, &detail::busy_wait, db.busy_.get());

  const Identity id = identify(raw, path);
  if (id.application_id != kApplicationId && id.objects > 0)
    throw StoreError(path.string() + " is not a secmap database (application_id " +
                     std::to_string(id.application_id) + ", expected " +
                     std::to_string(kApplicationId) + ")");
  if (id.user_version > kSchemaVersion)
    throw StoreError(path.string() + " was written by a newer secmap (schema v" +
                     std::to_string(id.user_version) + "; this build reads up to v" +
                     std::to_string(kSchemaVersion) + ")");

  static std::once_flag spatialite_once;
  std::call_once(spatialite_once, [] { spatialite_initialize(); });
  db.spatialite_cache_ = spatialite_alloc_connection();
  spatialite_init_ex(raw, db.spatialite_cache_, 0);

  if (!read_only) use_wal(raw, db.busy_->timeout_s);
  pragma(raw, "PRAGMA foreign_keys=ON");
  db.migrate();
  return db;
}

void Database::exec(std::string_view sql) {
  // sqlite3_exec needs a terminated string.
  const std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    sqlite3_free(err);
    throw_sqlite(db_, sql);
  }
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &st, nullptr) != SQLITE_OK)
    throw_sqlite(db_, sql);
  if (!st) throw StoreError("empty SQL statement: " + detail::sql_snippet(sql));
  return Statement(db_, st);
}

std::optional<int64_t> Database::query_int(std::string_view sql) {
  Statement st = prepare(sql);
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return st.column_int(0);
}

std::optional<std::string> Database::query_text(std::string_view sql) {
  Statement st = prepare(sql);
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return st.column_text(0);
}

int Database::schema_version() {
  return static_cast<int>(query_int("PRAGMA user_version").value_or(0));
}

int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}

int Database::changes() const {
  return sqlite3_changes(db_);
}

void Database::set_meta(std::string_view key, std::string_view value) {
  prepare(
      "INSERT INTO meta(key, value) VALUES(?1, ?2) "
      "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .run();
}

std::optional<std::string> Database::meta(std::string_view key) {
  Statement st = prepare("SELECT value FROM meta WHERE key = ?1");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.column_text(0);
}

std::vector<std::string> Database::user_tables() {
  std::vector<std::string> out;
  Statement st = prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
      "ESCAPE '\\' ORDER BY name");
  while (st.step()) {
    std::string name = st.column_text(0);
    if (!is_spatialite_table(name)) out.push_back(std::move(name));
  }
  return out;
}

int64_t Database::count_rows(std::string_view table) {
  std::string quoted = "\"";
  for (char ch : table) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return query_int("SELECT count(*) FROM " + quoted + "\"").value_or(0);
}

Transaction::Transaction(Database& db) : db_(db) {
  db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (done_) return;
  // A failed COMMIT may already have ended the transaction; only roll back if one is open.
  if (!sqlite3_get_autocommit(db_.handle()))
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  db_.exec("COMMIT");
  done_ = true;
}

}  // namespace secmap::store
