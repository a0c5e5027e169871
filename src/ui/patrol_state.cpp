#include "ui/patrol_state.h"

#include "analysis/dates.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {

nlohmann::json patrol_state_json(AppState& st) {
  using nlohmann::json;
  store::Database* db = st.database();
  if (!db || !st.patrol().available()) return nullptr;
  PatrolPlanning& pp = st.patrol();
  const PatrolWindow& w = pp.plan(*db, st.options().days);
  json routes = json::array();
  for (const auto& r : patrol_rows(pp, w))
    routes.push_back({{"name", r.name},
                      {"mode", r.mode},
                      {"state", r.state},
                      {"length_km", r.length_km},
                      {"duration", r.duration},
                      {"hotspots", r.hotspots},
                      {"crossings", r.crossings}});
  json states = json::array();
  if (w.layer)
    for (const auto& s : w.layer->segments) states.push_back(s.state);
  json patrol = {{"from", analysis::format_day(w.window.from)},
                 {"to", analysis::format_day(w.window.to)},
                 {"routes_source", pp.routes_source()},
                 {"routes", routes},
                 {"segments", pp.segments().size()},
                 {"crossings", pp.crossings().size()},
                 {"uncovered_segments", uncovered_segment_ids(pp, w)},
                 {"uncovered_crossings", uncovered_crossing_names(pp, w)},
                 {"coverage_states", states},
                 {"coverage_layer_shown", st.options().coverage != nullptr},
                 {"error", pp.error()}};
  const CooperationWindow& c = pp.cooperation(*db, st.options().days);
  auto totals = [](const std::vector<CoopTotal>& rows) {
    json out = json::object();
    for (const auto& r : rows) out[r.target] = r.by_kind;
    return out;
  };
  json quarters = json::object();
  for (const auto& [key, n] : c.by_quarter) quarters[key.first][key.second] = n;
  json links = json::array();
  if (pp.links())
    for (const auto& l : *pp.links()) links.push_back(l.name);
  json coop = {
      {"events", c.events.size()},
      {"by_quarter", quarters},
      {"by_crossing", totals(coop_totals(c.by_crossing, crossing_names(pp)))},
      {"by_segment", totals(coop_totals(c.by_segment, segment_ids(pp)))},
      {"links", links},
      {"links_shown", st.options().links != nullptr && st.options().layers.count("links") > 0}};
  return {{"patrol", patrol}, {"cooperation", coop}};
}

}  // namespace secmap::ui
