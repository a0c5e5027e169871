#include "ui/state_dump.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "geo/crs.h"

namespace secmap::ui {

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
    if (sel.kind == FeatureKind::Commune)
      s["incidents_in_filter"] = st.incidents_in_commune(sel.index);
    j["selected"] = s;
  } else {
    j["selected"] = nullptr;
  }
  const auto& o = st.options();
  j["layers"] = std::vector<std::string>(o.layers.begin(), o.layers.end());
  j["visible_incidents"] = st.visible_incidents();
  j["total_incidents"] = st.has_data() ? st.data()->incidents.size() : 0;
  const bool all = o.days.from <= render::DayRange{}.from && o.days.to >= render::DayRange{}.to;
  j["days"] =
      all ? json(nullptr)
          : json{{"from", render::iso_date(o.days.from)}, {"to", render::iso_date(o.days.to)}};
  j["group_mask"] = o.group_mask;
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
