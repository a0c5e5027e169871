// Records as the database stores them, read whole (every column, the geometry, the version and
// who saved it last): what the writer shows in the audit trail and sends back as a change
// record, and what a slide list or a form starts from.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"
#include "model/tables.h"
#include "store/database.h"

namespace secmap::model {

// Columns of a table other than id, geom and the bookkeeping ones (version, updated_*), in
// schema order.
std::vector<std::string> data_columns(store::Database& db, const std::string& table);

// Rows first_id..last_id as stored, in id order, one statement for all.
void read_rows(store::Database& db, const Table& spec, int64_t first_id, int64_t last_id,
               const std::function<void(Row&&)>& each);
// The row as stored, or nullopt when there is none with that id.
std::optional<Row> read_row(store::Database& db, const Table& spec, int64_t id);

// The values of some columns of every row, as text (nullopt for NULL), with the row's id: what a
// uniqueness check compares against.
struct KeyRow {
  int64_t id = 0;
  std::vector<std::optional<std::string>> values;
};
// Only the rows whose column holds this value (compared as SQLite compares a text parameter).
struct KeyMatch {
  std::string column, value;
};
// In id order.
std::vector<KeyRow> load_key_values(store::Database& db, const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::optional<KeyMatch>& where = {});
// Ids of the rows whose column holds the value, in id order (code and case-number lookups).
std::vector<int64_t> ids_where(store::Database& db, const std::string& table, const KeyMatch& m);
bool record_exists(store::Database& db, const std::string& table, int64_t id);

}  // namespace secmap::model
