#include "render/map_data.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "geo/crs.h"
#include "model/incidents.h"
#include "model/point_records.h"
#include "store/code_lists.h"
#include "store/civil_date.h"
#include "text/unicode.h"

namespace secmap::render {
namespace {

std::string nfc(std::string s) {
  try {
    return text::to_nfc(s);
  } catch (const std::exception&) {
    return s;  // invalid UTF-8 is drawn as is rather than failing the whole render
  }
}

CodeList load_code_list(store::Database& db, const char* table) {
  CodeList list;
  auto st = db.prepare(std::string("SELECT code, name_vi, name_en FROM ") + table +
                       " ORDER BY sort_order, code");
  while (st.step())
    list.entries.push_back({st.column_text(0), nfc(st.column_text(1)), nfc(st.column_text(2))});
  return list;
}

geo::Geometry to_mercator(geo::Geometry g) {
  for (auto& p : g.points) p = geo::lonlat_to_mercator(p);
  for (auto& l : g.lines)
    for (auto& p : l) p = geo::lonlat_to_mercator(p);
  for (auto& poly : g.polygons)
    for (auto& r : poly.rings)
      for (auto& p : r) p = geo::lonlat_to_mercator(p);
  return g;
}

geo::Geometry read_wkb(const store::Statement& st, int col) {
  size_t size = 0;
  const uint8_t* data = st.column_blob_data(col, &size);
  if (!data || size == 0) return {};
  return geo::from_wkb({data, size});
}

double ring_area(const geo::Ring& r) {
  double a = 0;
  for (size_t i = 1; i < r.size(); ++i) a += r[i - 1].x * r[i].y - r[i].x * r[i - 1].y;
  return a / 2;
}

void load_communes(store::Database& db, MapData& out) {
  auto st = db.prepare(
      "SELECT code, name, population, AsBinary(geom), ST_X(pos), ST_Y(pos) FROM "
      "(SELECT *, ST_PointOnSurface(geom) AS pos FROM communes "
      " WHERE valid_to IS NULL AND geom IS NOT NULL) ORDER BY code");
  while (st.step()) {
    Commune c;
    c.code = st.column_text(0);
    c.name = nfc(st.column_text(1));
    if (!st.is_null(2)) c.population = st.column_int(2);
    c.shape = to_mercator(read_wkb(st, 3).as_multi());
    if (c.shape.polygons.empty()) continue;
    c.bbox = c.shape.bbox();
    for (const auto& poly : c.shape.polygons)
      for (size_t i = 0; i < poly.rings.size(); ++i)
        c.area += (i == 0 ? 1 : -1) * std::abs(ring_area(poly.rings[i]));
    if (!st.is_null(4))
      c.label_at = geo::lonlat_to_mercator({st.column_double(4), st.column_double(5)});
    else
      c.label_at = {(c.bbox.min_x + c.bbox.max_x) / 2, (c.bbox.min_y + c.bbox.max_y) / 2};
    out.extent.add(c.bbox);
    out.communes.push_back(std::move(c));
  }
}

std::map<std::string, int, std::less<>> commune_index(const MapData& out) {
  std::map<std::string, int, std::less<>> by_code;
  for (size_t i = 0; i < out.communes.size(); ++i)
    by_code.emplace(out.communes[i].code, static_cast<int>(i));
  return by_code;
}

// Latest status per commune: periods in order, each non-null attribute overrides.
void load_statuses(store::Database& db, MapData& out, const LoadOptions& options) {
  const auto by_code = commune_index(out);
  for (Commune& c : out.communes) c.drug_free = c.antt = c.movement = -1;
  std::string sql =
      "SELECT commune_code, drug_free, antt_standard, movement_class FROM commune_status";
  if (options.status_as_of) sql += " WHERE period_from <= ?";
  sql += " ORDER BY period_from, id";
  auto ss = db.prepare(sql);
  if (options.status_as_of) ss.bind(1, iso_date(*options.status_as_of));
  while (ss.step()) {
    auto it = by_code.find(ss.column_text(0));
    if (it == by_code.end()) continue;
    Commune& c = out.communes[it->second];
    if (!ss.is_null(1)) c.drug_free = out.drug_free_statuses.index_of(ss.column_text(1));
    if (!ss.is_null(2)) c.antt = out.antt_standards.index_of(ss.column_text(2));
    if (!ss.is_null(3)) c.movement = out.movement_classes.index_of(ss.column_text(3));
  }
}

// Designations by commune (any year; the style decides which count).
void load_designations(store::Database& db, MapData& out) {
  const auto by_code = commune_index(out);
  for (Commune& c : out.communes) c.designations.clear();
  auto st = db.prepare(
      "SELECT commune_code, type, year FROM designations WHERE commune_code IS NOT NULL "
      "ORDER BY id");
  while (st.step()) {
    auto it = by_code.find(st.column_text(0));
    if (it == by_code.end()) continue;
    const int type = out.designation_types.index_of(st.column_text(1));
    if (type < 0) continue;
    out.communes[it->second].designations.push_back(
        {type, st.is_null(2) ? 0 : static_cast<int>(st.column_int(2))});
  }
}

// As analysis::metric_crs: the zone of the province most communes belong to, else of the
// communes' mean longitude.
int metric_epsg_of(store::Database& db, const MapData& d) {
  const auto province = db.query_text(
      "SELECT province_name FROM communes WHERE valid_to IS NULL AND province_name IS NOT NULL "
      "GROUP BY province_name ORDER BY count(*) DESC, province_name LIMIT 1");
  int epsg = province ? geo::vn2000_tm3_epsg_for_province(*province) : 0;
  if (epsg == 0) {
    geo::BBox box;
    for (const auto& c : d.communes) box.add(c.bbox);
    if (box.empty()) return 0;
    const geo::Point lo = geo::mercator_to_lonlat({box.min_x, box.min_y});
    const geo::Point hi = geo::mercator_to_lonlat({box.max_x, box.max_y});
    epsg = geo::vn2000_tm3_epsg_for_lon((lo.x + hi.x) / 2);
  }
  return epsg;
}

void load_points(store::Database& db, const std::string& table, const CodeList& kinds,
                 std::vector<PointFeature>& out, geo::BBox& extent) {
  const store::CodeLists codes = store::CodeLists::load(db);
  for (const model::PointRecord& r :
       model::load_point_records(db, table, model::SensitivityRule(codes))) {
    PointFeature f;
    f.name = nfc(r.name);
    f.kind = kinds.index_of(r.kind);
    f.at = geo::lonlat_to_mercator(r.lonlat);
    f.sensitive = r.sensitive;
    extent.add(f.at);
    out.push_back(std::move(f));
  }
}

void load_incidents(store::Database& db, MapData& out) {
  // The model's one incident reader, its communes matched to the map's by code.
  model::CommuneSet communes;
  for (const Commune& c : out.communes) {
    communes.index.emplace(c.code, static_cast<int32_t>(communes.codes.size()));
    communes.codes.push_back(c.code);
  }
  const model::IncidentTable t = model::load_incidents(db, communes, {.points = true});
  auto small = [](uint16_t code, uint8_t none) {
    return code == model::kNoCode || code >= none ? none : static_cast<uint8_t>(code);
  };
  Incidents& inc = out.incidents;
  const size_t n = t.size();
  inc.at.resize(n);
  inc.day = t.day;
  inc.commune = t.commune;
  inc.id = t.id;
  inc.category.resize(n);
  inc.group.resize(n);
  inc.severity.resize(n);
  inc.status.resize(n);
  for (size_t i = 0; i < n; ++i) {
    inc.at[i] = geo::lonlat_to_mercator(t.lonlat[i]);
    const uint8_t cat = small(t.category[i], Incidents::kNoCategory);
    inc.category[i] = cat;
    inc.group[i] = cat < out.category_group.size() ? out.category_group[cat] : 0;
    inc.severity[i] = small(t.severity[i], Incidents::kNoSeverity);
    inc.status[i] = small(t.status[i], Incidents::kNoStatus);
    out.extent.add(inc.at[i]);
  }
}

void load_patrols(store::Database& db, MapData& out, geo::BBox& extent) {
  auto st = db.prepare(
      "SELECT id, name, unit, mode, state, starts_at, ends_at, joint, AsBinary(geom) FROM patrols "
      "WHERE geom IS NOT NULL ORDER BY id");
  while (st.step()) {
    Patrol p;
    p.id = st.column_int(0);
    p.name = nfc(st.column_text(1));
    if (!st.is_null(2)) p.unit = nfc(st.column_text(2));
    if (!st.is_null(3)) p.mode = out.patrol_modes.index_of(st.column_text(3));
    p.done = !st.is_null(4) && st.column_text(4) == "done";
    if (!st.is_null(5)) p.starts_at = st.column_text(5);
    if (!st.is_null(6)) p.ends_at = st.column_text(6);
    p.joint = st.column_int(7) != 0;
    geo::Geometry g = to_mercator(read_wkb(st, 8).as_multi());
    for (auto& l : g.lines) {
      if (l.size() < 2) continue;
      for (const auto& q : l) extent.add(q);
      Patrol part = p;  // a multi-part route is drawn and identified part by part
      part.line = std::move(l);
      out.patrols.push_back(std::move(part));
    }
  }
}

}  // namespace

int CodeList::index_of(std::string_view code) const {
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].code == code) return static_cast<int>(i);
  return -1;
}

const std::string& CodeList::name(int index, Lang lang) const {
  static const std::string unknown = "?";
  if (index < 0 || static_cast<size_t>(index) >= entries.size()) return unknown;
  return lang == Lang::Vi ? entries[index].name_vi : entries[index].name_en;
}

LayerSet parse_layers(std::string_view list) {
  LayerSet out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view name = list.substr(start, end - start);
    if (!name.empty()) {
      if (std::find(std::begin(kLayerNames), std::end(kLayerNames), name) == std::end(kLayerNames))
        throw std::invalid_argument(
            "unknown layer '" + std::string(name) +
            "' (known: communes, border, facilities, patrols, incidents, crossings)");
      out.emplace(name);
    }
    start = end + 1;
  }
  return out;
}

MapData load_map_data(store::Database& db, const LoadOptions& options) {
  MapData out;
  out.is_demo = db.meta("demo").value_or("0") == "1";
  out.drug_free_statuses = load_code_list(db, "drug_free_statuses");
  out.antt_standards = load_code_list(db, "antt_standards");
  out.movement_classes = load_code_list(db, "movement_classes");
  out.crossing_kinds = load_code_list(db, "crossing_kinds");
  out.facility_kinds = load_code_list(db, "facility_kinds");
  out.incident_groups = load_code_list(db, "incident_groups");
  out.designation_types = load_code_list(db, "designation_types");
  out.incident_categories = load_code_list(db, "incident_categories");
  out.severities = load_code_list(db, "severities");
  out.case_statuses = load_code_list(db, "case_statuses");
  out.patrol_modes = load_code_list(db, "patrol_modes");
  {
    // Groups are drawn with 16 colours and filtered with a 16-bit mask: clamp to 15.
    std::map<std::string, uint8_t, std::less<>> group_of;
    auto cats = db.prepare("SELECT code, group_code FROM incident_categories");
    while (cats.step())
      group_of.emplace(cats.column_text(0),
                       static_cast<uint8_t>(
                           std::clamp(out.incident_groups.index_of(cats.column_text(1)), 0, 15)));
    for (const auto& e : out.incident_categories.entries) {
      auto g = group_of.find(e.code);
      out.category_group.push_back(g == group_of.end() ? 0 : g->second);
    }
  }

  const auto& L = options.layers;
  // Communes are always read (cheap) when incidents or styling need them; drawn only if asked.
  if (L.count("communes") || L.count("incidents")) {
    load_communes(db, out);
    load_statuses(db, out, options);
    load_designations(db, out);
    out.metric_epsg = metric_epsg_of(db, out);
  }
  if (L.count("border")) {
    auto st = db.prepare("SELECT AsBinary(geom) FROM border_line WHERE geom IS NOT NULL");
    while (st.step()) {
      geo::Geometry g = to_mercator(read_wkb(st, 0).as_multi());
      for (auto& l : g.lines) {
        for (const auto& p : l) out.extent.add(p);
        out.border.push_back(std::move(l));
      }
    }
  }
  if (L.count("crossings"))
    load_points(db, "crossings", out.crossing_kinds, out.crossings, out.extent);
  if (L.count("facilities"))
    load_points(db, "facilities", out.facility_kinds, out.facilities, out.extent);
  if (L.count("incidents")) load_incidents(db, out);
  if (L.count("patrols")) load_patrols(db, out, out.extent);
  if (!L.count("communes") && !L.count("incidents")) out.communes.clear();

  if (!out.extent.empty())
    out.origin = {(out.extent.min_x + out.extent.max_x) / 2,
                  (out.extent.min_y + out.extent.max_y) / 2};
  return out;
}

DataChange& DataChange::operator|=(const DataChange& o) {
  incidents |= o.incidents;
  commune_styles |= o.commune_styles;
  crossings |= o.crossings;
  facilities |= o.facilities;
  patrols |= o.patrols;
  other |= o.other;
  return *this;
}

namespace {

uint8_t code_index(const CodeList& list, const model::Fields& f, const char* key, uint8_t none) {
  auto it = f.find(key);
  if (it == f.end() || !it->is_string()) return none;
  const int i = list.index_of(it->get<std::string>());
  return i < 0 || i >= none ? none : static_cast<uint8_t>(i);
}

// An incident as written, into the arrays at position i (which exists).
bool set_incident(MapData& d, size_t i, const model::Row& row) {
  const model::Fields& f = row.fields;
  auto at = f.find("occurred_at");
  if (at == f.end() || !at->is_string() || !row.geom || row.geom->points.empty()) return false;
  const auto day = day_number(at->get<std::string>());
  if (!day) return false;
  Incidents& inc = d.incidents;
  inc.at[i] = geo::lonlat_to_mercator(row.geom->points.front());
  inc.day[i] = *day;
  inc.category[i] = code_index(d.incident_categories, f, "category", Incidents::kNoCategory);
  inc.group[i] = inc.category[i] < d.category_group.size() ? d.category_group[inc.category[i]] : 0;
  inc.severity[i] = code_index(d.severities, f, "severity", Incidents::kNoSeverity);
  inc.status[i] = code_index(d.case_statuses, f, "status", Incidents::kNoStatus);
  inc.id[i] = row.id;
  inc.commune[i] = -1;
  if (auto c = f.find("commune_code"); c != f.end() && c->is_string())
    for (size_t k = 0; k < d.communes.size(); ++k)
      if (d.communes[k].code == c->get<std::string>()) inc.commune[i] = static_cast<int32_t>(k);
  return true;
}

void erase_incident(Incidents& inc, size_t i) {
  auto drop = [i](auto& v) { v.erase(v.begin() + static_cast<std::ptrdiff_t>(i)); };
  drop(inc.at), drop(inc.day), drop(inc.group), drop(inc.commune), drop(inc.category),
      drop(inc.severity), drop(inc.status), drop(inc.id);
}

void insert_incident(Incidents& inc, size_t i) {
  auto grow = [i](auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    v.insert(v.begin() + static_cast<std::ptrdiff_t>(i), T{});  // `{}` alone: an empty list
  };
  grow(inc.at), grow(inc.day), grow(inc.group), grow(inc.commune), grow(inc.category),
      grow(inc.severity), grow(inc.status), grow(inc.id);
}

// Incidents stay in id order (as loaded), so one is found by binary search.
void patch_incident(MapData& d, const model::ChangeRecord& c) {
  Incidents& inc = d.incidents;
  const auto it = std::lower_bound(inc.id.begin(), inc.id.end(), c.id);
  const size_t i = static_cast<size_t>(it - inc.id.begin());
  const bool present = it != inc.id.end() && *it == c.id;
  const bool shown = c.after && c.after->fields.value("deleted", 0) == 0;
  if (!shown) {
    if (present) erase_incident(inc, i);
    return;
  }
  if (!present) insert_incident(inc, i);
  if (!set_incident(d, i, *c.after)) erase_incident(inc, i);  // no date or point: not drawn
}

}  // namespace

DataChange apply_changes(store::Database& db, MapData& data,
                         const std::vector<model::ChangeRecord>& changes,
                         const LoadOptions& options) {
  DataChange out;
  for (const model::ChangeRecord& c : changes) {
    if (c.table == "incidents") {
      if (options.layers.count("incidents")) patch_incident(data, c);
      out.incidents = true;
    } else if (c.table == "commune_status" || c.table == "designations") {
      out.commune_styles = true;
    } else if (c.table == "crossings") {
      out.crossings = true;
    } else if (c.table == "facilities") {
      out.facilities = true;
    } else if (c.table == "patrols") {
      out.patrols = true;
    } else {
      out.other = true;
    }
  }
  geo::BBox extent = data.extent;  // the view's frame of reference stays as loaded
  if (out.commune_styles && !data.communes.empty()) {
    load_statuses(db, data, options);
    load_designations(db, data);
  }
  if (out.crossings && options.layers.count("crossings")) {
    data.crossings.clear();
    load_points(db, "crossings", data.crossing_kinds, data.crossings, extent);
  }
  if (out.facilities && options.layers.count("facilities")) {
    data.facilities.clear();
    load_points(db, "facilities", data.facility_kinds, data.facilities, extent);
  }
  if (out.patrols && options.layers.count("patrols")) {
    data.patrols.clear();
    load_patrols(db, data, extent);
  }
  return out;
}

std::vector<int> MapData::incident_counts(int32_t day_from, int32_t day_to) const {
  std::vector<int> counts(communes.size(), 0);
  for (size_t i = 0; i < incidents.size(); ++i) {
    int c = incidents.commune[i];
    if (c >= 0 && incidents.day[i] >= day_from && incidents.day[i] <= day_to) ++counts[c];
  }
  return counts;
}

std::optional<int32_t> day_number(std::string_view iso_date) {
  return store::parse_day(iso_date);
}

std::string iso_date(int32_t day) {
  return store::format_day(day);
}

}  // namespace secmap::render
