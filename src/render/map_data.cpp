#include "render/map_data.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <unordered_map>

#include "geo/crs.h"
#include "geo/geos_ops.h"
#include "model/communes.h"
#include "model/incidents.h"
#include "model/layer_records.h"
#include "model/point_records.h"
#include "store/civil_date.h"
#include "store/code_lists.h"
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

CodeList code_list(const store::CodeLists& codes, const char* table) {
  CodeList list;
  for (const store::Code& c : codes.list(table))
    list.entries.push_back({c.code, nfc(c.name_vi), nfc(c.name_en)});
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

double ring_area(const geo::Ring& r) {
  double a = 0;
  for (size_t i = 1; i < r.size(); ++i) a += r[i - 1].x * r[i].y - r[i].x * r[i - 1].y;
  return a / 2;
}

// The model's current communes, in code order, projected for drawing.
model::CommuneSet load_communes(store::Database& db, MapData& out) {
  model::CommuneSet set = model::load_communes(db, {.allow_empty = true});
  for (size_t i = 0; i < set.size(); ++i) {
    if (set.geoms[i].polygons.empty()) continue;
    Commune c;
    c.code = set.codes[i];
    c.name = nfc(set.names[i]);
    if (set.population[i]) c.population = *set.population[i];
    c.shape = to_mercator(set.geoms[i].as_multi());
    c.bbox = c.shape.bbox();
    for (const auto& poly : c.shape.polygons)
      for (size_t r = 0; r < poly.rings.size(); ++r)
        c.area += (r == 0 ? 1 : -1) * std::abs(ring_area(poly.rings[r]));
    try {
      c.label_at = geo::lonlat_to_mercator(geo::point_on_surface(set.geoms[i]));
    } catch (const geo::GeosError&) {
      c.label_at = {(c.bbox.min_x + c.bbox.max_x) / 2, (c.bbox.min_y + c.bbox.max_y) / 2};
    }
    out.extent.add(c.bbox);
    out.communes.push_back(std::move(c));
  }
  return set;
}

std::map<std::string, int, std::less<>> commune_index(const MapData& out) {
  std::map<std::string, int, std::less<>> by_code;
  for (size_t i = 0; i < out.communes.size(); ++i)
    by_code.emplace(out.communes[i].code, static_cast<int>(i));
  return by_code;
}

// Every status period per commune, in the model's order (period_from, then id).
void load_statuses(store::Database& db, MapData& out) {
  const auto by_code = commune_index(out);
  for (Commune& c : out.communes) c.statuses.clear();
  for (const model::StatusRecord& r : model::load_status_records(db)) {
    auto it = by_code.find(r.commune_code);
    const auto from = day_number(r.period_from);
    if (it == by_code.end() || !from) continue;  // validation refuses a period with no start
    Commune::StatusPeriod p;
    p.from = *from;
    if (r.drug_free) p.drug_free = out.drug_free_statuses.index_of(*r.drug_free);
    if (r.antt) p.antt = out.antt_standards.index_of(*r.antt);
    if (r.movement) p.movement = out.movement_classes.index_of(*r.movement);
    out.communes[it->second].statuses.push_back(p);
  }
}

// Designations by commune (any year; the style decides which count).
void load_designations(store::Database& db, MapData& out) {
  const auto by_code = commune_index(out);
  for (Commune& c : out.communes) c.designations.clear();
  for (const model::DesignationRecord& r : model::load_designation_records(db)) {
    auto it = by_code.find(r.commune_code);
    if (it == by_code.end()) continue;
    const int type = out.designation_types.index_of(r.type);
    if (type < 0) continue;
    out.communes[it->second].designations.push_back({type, r.year});
  }
}

// The metric CRS analyses measure in (model::metric_crs), as an EPSG number; 0 without communes.
int metric_epsg_of(store::Database& db, const model::CommuneSet& communes) {
  if (communes.size() == 0) return 0;
  return std::stoi(model::metric_crs(db, communes).substr(5));  // "EPSG:9208"
}

void load_points(store::Database& db, const store::CodeLists& codes, const std::string& table,
                 const CodeList& kinds, std::vector<PointFeature>& out, geo::BBox& extent) {
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

// One of the model's incident tables as the map keeps it: codes as small indices, points in
// Web Mercator (NaN for incidents located by their commune only).
void fill_incidents(model::IncidentTable t, const MapData& out, Incidents& inc) {
  auto small = [](uint16_t code, uint8_t none) {
    return code == model::kNoCode || code >= none ? none : static_cast<uint8_t>(code);
  };
  const size_t n = t.size();
  inc.at.assign(n, geo::Point{std::nan(""), std::nan("")});
  inc.day = std::move(t.day);
  inc.commune = std::move(t.commune);
  inc.id = std::move(t.id);
  inc.category.resize(n);
  inc.group.resize(n);
  inc.severity.resize(n);
  inc.status.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (i < t.lonlat.size()) inc.at[i] = geo::lonlat_to_mercator(t.lonlat[i]);
    const uint8_t cat = small(t.category[i], Incidents::kNoCategory);
    inc.category[i] = cat;
    inc.group[i] = cat < out.category_group.size() ? out.category_group[cat] : 0;
    inc.severity[i] = small(t.severity[i], Incidents::kNoSeverity);
    inc.status[i] = small(t.status[i], Incidents::kNoStatus);
  }
}

void load_incidents(store::Database& db, MapData& out) {
  // The model's one incident reader, its communes matched to the map's by code.
  model::CommuneSet communes;
  for (const Commune& c : out.communes) {
    communes.index.emplace(c.code, static_cast<int32_t>(communes.codes.size()));
    communes.codes.push_back(c.code);
  }
  fill_incidents(model::load_incidents(db, communes, {.points = true}), out, out.incidents);
  for (const geo::Point& p : out.incidents.at) out.extent.add(p);
  fill_incidents(model::load_incidents(db, communes, {.commune_only = true}), out,
                 out.commune_level);
}

void load_patrols(store::Database& db, MapData& out, geo::BBox& extent) {
  for (const model::PatrolRecord& r : model::load_patrol_records(db)) {
    Patrol p;
    p.id = r.id;
    p.name = nfc(r.name);
    p.unit = nfc(r.unit);
    if (!r.mode.empty()) p.mode = out.patrol_modes.index_of(r.mode);
    p.done = r.state == "done";
    p.starts_at = r.starts_at;
    p.ends_at = r.ends_at;
    p.start_day = day_number(r.starts_at);
    p.end_day = day_number(r.ends_at);
    p.joint = r.joint;
    for (const geo::LineString& part : r.parts) {
      Patrol drawn = p;  // a multi-part route is drawn and identified part by part
      for (const geo::Point& q : part) drawn.line.push_back(geo::lonlat_to_mercator(q));
      for (const auto& q : drawn.line) extent.add(q);
      out.patrols.push_back(std::move(drawn));
    }
  }
}

}  // namespace

bool Patrol::in_window(int32_t from, int32_t to) const {
  return model::route_in_window(start_day, end_day, from, to);
}

CommuneStatus status_on(const Commune& c, int32_t day) {
  CommuneStatus s;
  auto take = [](int& into, int v) {
    if (v != Commune::StatusPeriod::kUnset) into = v;
  };
  for (const Commune::StatusPeriod& p : c.statuses) {
    if (p.from > day) continue;
    take(s.drug_free, p.drug_free);
    take(s.antt, p.antt);
    take(s.movement, p.movement);
  }
  return s;
}

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
  const store::CodeLists codes = store::CodeLists::load(db);
  out.drug_free_statuses = code_list(codes, "drug_free_statuses");
  out.antt_standards = code_list(codes, "antt_standards");
  out.movement_classes = code_list(codes, "movement_classes");
  out.crossing_kinds = code_list(codes, "crossing_kinds");
  out.facility_kinds = code_list(codes, "facility_kinds");
  out.incident_groups = code_list(codes, "incident_groups");
  out.designation_types = code_list(codes, "designation_types");
  out.incident_categories = code_list(codes, "incident_categories");
  out.severities = code_list(codes, "severities");
  out.case_statuses = code_list(codes, "case_statuses");
  out.patrol_modes = code_list(codes, "patrol_modes");
  // Groups are drawn with 16 colours and filtered with a 16-bit mask: clamp to 15.
  for (const store::Code& c : codes.list("incident_categories"))
    out.category_group.push_back(
        static_cast<uint8_t>(std::clamp(out.incident_groups.index_of(c.group), 0, 15)));

  const auto& L = options.layers;
  // Communes are always read (cheap) when incidents or styling need them; drawn only if asked.
  if (L.count("communes") || L.count("incidents")) {
    const model::CommuneSet set = load_communes(db, out);
    load_statuses(db, out);
    load_designations(db, out);
    out.metric_epsg = metric_epsg_of(db, set);
  }
  if (L.count("border"))
    for (const model::BorderLineRecord& b : model::load_border_lines(db)) {
      geo::Geometry g = to_mercator(b.line.as_multi());
      for (auto& l : g.lines) {
        for (const auto& p : l) out.extent.add(p);
        out.border.push_back(std::move(l));
      }
    }
  if (L.count("crossings"))
    load_points(db, codes, "crossings", out.crossing_kinds, out.crossings, out.extent);
  if (L.count("facilities"))
    load_points(db, codes, "facilities", out.facility_kinds, out.facilities, out.extent);
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
  geo::BBox extent = data.extent;         // the view's frame of reference stays as loaded
  std::optional<store::CodeLists> codes;  // sensitive kinds, for the point layers
  if (out.crossings || out.facilities) codes = store::CodeLists::load(db);
  if (out.commune_styles && !data.communes.empty()) {
    load_statuses(db, data);
    load_designations(db, data);
  }
  if (out.crossings && options.layers.count("crossings")) {
    data.crossings.clear();
    load_points(db, *codes, "crossings", data.crossing_kinds, data.crossings, extent);
  }
  if (out.facilities && options.layers.count("facilities")) {
    data.facilities.clear();
    load_points(db, *codes, "facilities", data.facility_kinds, data.facilities, extent);
  }
  if (out.patrols && options.layers.count("patrols")) {
    data.patrols.clear();
    load_patrols(db, data, extent);
  }
  return out;
}

std::vector<int> MapData::incident_counts(int32_t day_from, int32_t day_to) const {
  std::vector<int> counts(communes.size(), 0);
  for (const Incidents* set : {&incidents, &commune_level})
    for (size_t i = 0; i < set->size(); ++i) {
      int c = set->commune[i];
      if (c >= 0 && set->day[i] >= day_from && set->day[i] <= day_to) ++counts[c];
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
