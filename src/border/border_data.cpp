#include "border/border_data.h"

#include <set>

#include "border/planar.h"
#include "edit/writer.h"
#include "model/layer_records.h"
#include "model/point_records.h"
#include "model/tables.h"
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
  // Through the one writer: the scheme's old segments go, the new ones come, both audited.
  const model::Table& table = *model::find_table("border_segments");
  edit::Writer writer(db);
  std::set<std::string> schemes;
  for (const auto& s : segs) schemes.insert(s.scheme);
  for (const auto& sc : schemes)
    writer.clear_derived(table, "scheme", sc, "border segments recomputed (" + sc + ")");
  edit::Writer::Bulk bulk(
      writer, table,
      {"border_id", "segment_id", "scheme", "seq", "commune_code", "name", "length_m"},
      "border segments computed from the border line");
  for (const auto& s : segs)
    bulk.add(
        {{"border_id", s.border_id},
         {"segment_id", s.segment_id},
         {"scheme", s.scheme},
         {"seq", s.seq},
         {"commune_code", s.commune_code.empty() ? model::Fields() : model::Fields(s.commune_code)},
         {"name", s.name},
         {"length_m", s.length_m}},
        geo::Geometry::line(s.lonlat));
  bulk.finish();
}

}  // namespace secmap::border
