// Border cooperation: the cooperation events of the incidents' time window on a
// timeline (events per month, then the list), counts by kind per quarter, per crossing and per
// border segment (border::cooperation_by_crossing / _by_segment, as `secmap border DB
// cooperation` counts them), and the BLO offices linked to their counterparts, drawn as links on
// the map (layer "links").
#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "analysis/dates.h"
#include "ui/panels.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {

namespace {

// Events per month from the window's first month to its last (the timeline's bars).
std::vector<float> per_month(const CooperationWindow& c) {
  const auto first = analysis::civil_from_days(c.window.from),
             last = analysis::civil_from_days(c.window.to);
  const int months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  std::vector<float> bars(size_t(std::clamp(months, 1, 240)), 0.f);
  for (const auto& e : c.events) {
    const auto d = analysis::civil_from_days(e.day);
    const int m = (d.year - first.year) * 12 + (d.month - first.month);
    if (m >= 0 && size_t(m) < bars.size()) ++bars[size_t(m)];
  }
  return bars;
}

void totals_table(const char* id, const char* title, const std::vector<CoopTotal>& rows,
                  const PatrolPlanning& pp, Lang L) {
  if (rows.empty()) return;
  ImGui::TextUnformatted(title);
  const auto& kinds = pp.kinds();
  if (!ImGui::BeginTable(
          id, int(kinds.size()) + 1,
          ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
    return;
  ImGui::TableSetupColumn("");
  for (const auto& k : kinds) ImGui::TableSetupColumn(pp.kind_name(k, L).c_str());
  ImGui::TableHeadersRow();
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", r.target.c_str());
    for (const auto& k : kinds) {
      ImGui::TableNextColumn();
      const auto it = r.by_kind.find(k);
      if (it != r.by_kind.end()) ImGui::Text("%lld", static_cast<long long>(it->second));
    }
  }
  ImGui::EndTable();
}

}  // namespace

void draw_cooperation_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  PatrolPlanning* model = border_planning(ctx);
  if (!model) return;
  PatrolPlanning& pp = *model;
  store::Database* db = st.database();
  const CooperationWindow* ready = pp.cooperation_if_ready(*db, st.options().days);
  if (!ready) {
    ImGui::TextDisabled("%s", tr(S::UpdatingWindow, L));
    return;
  }
  const CooperationWindow& c = *ready;
  ImGui::Text("%s: %s", tr(S::PatrolWindow, L), window_text(c.window).c_str());
  ImGui::Text("%s: %zu", tr(S::CoopEvents, L), c.events.size());

  // Timeline: events per month over the window, then the events themselves.
  const auto bars = per_month(c);
  ImGui::TextUnformatted(tr(S::CoopTimeline, L));
  ImGui::PlotHistogram("##coop_months", bars.data(), int(bars.size()), 0, nullptr, 0.f, FLT_MAX,
                       {-1, ImGui::GetTextLineHeight() * 3});
  if (ImGui::BeginChild("##coop_events", {0, ImGui::GetTextLineHeightWithSpacing() * 6}, true)) {
    std::vector<std::string> names = crossing_names(pp);
    for (const auto& e : c.events) {
      std::string where;
      for (size_t i = 0; i < pp.crossings().size(); ++i)
        if (pp.crossings()[i].id == e.crossing_id) where = " · " + names[i];
      ImGui::Text("%s  %s%s", analysis::format_day(e.day).c_str(), pp.kind_name(e.kind, L).c_str(),
                  where.c_str());
    }
  }
  ImGui::EndChild();

  // Counts by kind per quarter.
  if (!c.by_quarter.empty()) {
    ImGui::TextUnformatted(tr(S::CoopByQuarter, L));
    std::map<std::string, CoopTotal> quarters;
    for (const auto& [key, n] : c.by_quarter) {
      quarters[key.first].target = key.first;
      quarters[key.first].by_kind[key.second] += n;
    }
    std::vector<CoopTotal> rows;
    for (auto& [q, row] : quarters) rows.push_back(row);
    totals_table("##coop_quarters", "", rows, pp, L);
  }
  totals_table("##coop_crossings", tr(S::CoopByCrossing, L),
               coop_totals(c.by_crossing, crossing_names(pp)), pp, L);
  totals_table("##coop_segments", tr(S::CoopBySegment, L),
               coop_totals(c.by_segment, segment_ids(pp)), pp, L);

  // BLO offices and their counterparts, drawn on the map as the "links" layer.
  ImGui::Separator();
  auto& layers = st.edit_options().layers;
  bool on = layers.count("links") > 0;
  if (ImGui::Checkbox((std::string(tr(S::ShowBloLinks, L)) + "###show_links").c_str(), &on)) {
    if (on)
      layers.insert("links");
    else
      layers.erase("links");
  }
  if (pp.links() && !pp.links()->empty()) {
    ImGui::TextUnformatted(tr(S::BloLinks, L));
    for (const auto& l : *pp.links()) ImGui::BulletText("%s", l.name.c_str());
  }
}

}  // namespace secmap::ui
