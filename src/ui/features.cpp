#include "ui/features.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/crs.h"
#include "model/communes.h"
#include "model/kept_columns.h"
#include "model/layer_records.h"
#include "model/record_reader.h"
#include "text/unicode.h"
#include "ui/strings.h"

namespace secmap::ui {
namespace {

// Legacy data may be NFD; ImGui does no shaping, so everything shown is NFC.
std::string nfc(std::string s) {
  try {
    return text::to_nfc(s);
  } catch (const std::exception&) {
    return s;
  }
}

std::string group_digits(int64_t v, Lang lang) {
  std::string s = std::to_string(v < 0 ? -v : v), out;
  const char sep = lang == Lang::Vi ? '.' : ',';
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += sep;
    out += s[i];
  }
  return v < 0 ? "-" + out : out;
}

// 12,3 in Vietnamese, 12.3 in English.
std::string one_decimal(double v, Lang lang) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (lang == Lang::Vi)
    for (char& ch : s)
      if (ch == '.') ch = ',';
  return s;
}

}  // namespace

const char* kind_name(FeatureKind k) {
  switch (k) {
    case FeatureKind::Commune:
      return "commune";
    case FeatureKind::Crossing:
      return "crossing";
    case FeatureKind::Facility:
      return "facility";
    case FeatureKind::Incident:
      return "incident";
    case FeatureKind::Patrol:
      return "patrol";
    case FeatureKind::None:
      break;
  }
  return "none";
}

std::vector<size_t> commune_incidents(const render::MapData& data, int commune,
                                      const render::IncidentFilter& filter, size_t limit,
                                      size_t* total) {
  const render::Incidents& inc = data.incidents;
  std::vector<size_t> all;
  for (size_t i = 0; i < inc.size(); ++i)
    if (inc.commune[i] == commune && filter.accepts(inc, i)) all.push_back(i);
  // Newest first; the same day by id, newest first.
  std::sort(all.begin(), all.end(), [&](size_t a, size_t b) {
    return inc.day[a] != inc.day[b] ? inc.day[a] > inc.day[b] : inc.id[a] > inc.id[b];
  });
  if (total) *total = all.size();
  if (all.size() > limit) all.resize(limit);
  return all;
}

FeatureIndex::FeatureIndex(store::Database& db, const render::MapData& data) : data_(data) {
  codes_ = store::CodeLists::load(db);
  const model::SensitivityRule rule(codes_);
  for (const char* table : {"crossings", "facilities"})
    for (model::PointRecord& m : model::load_point_records(db, table, rule)) {
      PointRecord r;
      static_cast<model::PointRecord&>(r) = std::move(m);
      for (std::string* t : {&r.name, &r.alt_name, &r.status, &r.counterpart, &r.country, &r.notes})
        *t = nfc(std::move(*t));
      r.at = geo::lonlat_to_mercator(r.lonlat);
      (std::string_view(table) == "crossings" ? crossings_ : facilities_).push_back(std::move(r));
    }
  for (const model::CampaignRecord& r : model::load_campaigns(db)) {
    Campaign c{r.code, r.name, r.name_en, r.from, r.to};  // broken windows are not offered
    if (c.name_en.empty()) c.name_en = c.name_vi;
    campaigns_.push_back(std::move(c));
  }
  std::vector<geo::Geometry> shapes;
  shapes.reserve(data.communes.size());
  for (const auto& c : data.communes) shapes.push_back(c.shape);
  locator_ = std::make_unique<geo::PointLocator>(shapes);
}

FeatureIndex::~FeatureIndex() = default;

int FeatureIndex::commune_at(geo::Point merc) const {
  return locator_->locate(merc);
}

FeatureRef FeatureIndex::hit_test(const render::View& view, geo::Point pixel, double radius_px,
                                  const render::LayerSet& layers) const {
  FeatureRef best;
  double best_d2 = radius_px * radius_px;
  auto scan = [&](const std::vector<PointRecord>& pts, FeatureKind kind) {
    for (size_t i = 0; i < pts.size(); ++i) {
      const geo::Point p = view.to_pixel(pts[i].at);
      const double d2 = (p.x - pixel.x) * (p.x - pixel.x) + (p.y - pixel.y) * (p.y - pixel.y);
      if (d2 <= best_d2) best_d2 = d2, best = {kind, static_cast<int>(i)};
    }
  };
  // Crossings are drawn above facilities, so they win a tie.
  if (layers.count("facilities")) scan(facilities_, FeatureKind::Facility);
  if (layers.count("crossings")) scan(crossings_, FeatureKind::Crossing);
  if (best) return best;
  if (layers.count("communes")) {
    const int c = commune_at(view.to_mercator(pixel));
    if (c >= 0) return {FeatureKind::Commune, c};
  }
  return {};
}

FeatureRef FeatureIndex::hit_test(const render::View& view, geo::Point pixel, double radius_px,
                                  const render::MapOptions& o) const {
  const double r2 = radius_px * radius_px;
  auto d2_to = [&](geo::Point merc) {
    const geo::Point p = view.to_pixel(merc);
    return (p.x - pixel.x) * (p.x - pixel.x) + (p.y - pixel.y) * (p.y - pixel.y);
  };
  // Crossings are drawn on top: they win over anything beneath.
  FeatureRef best;
  double best_d2 = r2;
  if (o.layers.count("crossings"))
    for (size_t i = 0; i < crossings_.size(); ++i)
      if (const double d2 = d2_to(crossings_[i].at); d2 <= best_d2)
        best_d2 = d2, best = {FeatureKind::Crossing, static_cast<int>(i)};
  if (best) return best;
  if (o.layers.count("incidents") && !render::incidents_binned(data_, view, o)) {
    const render::IncidentFilter f = o.incident_filter();
    const render::Incidents& inc = data_.incidents;
    for (size_t i = 0; i < inc.size(); ++i)
      if (const double d2 = d2_to(inc.at[i]); d2 <= best_d2 && f.accepts(inc, i))
        best_d2 = d2, best = {FeatureKind::Incident, static_cast<int>(i)};
    if (best) return best;
  }
  if (o.layers.count("facilities"))
    for (size_t i = 0; i < facilities_.size(); ++i)
      if (const double d2 = d2_to(facilities_[i].at); d2 <= best_d2)
        best_d2 = d2, best = {FeatureKind::Facility, static_cast<int>(i)};
  if (best) return best;
  if (o.layers.count("patrols"))
    for (size_t k = 0; k < data_.patrols.size(); ++k) {
      if (!data_.patrols[k].in_window(o.days.from, o.days.to)) continue;  // not drawn
      const geo::LineString& line = data_.patrols[k].line;
      for (size_t i = 1; i < line.size(); ++i) {
        const geo::Point a = view.to_pixel(line[i - 1]), b = view.to_pixel(line[i]);
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        const double t =
            len2 > 0 ? std::clamp(((pixel.x - a.x) * dx + (pixel.y - a.y) * dy) / len2, 0.0, 1.0)
                     : 0.0;
        const double ex = a.x + t * dx - pixel.x, ey = a.y + t * dy - pixel.y;
        if (const double d2 = ex * ex + ey * ey; d2 <= best_d2)
          best_d2 = d2, best = {FeatureKind::Patrol, static_cast<int>(k)};
      }
    }
  if (best) return best;
  if (o.layers.count("communes")) {
    const int c = commune_at(view.to_mercator(pixel));
    if (c >= 0) return {FeatureKind::Commune, c};
  }
  return {};
}

std::string FeatureIndex::name(FeatureRef f) const {
  if (!f) return {};
  switch (f.kind) {
    case FeatureKind::Commune:
      return data_.communes.at(f.index).name;
    case FeatureKind::Crossing:
      return crossings_.at(f.index).name;
    case FeatureKind::Facility:
      return facilities_.at(f.index).name;
    case FeatureKind::Incident: {
      const int c = data_.incidents.category.at(f.index);
      return data_.incident_categories.name(c, render::Lang::Vi);
    }
    case FeatureKind::Patrol:
      return data_.patrols.at(f.index).name;
    case FeatureKind::None:
      break;
  }
  return {};
}

std::string FeatureIndex::code(FeatureRef f) const {
  if (!f) return {};
  if (f.kind == FeatureKind::Commune) return data_.communes.at(f.index).code;
  if (f.kind == FeatureKind::Incident) return std::to_string(data_.incidents.id.at(f.index));
  if (f.kind == FeatureKind::Patrol) return std::to_string(data_.patrols.at(f.index).id);
  const auto& pts = f.kind == FeatureKind::Crossing ? crossings_ : facilities_;
  return std::to_string(pts.at(f.index).id);
}

geo::BBox FeatureIndex::bbox(FeatureRef f) const {
  geo::BBox b;
  if (!f) return b;
  if (f.kind == FeatureKind::Commune) return data_.communes.at(f.index).bbox;
  if (f.kind == FeatureKind::Incident) {
    b.add(data_.incidents.at.at(f.index));
    return b;
  }
  if (f.kind == FeatureKind::Patrol) {
    for (const auto& p : data_.patrols.at(f.index).line) b.add(p);
    return b;
  }
  const auto& pts = f.kind == FeatureKind::Crossing ? crossings_ : facilities_;
  b.add(pts.at(f.index).at);
  return b;
}

FeatureDetails FeatureIndex::details(store::Database& db, FeatureRef f, Lang lang) const {
  FeatureDetails d;
  if (!f) return d;
  auto coded = [&](const char* table, const std::string& code) -> std::string {
    if (code.empty()) return "—";
    const store::Code* c = codes_.find(table, code);
    if (!c) return code;
    return lang == Lang::En ? c->name_en : c->name_vi;
  };
  auto add = [&](S label, std::string value) {
    if (!value.empty()) d.attributes.emplace_back(tr(label, lang), nfc(std::move(value)));
  };
  if (f.kind == FeatureKind::Commune) {
    const render::Commune& c = data_.communes.at(f.index);
    d.title = std::string(tr(S::Commune, lang)) + ": " + c.name;
    if (const auto cd = model::load_commune_details(db, c.code)) {
      add(S::Code, cd->code);
      add(S::Name, cd->full_name.empty() ? cd->name : cd->full_name);
      add(S::Kind, coded("commune_kinds", cd->kind));
      add(S::Province, cd->province_name);
      if (cd->population) add(S::Population, group_digits(*cd->population, lang));
      if (cd->area_km2) add(S::AreaKm2, one_decimal(*cd->area_km2, lang));
      add(S::BorderCommune, tr(cd->is_border ? S::Yes : S::No, lang));
      add(S::ValidFrom, cd->valid_from);
    }
    for (const model::StatusRecord& r : model::load_status_records(db))  // by period_from, id
      if (r.commune_code == c.code)
        d.history.push_back({r.period_from, r.period_to,
                             r.drug_free ? coded("drug_free_statuses", *r.drug_free) : "",
                             r.antt ? coded("antt_standards", *r.antt) : "",
                             r.movement ? coded("movement_classes", *r.movement) : ""});
    return d;
  }
  auto commune_label = [&](const std::string& code) {
    for (const auto& c : data_.communes)
      if (c.code == code) return c.name + " (" + c.code + ")";
    return code;
  };
  if (f.kind == FeatureKind::Incident) {
    const int64_t id = data_.incidents.id.at(f.index);
    const int cat = data_.incidents.category.at(f.index);
    d.title = std::string(tr(S::Incident, lang)) + ": " + data_.incident_categories.name(cat, lang);
    if (const auto row = model::read_row(db, *model::find_table("incidents"), id)) {
      const model::Fields& fields = row->fields;
      auto text = [&](const char* k) {
        auto it = fields.find(k);
        return it != fields.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      auto flag = [&](const char* k) { return fields.value(k, int64_t{0}) != 0; };
      add(S::CaseNumber, text("case_number"));
      add(S::Category,
          coded("incident_categories", text("category")) + " (" + text("category") + ")");
      if (cat < static_cast<int>(data_.category_group.size()))
        add(S::IncidentGroup, data_.incident_groups.name(data_.category_group[cat], lang));
      add(S::OccurredAt, text("occurred_at"));
      add(S::Severity, text("severity").empty() ? "—" : coded("severities", text("severity")));
      add(S::CaseStatus, coded("case_statuses", text("status")));
      add(S::Commune, text("commune_code").empty() ? tr(S::OutsideCommunes, lang)
                                                   : commune_label(text("commune_code")));
      add(S::CrossBorder, tr(flag("cross_border") ? S::Yes : S::No, lang));
      add(S::CampaignTags, text("campaign_tags"));
      add(S::Description, text("description"));
      add(S::Sensitive, flag("sensitive") ? tr(S::Yes, lang) : "");
      // The source's own columns that no field took, under their own names.
      for (auto& [column, value] : model::read_kept_columns(db, "incidents", id))
        if (!value.empty()) d.attributes.emplace_back(nfc(column), nfc(value));
    }
    return d;
  }
  if (f.kind == FeatureKind::Patrol) {
    const render::Patrol& p = data_.patrols.at(f.index);
    d.title = std::string(tr(S::Patrol, lang)) + ": " + p.name;
    add(S::Name, p.name);
    add(S::Unit, p.unit);
    add(S::PatrolMode, data_.patrol_modes.name(p.mode, lang));
    add(S::PatrolState, tr(p.done ? S::PatrolDone : S::PatrolPlanned, lang));
    add(S::StartsAt, p.starts_at);
    add(S::EndsAt, p.ends_at);
    add(S::JointPatrol, tr(p.joint ? S::Yes : S::No, lang));
    add(S::Sensitive, tr(S::Yes, lang));  // the whole layer is
    return d;
  }
  const bool crossing = f.kind == FeatureKind::Crossing;
  const PointRecord& r = (crossing ? crossings_ : facilities_).at(f.index);
  d.title = std::string(tr(crossing ? S::Crossing : S::Facility, lang)) + ": " + r.name;
  add(S::Name, r.name);
  add(S::OtherName, r.alt_name);
  add(S::Kind, coded(crossing ? "crossing_kinds" : "facility_kinds", r.kind));
  add(S::Status, value_label("status", r.status, lang));
  add(S::Counterpart, r.counterpart);
  add(S::Country, value_label("country", r.country, lang));
  if (!r.commune_code.empty()) {
    std::string commune = r.commune_code;
    for (const auto& c : data_.communes)
      if (c.code == r.commune_code) commune = c.name + " (" + c.code + ")";
    add(S::Commune, commune);
  }
  add(S::Sensitive, r.sensitive ? tr(S::Yes, lang) : "");
  add(S::Notes, r.notes);
  return d;
}

}  // namespace secmap::ui
