#include "model/record_reader.h"

#include "store/table_schema.h"

namespace secmap::model {

namespace {

bool is_bookkeeping(const std::string& c) {
  return c == "id" || c == "geom" || c == "version" || c == "updated_at" || c == "updated_by";
}

// Value of column col + 1, whose SQL typeof() is in column col.
nlohmann::json column_json(store::Statement& st, int col) {
  const std::string type = st.column_text(col);
  if (type == "null") return nullptr;
  if (type == "integer") return st.column_int(col + 1);
  if (type == "real") return st.column_double(col + 1);
  return st.column_text(col + 1);
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

}  // namespace

std::vector<std::string> data_columns(store::Database& db, const std::string& table) {
  std::vector<std::string> out;
  for (std::string& c : store::column_names(db, table))
    if (!is_bookkeeping(c)) out.push_back(std::move(c));
  return out;
}

void read_rows(store::Database& db, const Table& spec, int64_t first_id, int64_t last_id,
               const std::function<void(Row&&)>& each) {
  const std::vector<std::string> cols = data_columns(db, spec.table);
  std::string sql = "SELECT id, version, updated_at, updated_by";
  sql += spec.geometry.empty() ? ", NULL" : ", AsBinary(geom)";
  for (const std::string& c : cols) sql += ", typeof(" + quoted(c) + "), " + quoted(c);
  sql += " FROM " + quoted(spec.table) + " WHERE id BETWEEN ?1 AND ?2 ORDER BY id";
  auto st = db.prepare(sql);
  st.bind(1, first_id).bind(2, last_id);
  while (st.step()) {
    Row r;
    r.table = spec.table;
    r.id = st.column_int(0);
    r.version = st.column_int(1);
    r.updated_at = st.is_null(2) ? "" : st.column_text(2);
    r.updated_by = st.is_null(3) ? "" : st.column_text(3);
    size_t size = 0;
    if (const uint8_t* data = st.column_blob_data(4, &size); data && size)
      r.geom = geo::from_wkb({data, size});
    for (size_t i = 0; i < cols.size(); ++i)
      r.fields[cols[i]] = column_json(st, static_cast<int>(2 * i + 5));
    each(std::move(r));
  }
}

std::optional<Row> read_row(store::Database& db, const Table& spec, int64_t id) {
  std::optional<Row> out;
  read_rows(db, spec, id, id, [&](Row&& r) { out = std::move(r); });
  return out;
}

std::vector<KeyRow> load_key_values(store::Database& db, const std::string& table,
                                    const std::vector<std::string>& columns,
                                    const std::optional<KeyMatch>& where) {
  std::string sql = "SELECT id";
  for (const auto& col : columns) sql += ", " + quoted(col);
  sql += " FROM " + quoted(table);
  if (where) sql += " WHERE " + quoted(where->column) + " = ?1";
  auto st = db.prepare(sql + " ORDER BY id");
  if (where) st.bind(1, where->value);
  std::vector<KeyRow> out;
  while (st.step()) {
    KeyRow r;
    r.id = st.column_int(0);
    for (size_t k = 0; k < columns.size(); ++k) {
      const int c = static_cast<int>(k) + 1;
      r.values.push_back(st.is_null(c) ? std::nullopt
                                       : std::optional<std::string>(st.column_text(c)));
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<int64_t> ids_where(store::Database& db, const std::string& table, const KeyMatch& m) {
  std::vector<int64_t> out;
  for (const KeyRow& r : load_key_values(db, table, {}, m)) out.push_back(r.id);
  return out;
}

bool record_exists(store::Database& db, const std::string& table, int64_t id) {
  auto st = db.prepare("SELECT 1 FROM " + quoted(table) + " WHERE id = ?1");
  st.bind(1, id);
  return st.step();
}

}  // namespace secmap::model
