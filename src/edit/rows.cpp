#include "edit/rows.h"

#include "edit/audit.h"

namespace secmap::edit {

namespace {

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

bool write_row(store::Database& db, const model::Table& spec, const Row& row,
               int64_t expect_version) {
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
