// The SpatiaLite store: opening, creating and migrating a secmap database, plus a thin typed
// wrapper over sqlite3 statements. This is the only module that includes sqlite3 or spatialite.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace secmap::store {

// Any failure of the store; the message names the file and what is wrong.
class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Another program held the database's write lock for longer than secmap waits (an import, an
// edit in another window): nothing was written; trying again later will work.
class BusyError : public StoreError {
 public:
  using StoreError::StoreError;
};

// How long a write waits for another writer to finish: $SECMAP_BUSY_TIMEOUT_S seconds, else 120.
// While waiting, a line on stderr says so every few seconds.
double busy_timeout_seconds();

inline constexpr int kSchemaVersion = 3;
// PRAGMA application_id of a secmap database ("SecM").
inline constexpr int32_t kApplicationId = 0x5365634D;

class Statement;
namespace detail {
struct BusyWait;  // the busy handler's state (database.cpp)
}

class Database {
 public:
  enum class Mode { OpenExisting, CreateIfMissing };
  // Opens (and for CreateIfMissing, creates) a database, loads SpatiaLite and migrates it to
  // kSchemaVersion. Throws StoreError for a file that is not a secmap database or is from a newer
  // schema.
  static Database open(const std::filesystem::path& path, Mode mode = Mode::OpenExisting);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more SQL statements with no results.
  void exec(std::string_view sql);
  Statement prepare(std::string_view sql);
  // Value of the first column of the first row, or nullopt.
  std::optional<int64_t> query_int(std::string_view sql);
  std::optional<std::string> query_text(std::string_view sql);

  int schema_version();
  int64_t last_insert_rowid() const;
  int changes() const;
  const std::filesystem::path& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  // meta table
  void set_meta(std::string_view key, std::string_view value);
  std::optional<std::string> meta(std::string_view key);

  // Names of the user tables (excluding SpatiaLite's own), for checks and exports.
  std::vector<std::string> user_tables();
  // Rows in a table (any table name; quoted here).
  int64_t count_rows(std::string_view table);

 private:
  Database(sqlite3* db, std::filesystem::path path, void* spatialite_cache);
  void migrate();
  sqlite3* db_ = nullptr;
  void* spatialite_cache_ = nullptr;
  std::filesystem::path path_;
  std::unique_ptr<detail::BusyWait> busy_;  // stays at one address: the handler holds it
};

// RAII transaction: rolls back unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  void commit();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

 private:
  Database& db_;
  bool done_ = false;
};

class Statement {
 public:
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) noexcept;
  Statement(const Statement&) = delete;
  ~Statement();

  // Binding, 1-based.
  Statement& bind(int index, int64_t v);
  Statement& bind(int index, int v) { return bind(index, static_cast<int64_t>(v)); }
  Statement& bind(int index, double v);
  Statement& bind(int index, std::string_view v);
  Statement& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
  Statement& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
  Statement& bind_blob(int index, const void* data, size_t size);
  Statement& bind_null(int index);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& v) {
    return v ? bind(index, *v) : bind_null(index);
  }

  // Steps once; true while a row is available.
  bool step();
  // Runs to completion (for statements without results).
  void run();
  void reset();

  int column_count() const;
  std::string column_name(int col) const;
  bool is_null(int col) const;
  int64_t column_int(int col) const;
  double column_double(int col) const;
  std::string column_text(int col) const;
  std::vector<uint8_t> column_blob(int col) const;
  // For columns read on hot paths without copying.
  const uint8_t* column_blob_data(int col, size_t* size) const;

  sqlite3_stmt* handle() const { return stmt_; }

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt);
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

}  // namespace secmap::store
