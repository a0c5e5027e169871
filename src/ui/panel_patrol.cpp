// Patrol plan: the routes of the time window with length, duration at the chosen
// speed per mode, the Gi* hotspot communes and crossings within the buffer; the segments and
// crossings no route covers; importing a route file; exporting routes and the patrol sheet. The
// numbers are PatrolPlanning's, i.e. the border module's (`secmap patrol plan` with the same
// window prints them too).
#include <cstdio>
#include <string>

#include "border/patrol_plan.h"
#include "ui/panels.h"
#include "ui/patrol_exports.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {

namespace {

void layer_checkbox(AppState& st, const char* layer, S label) {
  auto& layers = st.edit_options().layers;
  bool on = layers.count(layer) > 0;
  const std::string id = std::string(tr(label, st.lang())) + "###show_" + layer;
  if (ImGui::Checkbox(id.c_str(), &on)) {
    if (on)
      layers.insert(layer);
    else
      layers.erase(std::string(layer));
  }
}

void text_list(const char* title, const std::vector<std::string>& items, size_t total) {
  ImGui::Text("%s: %zu / %zu", title, items.size(), total);
  if (items.empty()) return;
  std::string s;
  for (const auto& x : items) s += (s.empty() ? "" : ", ") + x;
  ImGui::TextWrapped("%s", s.c_str());
}

}  // namespace

PatrolPlanning* border_planning(PanelContext& ctx) {
  AppState& st = ctx.state;
  if (!st.has_data() || !st.database()) return nullptr;
  PatrolPlanning& pp = st.patrol();
  if (!pp.available()) {
    ImGui::TextWrapped("%s: %s", tr(S::NoBorderData, st.lang()), pp.error().c_str());
    return nullptr;
  }
  return &pp;
}

void draw_patrol_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  PatrolPlanning* model = border_planning(ctx);
  if (!model) return;
  PatrolPlanning& pp = *model;
  store::Database* db = st.database();
  layer_checkbox(st, "coverage", S::ShowCoverageLayer);
  // Computed off the window's thread: until this window's plan is ready, say so, show no numbers
  // of another window.
  const PatrolWindow* ready = pp.plan_if_ready(*db, st.options().days);
  if (!ready) {
    ImGui::TextDisabled("%s", tr(S::UpdatingWindow, L));
    return;
  }
  const PatrolWindow& w = *ready;
  ImGui::Text("%s: %s", tr(S::PatrolWindow, L), window_text(w.window).c_str());

  // Where the routes come from, and importing a file.
  ImGui::TextWrapped(
      "%s", pp.routes_source().empty()
                ? tr(S::RoutesFromTable, L)
                : (std::string(tr(S::RoutesFromFile, L)) + ": " + pp.routes_source()).c_str());
  static std::array<char, 1024> route_path{};
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##route_file", tr(S::RouteFilePath, L), route_path.data(),
                           route_path.size());
  if (ImGui::Button(tr(S::ImportRoutes, L)) && route_path[0]) pp.import_routes(route_path.data());
  ImGui::SameLine();
  if (ImGui::Button(tr(S::UseTableRoutes, L))) pp.use_database_routes();
  if (!pp.error().empty()) ImGui::TextColored({0.8f, 0.2f, 0.1f, 1}, "%s", pp.error().c_str());

  ImGui::TextUnformatted(tr(S::SpeedPerMode, L));
  for (const auto& [mode, kmh] : std::map<std::string, double>(pp.speeds())) {
    double v = kmh;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
    if (ImGui::InputDouble(("##speed_" + mode).c_str(), &v, 0, 0, "%.1f",
                           ImGuiInputTextFlags_EnterReturnsTrue))
      pp.set_speed(mode, v);
    ImGui::SameLine();
    ImGui::TextUnformatted(pp.mode_name(mode, L).c_str());
  }

  ImGui::Separator();
  ImGui::Text("%s: %zu", tr(S::RoutesInWindow, L), w.routes.size());
  const auto rows = patrol_rows(pp, w);
  if (rows.empty()) {
    ImGui::TextDisabled("%s", tr(S::NoRoutesInWindow, L));
  } else if (ImGui::BeginTable(
                 "##routes", 6,
                 // Each cell on one line, as wide as it needs: the table scrolls sideways rather
                 // than wrapping a route's name a few letters a line in the narrow sidebar.
                 ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                     ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY,
                 {0, ImGui::GetTextLineHeightWithSpacing() * 10})) {
    for (S col :
         {S::ColRoute, S::ColMode, S::ColLengthKm, S::ColDuration, S::ColHotspots, S::ColCrossings})
      ImGui::TableSetupColumn(tr(col, L));
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (const auto& r : rows) {
      ImGui::TableNextRow();
      const std::string mode = pp.mode_name(r.mode, L);
      const std::string duration =
          L == Lang::Vi ? border::format_hours_vi(r.hours) : border::format_hours(r.hours);
      for (const std::string* cell :
           {&r.name, &mode, &r.length_km, &duration, &r.hotspots, &r.crossings}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(cell->c_str());
      }
    }
    ImGui::EndTable();
  }
  text_list(tr(S::UncoveredSegments, L), uncovered_segment_ids(pp, w), pp.segments().size());
  text_list(tr(S::UncoveredCrossings, L), uncovered_crossing_names(pp, w), pp.crossings().size());

  // Exports: routes as GPX/GeoJSON, the one-page sheet as PDF/PNG.
  ImGui::Separator();
  static std::array<char, 1024> out_path{};
  static std::string message;
  ImGui::SetNextItemWidth(-1);
  ImGui::InputTextWithHint("##export_file", tr(S::ExportPath, L), out_path.data(), out_path.size());
  if (ImGui::Button(tr(S::ExportRoutes, L)) && out_path[0])
    message = export_patrol_routes(st, out_path.data());
  ImGui::SameLine();
  if (ImGui::Button(tr(S::ExportSheet, L)) && out_path[0])
    message = export_patrol_sheet(st, out_path.data());
  if (!message.empty()) ImGui::TextWrapped("%s", message.c_str());
}

}  // namespace secmap::ui
