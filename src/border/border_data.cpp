#include "border/border_data.h"

#include <set>

#include "border/planar.h"
#include "model/point_records.h"
#include "store/code_lists.h"

namespace secmap::border {

double BorderLine::length_m() const {
  double s = 0;
  for (const auto& p : parts_m) s += line_length(p);
  return s;
}

BorderLine load_border_line(store::Database& db, const MetricFrame& frame) {
  auto st = db.prepare(
      "SELECT id, name, AsBinary(geom) FROM border_line WHERE geom IS NOT NULL ORDER BY id "
      "LIMIT 1");
  if (!st.step())
    throw store::StoreError(db.path().string() +
                            ": the border_line table is empty (import a border line first)");
  BorderLine b;
  b.id = st.column_int(0);
  b.name = st.column_text(1);
  size_t n = 0;
  const uint8_t* wkb = st.column_blob_data(2, &n);
  const geo::Geometry g = geo::from_wkb({wkb, n});
  for (const auto& part : g.lines) {
    if (part.size() < 2) continue;
    b.parts_lonlat.push_back(part);
    b.parts_m.push_back(frame.to_metric(part));
  }
  return b;
}

std::vector<Crossing> load_crossings(store::Database& db, const MetricFrame& frame) {
  const store::CodeLists codes = store::CodeLists::load(db);
  std::vector<Crossing> out;
  for (model::PointRecord& r :
       model::load_point_records(db, "crossings", model::SensitivityRule(codes))) {
    Crossing c;
    c.id = r.id;
    c.name = std::move(r.name);
    c.kind = std::move(r.kind);
    c.status = std::move(r.status);
    c.counterpart = std::move(r.counterpart);
    c.commune_code = std::move(r.commune_code);
    c.sensitive = r.sensitive;
    c.lonlat = r.lonlat;
    c.m = frame.to_metric(c.lonlat);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Segment> load_segments(store::Database& db, const MetricFrame& frame,
                                   const std::string& scheme) {
  auto st = db.prepare(
      "SELECT segment_id, scheme, seq, coalesce(commune_code, ''), coalesce(name, ''), "
      "border_id, AsBinary(geom) FROM border_segments WHERE scheme = ? AND geom IS NOT NULL "
      "ORDER BY seq");
  st.bind(1, scheme);
  std::vector<Segment> out;
  double at = 0;
  while (st.step()) {
    Segment s;
    s.segment_id = st.column_text(0);
    s.scheme = st.column_text(1);
    s.seq = int(st.column_int(2));
    s.commune_code = st.column_text(3);
    s.name = st.column_text(4);
    s.border_id = st.column_int(5);
    size_t n = 0;
    const uint8_t* wkb = st.column_blob_data(6, &n);
    const geo::Geometry g = geo::from_wkb({wkb, n});
    if (g.lines.empty()) continue;
    s.lonlat = g.lines[0];
    s.m = frame.to_metric(s.lonlat);
    s.length_m = line_length(s.m);
    s.from_m = at;
    s.to_m = at += s.length_m;
    out.push_back(std::move(s));
  }
  return out;
}

void store_segments(store::Database& db, const std::vector<Segment>& segs) {
  store::Transaction tx(db);
  write_segments(db, segs);
  tx.commit();
}

void write_segments(store::Database& db, const std::vector<Segment>& segs) {
  std::set<std::string> schemes;
  for (const auto& s : segs) schemes.insert(s.scheme);
  auto del = db.prepare("DELETE FROM border_segments WHERE scheme = ?");
  for (const auto& sc : schemes) {
    del.reset();
    del.bind(1, sc).run();
  }
  auto ins = db.prepare(
      "INSERT INTO border_segments (border_id, segment_id, scheme, seq, commune_code, name, "
      "length_m, geom) VALUES (?, ?, ?, ?, ?, ?, ?, GeomFromWKB(?, 4326))");
  for (const auto& s : segs) {
    const auto wkb = geo::to_wkb(geo::Geometry::line(s.lonlat));
    ins.reset();
    ins.bind(1, s.border_id)
        .bind(2, s.segment_id)
        .bind(3, s.scheme)
        .bind(4, s.seq)
        .bind(5, s.commune_code.empty() ? std::optional<std::string>() : s.commune_code)
        .bind(6, s.name)
        .bind(7, s.length_m)
        .bind_blob(8, wkb.data(), wkb.size());
    ins.run();
  }
}

}  // namespace secmap::border
