#include "ui/state_dump.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "geo/crs.h"
#include "ui/edit_session.h"
#include "ui/import_session.h"
#include "ui/incident_filters.h"
#include "ui/patrol_state.h"
#include "ui/slide_view_state.h"
#include "ui/split_view.h"

namespace secmap::ui {

namespace {

// The import dialog: its file, mapping and the last check or import.
nlohmann::json import_state_json(const ImportSession& im) {
  using nlohmann::json;
  json j = {{"open", im.is_open()},    {"file", im.file().string()},
            {"layer", im.layer()},     {"date_format", im.date_format()},
            {"running", im.running()}, {"can_import", im.can_import()},
            {"message", im.message()}};
  if (const auto& p = im.preview()) {
    json columns = json::array();
    for (size_t i = 0; i < p->columns.size(); ++i)
      columns.push_back({{"name", p->columns[i]}, {"field", p->column_fields[i]}});
    j["preview"] = {{"sheet", p->sheet},
                    {"columns", columns},
                    {"rows", p->rows.size()},
                    {"missing_required", p->missing_required}};
  }
  if (const auto& o = im.outcome()) {
    json problems = json::array();
    for (const auto& pr : o->problems) problems.push_back(pr.text());
    j["outcome"] = {{"dry_run", o->dry_run},
                    {"ok", o->ok},
                    {"error", o->error},
                    {"problems", problems},
                    {"read", o->report.read},
                    {"checked", o->report.checked},
                    {"imported", o->report.imported},
                    {"unused_columns", o->report.unused_columns}};
  }
  return j;
}

}  // namespace

std::string state_json(AppState& st, const DumpExtras& x) {
  using nlohmann::json;
  const render::View& v = st.view();
  const Lang L = st.lang();
  const geo::Point centre_ll = geo::mercator_to_lonlat(v.centre);
  json j;
  j["database"] = st.database_path().string();
  j["has_data"] = st.has_data();
  j["view"] = {{"centre_x", v.centre.x},    {"centre_y", v.centre.y}, {"centre_lon", centre_ll.x},
               {"centre_lat", centre_ll.y}, {"m_per_px", v.m_per_px}, {"width", v.width},
               {"height", v.height},        {"map_x", x.map_x},       {"map_y", x.map_y}};
  if (const auto& a = st.legend_area()) j["legend_area"] = {(*a)[0], (*a)[1], (*a)[2], (*a)[3]};
  j["lang"] = std::string(lang_code(L));
  j["large_text"] = st.large_text;
  j["ui_scale"] = x.ui_scale;
  const FeatureRef sel = st.selected();
  if (sel && st.index()) {
    json s = {{"kind", kind_name(sel.kind)},
              {"code", st.index()->code(sel)},
              {"name", st.index()->name(sel)}};
    const FeatureDetails& d = st.selected_details();
    s["title"] = d.title;
    for (const auto& [label, value] : d.attributes) s["attributes"][label] = value;
    s["history_rows"] = d.history.size();
    if (EditSession* ed = st.editing())  // the audit history Identify shows
      s["audit_history"] = EditSession::history_json(ed->history_of(st, sel));
    if (sel.kind == FeatureKind::Commune) {
      s["incidents_in_filter"] = st.incidents_in_commune(sel.index);
      json history = json::array();
      for (const auto& h : d.history)
        history.push_back({{"from", h.from},
                           {"to", h.to},
                           {"drug_free", h.drug_free},
                           {"antt", h.antt},
                           {"movement", h.movement}});
      s["history"] = history;
      // The Identify list: the newest incidents in the filter (ids), and how many in all.
      size_t total = 0;
      json ids = json::array();
      for (size_t i :
           commune_incidents(*st.data(), sel.index, st.options().incident_filter(), 200, &total))
        ids.push_back(st.data()->incidents.id[i]);
      s["incident_list"] = {{"total", total}, {"ids", ids}};
      if (st.database()) {
        json rows = json::array();
        st.targets().rows(*st.database());  // a dump shows the current rows: wait for them
        for (const auto& r : st.targets().commune_rows(*st.database(), st.index()->code(sel)))
          rows.push_back({{"indicator", r.indicator},
                          {"year", r.year},
                          {"value", r.value ? json(*r.value) : json(nullptr)},
                          {"state", analysis::state_name(r.state)}});
        s["targets"] = rows;
      }
    }
    j["selected"] = s;
  } else {
    j["selected"] = nullptr;
  }
  j["editing"] = st.editing() ? st.editing()->state_json() : json(nullptr);
  const auto& o = st.options();
  j["layers"] = std::vector<std::string>(o.layers.begin(), o.layers.end());
  j["visible_incidents"] = st.visible_incidents();
  j["total_incidents"] = st.has_data() ? st.data()->incidents.size() : 0;
  const bool all = o.days.from <= render::DayRange{}.from && o.days.to >= render::DayRange{}.to;
  j["days"] =
      all ? json(nullptr)
          : json{{"from", render::iso_date(o.days.from)}, {"to", render::iso_date(o.days.to)}};
  j["group_mask"] = o.group_mask;
  if (st.has_data()) {
    j["hidden_categories"] = hidden_codes(*st.data(), o, FilterList::Categories);
    j["hidden_severities"] = hidden_codes(*st.data(), o, FilterList::Severities);
    j["hidden_statuses"] = hidden_codes(*st.data(), o, FilterList::Statuses);
    j["incidents_binned"] =
        o.layers.count("incidents") > 0 && render::incidents_binned(*st.data(), st.view(), o);
  }
  j["binning"] = o.binning == render::MapOptions::Binning::On    ? "on"
                 : o.binning == render::MapOptions::Binning::Off ? "off"
                                                                 : "auto";
  j["layer_order"] = render::draw_order(o);
  j["layer_opacity"] = json::object();
  for (const auto& [layer, value] : o.opacity) j["layer_opacity"][layer] = value;
  if (st.has_data() && st.database()) {
    // The targets panel's tiles (province rows of the chosen year).
    json rows = json::array();
    for (const auto& r : st.targets().rows(*st.database()))
      if (r.commune < 0 && r.year == st.targets().year())
        rows.push_back({{"indicator", r.indicator},
                        {"year", r.year},
                        {"numerator", r.numerator},
                        {"denominator", r.denominator},
                        {"value", r.value ? json(*r.value) : json(nullptr)},
                        {"comparator", r.comparator},
                        {"target", r.target ? json(*r.target) : json(nullptr)},
                        {"state", analysis::state_name(r.state)}});
    j["targets"] = {{"year", st.targets().year()}, {"province", rows}};
  }
  json results = json::array();
  for (const auto& h : st.search_results())
    results.push_back({{"kind", kind_name(h.ref.kind)}, {"name", h.name}, {"detail", h.detail}});
  j["search"] = {{"query", st.search_query()}, {"results", results}};
  j["labels"] = {{"menu_file", tr(S::MenuFile, L)},
                 {"menu_view", tr(S::MenuView, L)},
                 {"layers", tr(S::PanelLayers, L)},
                 {"search", tr(S::PanelSearch, L)},
                 {"time", tr(S::PanelTime, L)},
                 {"identify", tr(S::PanelIdentify, L)},
                 {"incidents_shown", tr(S::IncidentsShown, L)}};
  if (x.show) {  // slides, presentation mode, side by side
    const SlideShow& sh = *x.show;
    json slides = json::array();
    for (const auto& s : sh.slides())
      slides.push_back({{"id", s.id}, {"title", s.title}, {"public", s.is_public}});
    j["slides"] = slides;
    const briefing::Slide* cur = sh.current_slide();
    j["presentation"] = {
        {"active", sh.presenting()},
        {"full_screen", x.full_screen},
        {"monitor", sh.monitor},
        {"flying", sh.flying()},
        {"slide", sh.current()},
        {"slide_title", cur ? json(cur->title) : json(nullptr)},
        {"public_safe", sh.presenting() && cur && (cur->is_public || cur->view.public_safe)}};
    json split = {{"on", sh.split()}};
    if (sh.split() && st.has_data()) {
      render::MapOptions cmp = o;
      cmp.days = sh.compare_window();
      auto pane = [&](const render::MapOptions& po, const std::string& label) {
        const size_t n = incidents_in_window(*st.data(), po);
        return json{{"label", pane_label(label, n, L)},
                    {"from", window_from(po.days)},
                    {"to", window_to(po.days)},
                    {"incidents", n}};
      };
      split["left"] = pane(cmp, sh.compare_label(st));
      split["right"] = pane(o, sh.main_label(st));
    }
    j["split"] = split;
  }
  j["border"] = patrol_state_json(st);  // Patrol and Cooperation panels
  j["import"] = import_state_json(st.importing());
  j["error"] = st.error() ? json(st.error()->title + ": " + st.error()->detail) : json(nullptr);
  j["map_renders"] = x.map_renders;
  j["frame_ms"] = x.frame_ms;
  j["map_ms"] = x.map_ms;
  return j.dump(2);
}

void write_state(const std::filesystem::path& file, AppState& st, const DumpExtras& x) {
  std::ofstream out(file, std::ios::trunc);
  out << state_json(st, x) << "\n";
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

}  // namespace secmap::ui
