#include "model/communes.h"

#include <string>

#include "geo/crs.h"

namespace secmap::model {

int32_t CommuneSet::find(std::string_view code) const {
  const auto it = index.find(std::string(code));
  return it == index.end() ? -1 : it->second;
}

CommuneSet load_communes(store::Database& db, const CommuneQuery& q) {
  std::string sql = "SELECT code, name, population";
  sql += q.geometry ? ", AsBinary(geom)" : ", NULL";
  sql += ", id";
  sql += " FROM communes WHERE ";
  sql += q.as_of.empty() ? "valid_to IS NULL"
                         : "valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)";
  sql += " ORDER BY code, id";
  auto st = db.prepare(sql);
  if (!q.as_of.empty()) st.bind(1, q.as_of);
  CommuneSet s;
  while (st.step()) {
    std::string code = st.column_text(0);
    if (s.index.count(code)) continue;  // same code twice in force: keep the first
    s.index.emplace(code, static_cast<int32_t>(s.codes.size()));
    s.codes.push_back(std::move(code));
    s.ids.push_back(st.column_int(4));
    s.names.push_back(st.column_text(1));
    s.population.push_back(st.is_null(2) ? std::nullopt : std::optional<int64_t>(st.column_int(2)));
    if (q.geometry) {
      size_t n = 0;
      const uint8_t* wkb = st.column_blob_data(3, &n);
      s.geoms.push_back(wkb && n ? geo::from_wkb({wkb, n}) : geo::Geometry{});
    }
  }
  if (s.codes.empty() && !q.allow_empty)
    throw store::StoreError(db.path().string() + ": no communes" +
                            (q.as_of.empty() ? "" : " in force on " + q.as_of) +
                            "; import the communes layer first");
  return s;
}

std::string metric_crs(store::Database& db, const CommuneSet& communes) {
  const auto province = db.query_text(
      "SELECT province_name FROM communes WHERE valid_to IS NULL AND province_name IS NOT NULL "
      "GROUP BY province_name ORDER BY count(*) DESC, province_name LIMIT 1");
  int epsg = province ? geo::vn2000_tm3_epsg_for_province(*province) : 0;
  if (epsg == 0) {
    geo::BBox box;
    for (const auto& g : communes.geoms) box.add(g.bbox());
    epsg = geo::vn2000_tm3_epsg_for_lon(box.empty() ? 105.0 : (box.min_x + box.max_x) / 2);
  }
  return "EPSG:" + std::to_string(epsg);
}

namespace {

constexpr const char* kDetailColumns =
    "code, name, full_name, kind, province_name, population, area_km2, is_border, valid_from";

CommuneDetails read_details(store::Statement& st) {
  auto text = [&](int c) { return st.is_null(c) ? std::string() : st.column_text(c); };
  CommuneDetails d;
  d.code = text(0);
  d.name = text(1);
  d.full_name = text(2);
  d.kind = text(3);
  d.province_name = text(4);
  if (!st.is_null(5)) d.population = st.column_int(5);
  if (!st.is_null(6)) d.area_km2 = st.column_double(6);
  d.is_border = !st.is_null(7) && st.column_int(7) != 0;
  d.valid_from = text(8);
  return d;
}

}  // namespace

std::optional<CommuneDetails> load_commune_details(store::Database& db, const std::string& code) {
  auto st = db.prepare(std::string("SELECT ") + kDetailColumns +
                       " FROM communes WHERE code = ? AND valid_to IS NULL ORDER BY id LIMIT 1");
  st.bind(1, code);
  if (!st.step()) return std::nullopt;
  return read_details(st);
}

std::vector<CommuneRecord> load_commune_records(store::Database& db) {
  auto st = db.prepare(std::string("SELECT ") + kDetailColumns +
                       ", id, AsBinary(geom) FROM communes WHERE geom IS NOT NULL ORDER BY id");
  std::vector<CommuneRecord> out;
  while (st.step()) {
    CommuneRecord r;
    r.details = read_details(st);
    r.id = st.column_int(9);
    size_t n = 0;
    const uint8_t* wkb = st.column_blob_data(10, &n);
    r.geom = geo::from_wkb({wkb, n});
    out.push_back(std::move(r));
  }
  return out;
}

std::string database_metric_crs(store::Database& db) {
  if (db.query_int("SELECT count(*) FROM communes WHERE valid_to IS NULL").value_or(0) > 0)
    return metric_crs(db, load_communes(db, {.geometry = false}));
  const auto lon = db.query_text(
      "SELECT (MbrMinX(geom) + MbrMaxX(geom)) / 2 FROM border_line WHERE geom IS NOT NULL "
      "ORDER BY id LIMIT 1");
  return "EPSG:" + std::to_string(geo::vn2000_tm3_epsg_for_lon(lon ? std::stod(*lon) : 104.75));
}

}  // namespace secmap::model
