#include "model/layer_records.h"

#include "store/civil_date.h"

namespace secmap::model {

namespace {

std::string text(const store::Statement& st, int col) {
  return st.is_null(col) ? std::string() : st.column_text(col);
}

std::optional<std::string> maybe(const store::Statement& st, int col) {
  return st.is_null(col) ? std::nullopt : std::optional<std::string>(st.column_text(col));
}

geo::Geometry geometry(const store::Statement& st, int col) {
  size_t n = 0;
  const uint8_t* wkb = st.column_blob_data(col, &n);
  return wkb && n ? geo::from_wkb({wkb, n}) : geo::Geometry{};
}

}  // namespace

std::vector<BorderLineRecord> load_border_lines(store::Database& db) {
  auto st = db.prepare(
      "SELECT id, name, AsBinary(geom) FROM border_line WHERE geom IS NOT NULL ORDER BY id");
  std::vector<BorderLineRecord> out;
  while (st.step()) out.push_back({st.column_int(0), text(st, 1), geometry(st, 2)});
  return out;
}

std::vector<SegmentRecord> load_segment_records(store::Database& db, const std::string& scheme) {
  auto st = db.prepare(
      "SELECT segment_id, scheme, seq, commune_code, name, border_id, AsBinary(geom) FROM "
      "border_segments WHERE scheme = ? AND geom IS NOT NULL ORDER BY seq");
  st.bind(1, scheme);
  std::vector<SegmentRecord> out;
  while (st.step()) {
    const geo::Geometry g = geometry(st, 6);
    if (g.lines.empty()) continue;
    SegmentRecord s;
    s.segment_id = text(st, 0);
    s.scheme = text(st, 1);
    s.seq = static_cast<int>(st.column_int(2));
    s.commune_code = text(st, 3);
    s.name = text(st, 4);
    s.border_id = st.column_int(5);
    s.line = g.lines[0];
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<PatrolRecord> load_patrol_records(store::Database& db) {
  auto st = db.prepare(
      "SELECT id, name, unit, mode, state, starts_at, ends_at, joint, sensitive, AsBinary(geom) "
      "FROM patrols WHERE geom IS NOT NULL ORDER BY id");
  std::vector<PatrolRecord> out;
  while (st.step()) {
    PatrolRecord p;
    p.id = st.column_int(0);
    p.name = text(st, 1);
    p.unit = text(st, 2);
    p.mode = text(st, 3);
    p.state = text(st, 4);
    p.starts_at = text(st, 5);
    p.ends_at = text(st, 6);
    p.joint = !st.is_null(7) && st.column_int(7) != 0;
    p.sensitive = !st.is_null(8) && st.column_int(8) != 0;
    for (auto& part : geometry(st, 9).lines)
      if (part.size() >= 2) p.parts.push_back(std::move(part));
    if (!p.parts.empty()) out.push_back(std::move(p));
  }
  return out;
}

bool route_in_window(std::optional<int32_t> start_day, std::optional<int32_t> end_day, int32_t from,
                     int32_t to) {
  if (!start_day && !end_day) return true;
  const int32_t a = start_day.value_or(*end_day), b = end_day.value_or(a);
  return a <= to && b >= from;
}

std::vector<std::pair<std::string, double>> load_mode_speeds(store::Database& db) {
  auto st = db.prepare("SELECT code, speed_kmh FROM patrol_modes ORDER BY sort_order, code");
  std::vector<std::pair<std::string, double>> out;
  while (st.step()) out.emplace_back(st.column_text(0), st.column_double(1));
  return out;
}

std::vector<CooperationRecord> load_cooperation_records(store::Database& db,
                                                        std::optional<int32_t> from,
                                                        std::optional<int32_t> to) {
  auto st = db.prepare(
      "SELECT id, kind, occurred_on, coalesce(crossing_id, 0), X(geom), Y(geom) FROM "
      "cooperation_events ORDER BY occurred_on, id");
  std::vector<CooperationRecord> out;
  while (st.step()) {
    const auto day = store::parse_day(text(st, 2));
    if (!day || (from && *day < *from) || (to && *day > *to)) continue;
    CooperationRecord e;
    e.id = st.column_int(0);
    e.kind = text(st, 1);
    e.day = *day;
    e.crossing_id = st.column_int(3);
    if (!st.is_null(4)) e.lonlat = geo::Point{st.column_double(4), st.column_double(5)};
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<CampaignRecord> load_campaigns(store::Database& db) {
  auto st = db.prepare(
      "SELECT code, name, name_en, date_from, date_to FROM campaigns ORDER BY date_from, code");
  std::vector<CampaignRecord> out;
  while (st.step()) {
    const auto from = store::parse_day(text(st, 3)), to = store::parse_day(text(st, 4));
    if (!from || !to || *from > *to) continue;
    out.push_back({text(st, 0), text(st, 1), text(st, 2), *from, *to});
  }
  return out;
}

std::vector<StatusRecord> load_status_records(store::Database& db) {
  auto st = db.prepare(
      "SELECT id, commune_code, period_from, period_to, drug_free, antt_standard, "
      "movement_class, residential_areas, residential_areas_safe FROM commune_status "
      "ORDER BY period_from, id");
  std::vector<StatusRecord> out;
  while (st.step()) {
    StatusRecord s;
    s.id = st.column_int(0);
    s.commune_code = text(st, 1);
    s.period_from = text(st, 2);
    s.period_to = text(st, 3);
    s.drug_free = maybe(st, 4);
    s.antt = maybe(st, 5);
    s.movement = maybe(st, 6);
    if (!st.is_null(7)) s.areas = st.column_int(7);
    if (!st.is_null(8)) s.areas_safe = st.column_int(8);
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<DesignationRecord> load_designation_records(store::Database& db) {
  auto st = db.prepare(
      "SELECT commune_code, type, year FROM designations WHERE commune_code IS NOT NULL "
      "ORDER BY id");
  std::vector<DesignationRecord> out;
  while (st.step())
    out.push_back(
        {text(st, 0), text(st, 1), st.is_null(2) ? 0 : static_cast<int>(st.column_int(2))});
  return out;
}

}  // namespace secmap::model
