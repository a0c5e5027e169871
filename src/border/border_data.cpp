#include "border/border_data.h"

#include <set>

#include "border/planar.h"
#include "model/layer_records.h"
#include "model/point_records.h"
#include "store/code_lists.h"

namespace secmap::border {

double BorderLine::length_m() const {
  double s = 0;
  for (const auto& p : parts_m) s += line_length(p);
  return s;
}

BorderLine load_border_line(store::Database& db, const MetricFrame& frame) {
  const std::vector<model::BorderLineRecord> lines = model::load_border_lines(db);
  if (lines.empty())
    throw store::StoreError(db.path().string() +
                            ": the border_line table is empty (import a border line first)");
  BorderLine b;
  b.id = lines.front().id;
  b.name = lines.front().name;
  for (const auto& part : lines.front().line.lines) {
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
  std::vector<Segment> out;
  double at = 0;
  for (model::SegmentRecord& r : model::load_segment_records(db, scheme)) {
    Segment s;
    s.segment_id = std::move(r.segment_id);
    s.scheme = std::move(r.scheme);
    s.seq = r.seq;
    s.commune_code = std::move(r.commune_code);
    s.name = std::move(r.name);
    s.border_id = r.border_id;
    s.lonlat = std::move(r.line);
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
