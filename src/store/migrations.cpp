// Schema migrations (geodata/migrations/NNN_*.sql, keyed on PRAGMA user_version) and the seeding
// of code-list tables from geodata/codelists/<table>.csv.
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "store/csv.h"
#include "store/database.h"
#include "store/geodata.h"
#include "store/sqlite_error.h"

namespace secmap::store {

namespace {

struct Migration {
  int number;
  std::string_view name;
  std::string_view sql;
};

// Embedded files named NNN_*.sql, in order.
std::vector<Migration> embedded_migrations() {
  std::vector<Migration> out;
  for (const auto& [name, content] : geodata::embedded_files()) {
    if (name.size() < 8 || name.substr(name.size() - 4) != ".sql" || name[3] != '_') continue;
    if (!std::all_of(name.begin(), name.begin() + 3,
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
      continue;
    out.push_back({std::stoi(std::string(name.substr(0, 3))), name, content});
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.number < b.number; });
  return out;
}

// Runs a script statement by statement. SpatiaLite's management functions (AddGeometryColumn,
// CreateSpatialIndex, InitSpatialMetaData) report failure by returning 0 instead of raising, so
// a statement whose single result is integer 0 is treated as an error (migrations run no other
// queries).
void run_script(sqlite3* db, std::string_view script, std::string_view source) {
  const char* p = script.data();
  const char* end = script.data() + script.size();
  while (p < end) {
    sqlite3_stmt* st = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db, p, static_cast<int>(end - p), &st, &tail) != SQLITE_OK)
      detail::throw_sqlite(db, std::string_view(p, std::min<size_t>(end - p, 200)));
    if (!st) break;  // only whitespace or comments remain
    const std::string_view sql(p, static_cast<size_t>(tail - p));
    p = tail;
    int rc;
    bool refused = false;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (sqlite3_column_count(st) == 1 && sqlite3_column_type(st, 0) == SQLITE_INTEGER &&
          sqlite3_column_int64(st, 0) == 0)
        refused = true;
    }
    if (rc != SQLITE_DONE) {
      try {
        detail::throw_sqlite(db, sql);
      } catch (...) {
        sqlite3_finalize(st);
        throw;
      }
    }
    sqlite3_finalize(st);
    if (refused)
      throw StoreError(std::string(source) + ": SpatiaLite refused: " + detail::sql_snippet(sql) +
                       " (see its message above)");
  }
}

// Code-list files: <table>.csv. Tables referenced by others' foreign keys are seeded first.
std::vector<std::pair<std::string_view, std::string_view>> code_list_files() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& f : geodata::embedded_files())
    if (f.first.size() > 4 && f.first.substr(f.first.size() - 4) == ".csv" &&
        f.first != geodata::kColumnNamesFile)
      out.push_back(f);
  auto rank = [](std::string_view n) { return n == "incident_groups.csv" ? 0 : 1; };
  std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    return std::pair(rank(a.first), a.first) < std::pair(rank(b.first), b.first);
  });
  return out;
}

// FNV-1a over names and contents: re-seed only when the embedded code lists changed.
std::string code_lists_hash() {
  uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  for (const auto& [name, content] : code_list_files()) {
    mix(name);
    mix(content);
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string quote_ident(std::string_view s) {
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

// Upserts every row of every code list by header names; empty fields become NULL. Codes that
// disappeared from a file are kept, since rows elsewhere may still refer to them.
void seed_code_lists(Database& db) {
  for (const auto& [file, content] : code_list_files()) {
    const std::string table(file.substr(0, file.size() - 4));
    if (!db.query_int("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '" + table +
                      "'"))
      throw StoreError("code list " + std::string(file) + " has no table " + table);
    const CsvTable csv = parse_csv_table(content, file);
    if (!csv.column("code"))
      throw StoreError("code list " + std::string(file) + " has no code column");
    std::string cols, params, updates;
    for (size_t i = 0; i < csv.header.size(); ++i) {
      const std::string c = quote_ident(csv.header[i]);
      cols += (i ? ", " : "") + c;
      params += (i ? ", ?" : "?") + std::to_string(i + 1);
      if (csv.header[i] != "code")
        updates += (updates.empty() ? "" : ", ") + c + " = excluded." + c;
    }
    std::string sql = "INSERT INTO " + quote_ident(table) + " (" + cols + ") VALUES (" + params +
                      ") ON CONFLICT(code) DO ";
    sql += updates.empty() ? "NOTHING" : "UPDATE SET " + updates;
    Statement st = db.prepare(sql);
    for (const auto& row : csv.rows) {
      for (size_t i = 0; i < row.size(); ++i) {
        const int index = static_cast<int>(i + 1);
        if (row[i].empty())
          st.bind_null(index);
        else
          st.bind(index, row[i]);
      }
      st.run();
    }
  }
}

}  // namespace

void Database::migrate() {
  const std::vector<Migration> migrations = embedded_migrations();
  if (sqlite3_db_readonly(db_, "main") == 1) {
    // Read-only: usable as it is when its schema is current; code lists are as last seeded.
    const int latest = migrations.empty() ? 0 : migrations.back().number;
    if (schema_version() < latest)
      throw StoreError(
          path_.string() + " is read-only here and has the schema of an older secmap (v" +
          std::to_string(schema_version()) + ", this build needs v" + std::to_string(latest) +
          "); open it once where it can be written to bring it up to date");
    return;
  }
  for (const Migration& m : migrations) {
    if (m.number <= schema_version()) continue;
    Transaction tx(*this);
    // Re-read under the write lock: another process may have migrated meanwhile.
    const int current = schema_version();
    if (m.number <= current) continue;
    if (current == 0) {
      exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      // Transaction flag 0: we are already inside our own transaction. 'WGS84' keeps the
      // reference systems to ~130 WGS84 ones (4326, UTM zones) instead of ~6000; Web Mercator
      // is not among them, so it is added for SQL users. Geometry is stored in 4326 only and
      // PROJ handles VN-2000, so SpatiaLite needs no VN-2000 entries.
      if (!query_int("SELECT 1 FROM sqlite_master WHERE name = 'spatial_ref_sys'"))
        run_script(db_,
                   "SELECT InitSpatialMetaData(0, 'WGS84');"
                   "SELECT InsertEpsgSrid(3857);",
                   m.name);
    }
    run_script(db_, m.sql, m.name);
    exec("PRAGMA user_version = " + std::to_string(m.number));
    tx.commit();
  }
  if (schema_version() == 0) throw StoreError(path_.string() + ": no schema migrations embedded");

  const std::string hash = code_lists_hash();
  if (meta("codelists_hash") != hash) {
    Transaction tx(*this);
    seed_code_lists(*this);
    set_meta("codelists_hash", hash);
    tx.commit();
  }
}

}  // namespace secmap::store
