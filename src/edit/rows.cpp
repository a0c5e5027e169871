#include "edit/rows.h"

#include "edit/audit.h"
#include "store/table_schema.h"

namespace secmap::edit {

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

void bind_json(store::Statement& st, int index, const nlohmann::json& v) {
  if (v.is_null())
    st.bind_null(index);
  else if (v.is_boolean())
    st.bind(index, int64_t{v.get<bool>() ? 1 : 0});
  else if (v.is_number_integer())
    st.bind(index, v.get<int64_t>());
  else if (v.is_number())
    st.bind(index, v.get<double>());
  else if (v.is_string())
    st.bind(index, v.get<std::string>());
  else
    st.bind(index, v.dump());
}

void bind_geom(store::Statement& st, int index, const std::optional<geo::Geometry>& g) {
  if (!g || g->is_empty()) {
    st.bind_null(index);
    return;
  }
  const std::vector<uint8_t> wkb = geo::to_wkb(*g);
  st.bind_blob(index, wkb.data(), wkb.size());
}

std::vector<std::string> data_columns(store::Database& db, const std::string& table) {
  std::vector<std::string> out;
  for (store::ColumnInfo& c : store::read_table_schema(db, table).columns)
    if (!is_bookkeeping(c.name)) out.push_back(std::move(c.name));
  return out;
}

void read_rows(store::Database& db, const model::Table& spec, int64_t first_id, int64_t last_id,
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

std::optional<Row> read_row(store::Database& db, const model::Table& spec, int64_t id) {
  std::optional<Row> out;
  read_rows(db, spec, id, id, [&](Row&& r) { out = std::move(r); });
  return out;
}

nlohmann::json geometry_json(const geo::Geometry& g) {
  auto pt = [](geo::Point p) { return nlohmann::json::array({p.x, p.y}); };
  nlohmann::json j;
  switch (g.type) {
    case geo::GeomType::Point:
      j["type"] = "Point";
      j["coordinates"] = pt(g.points.at(0));
      break;
    case geo::GeomType::LineString: {
      j["type"] = "LineString";
      auto& c = j["coordinates"] = nlohmann::json::array();
      for (geo::Point p : g.lines.at(0)) c.push_back(pt(p));
      break;
    }
    default:
      j["type"] = geo::type_name(g.type);
      j["vertices"] = g.vertex_count();
  }
  return j;
}

std::string row_json(const Row& row) {
  nlohmann::json j = row.fields;
  j["id"] = row.id;
  j["version"] = row.version;
  if (!row.updated_by.empty()) j["updated_by"] = row.updated_by;
  if (row.geom) j["geom"] = geometry_json(*row.geom);
  return j.dump();  // keys sorted: nlohmann::json objects are ordered maps
}

int64_t write_new_row(store::Database& db, const model::Table& spec, const Row& row) {
  const std::vector<std::string> cols = data_columns(db, spec.table);
  std::string names = "version, updated_at, updated_by", params = "?1, ?2, ?3";
  int n = 3;
  if (row.id) names += ", id", params += ", ?" + std::to_string(++n);
  if (!spec.geometry.empty())
    names += ", geom", params += ", GeomFromWKB(?" + std::to_string(++n) + ", 4326)";
  std::vector<const std::string*> set;
  for (const std::string& c : cols)
    if (row.fields.contains(c)) {
      set.push_back(&c);
      names += ", " + quoted(c);
      params += ", ?" + std::to_string(++n);
    }
  auto st =
      db.prepare("INSERT INTO " + quoted(spec.table) + " (" + names + ") VALUES (" + params + ")");
  int i = 1;
  st.bind(1, row.version).bind(2, utc_now_iso()).bind(3, current_analyst());
  i = 4;
  if (row.id) st.bind(i++, row.id);
  if (!spec.geometry.empty()) bind_geom(st, i++, row.geom);
  for (const std::string* c : set) bind_json(st, i++, row.fields[*c]);
  st.run();
  return db.last_insert_rowid();
}

bool write_row(store::Database& db, const model::Table& spec, const Row& row, int64_t expect_version) {
  const std::vector<std::string> cols = data_columns(db, spec.table);
  std::string sql =
      "UPDATE " + quoted(spec.table) + " SET version = ?1, updated_at = ?2, updated_by = ?3";
  int n = 5;  // ?4 id, ?5 expected version
  if (!spec.geometry.empty()) sql += ", geom = GeomFromWKB(?" + std::to_string(++n) + ", 4326)";
  std::vector<const std::string*> set;
  for (const std::string& c : cols)
    if (row.fields.contains(c)) {
      set.push_back(&c);
      sql += ", " + quoted(c) + " = ?" + std::to_string(++n);
    }
  sql += " WHERE id = ?4 AND version = ?5";
  auto st = db.prepare(sql);
  st.bind(1, row.version).bind(2, utc_now_iso()).bind(3, current_analyst());
  st.bind(4, row.id).bind(5, expect_version);
  int i = 6;
  if (!spec.geometry.empty()) bind_geom(st, i++, row.geom);
  for (const std::string* c : set) bind_json(st, i++, row.fields[*c]);
  st.run();
  return db.changes() == 1;
}

bool erase_row(store::Database& db, const model::Table& spec, int64_t id, int64_t expect_version) {
  auto st = db.prepare("DELETE FROM " + quoted(spec.table) + " WHERE id = ?1 AND version = ?2");
  st.bind(1, id).bind(2, expect_version);
  st.run();
  return db.changes() == 1;
}

}  // namespace secmap::edit
