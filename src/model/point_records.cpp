#include "model/point_records.h"

namespace secmap::model {

std::vector<PointRecord> load_point_records(store::Database& db, const std::string& table,
                                            const SensitivityRule& rule) {
  std::string cols;
  if (table == "crossings")
    cols = "alt_name, status, counterpart, NULL, NULL";
  else if (table == "facilities")
    cols = "NULL, NULL, NULL, country, counterpart_id";
  else
    throw store::StoreError("load_point_records: " + table + " is not a point record table");
  auto st =
      db.prepare("SELECT id, name, kind, commune_code, notes, coalesce(sensitive, 0), " + cols +
                 ", ST_X(geom), ST_Y(geom) FROM " + table + " WHERE geom IS NOT NULL ORDER BY id");
  auto text = [&](int col) { return st.is_null(col) ? std::string() : st.column_text(col); };
  std::vector<PointRecord> out;
  while (st.step()) {
    PointRecord r;
    r.id = st.column_int(0);
    r.name = text(1);
    r.kind = text(2);
    r.commune_code = text(3);
    r.notes = text(4);
    r.sensitive = rule(table, st.column_int(5) != 0, r.kind);
    r.alt_name = text(6);
    r.status = text(7);
    r.counterpart = text(8);
    r.country = text(9);
    r.counterpart_id = st.is_null(10) ? 0 : st.column_int(10);
    r.lonlat = {st.column_double(11), st.column_double(12)};
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace secmap::model
