// Plan targets: one tile per indicator of the provincial plan for the chosen year —
// value, target, on track or behind in colour — from analysis::compute_targets, the numbers
// `secmap analyze targets --year Y` prints.
#include <cstdio>

#include "ui/panels.h"

namespace secmap::ui {

std::string format_percent(double v, Lang lang) {
  char buf[32];
  std::snprintf(buf, sizeof buf, lang == Lang::Vi ? "%.1f %%" : "%.1f%%", v);
  std::string s = buf;
  if (lang == Lang::Vi)
    for (char& c : s)
      if (c == '.') c = ',';
  return s;
}

ImVec4 target_state_colour(analysis::TargetState s) {
  switch (s) {
    case analysis::TargetState::OnTrack:
      return {0.15f, 0.55f, 0.25f, 1.f};
    case analysis::TargetState::Behind:
      return {0.80f, 0.35f, 0.05f, 1.f};
    case analysis::TargetState::NoData:
    case analysis::TargetState::NoTarget:
      break;
  }
  return {0.45f, 0.45f, 0.45f, 1.f};
}

void draw_targets_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  store::Database* db = st.database();
  if (!st.has_data() || !db) return;
  int year = st.targets().year();
  ImGui::SetNextItemWidth(ImGui::CalcTextSize("00000").x + ImGui::GetFrameHeight() * 2.5f);
  if (ImGui::InputInt((std::string(tr(S::TargetYear, L)) + "###year").c_str(), &year, 1, 1))
    st.set_targets_year(std::clamp(year, 2020, 2035));
  const auto* ready = st.targets().rows_if_ready(*db);
  if (st.targets().updating()) ImGui::TextDisabled("%s", tr(S::UpdatingWindow, L));
  if (!ready) return;
  const auto& rows = *ready;
  if (!st.targets().error().empty()) {
    ImGui::TextWrapped("%s: %s", tr(S::CannotComputeTargets, L), st.targets().error().c_str());
    return;
  }
  // Tiles, two per row when there is room.
  const float avail = ImGui::GetContentRegionAvail().x;
  const int per_row = avail > 420 ? 2 : 1;
  const float w = (avail - ImGui::GetStyle().ItemSpacing.x * (per_row - 1)) / per_row;
  const float h = ImGui::GetTextLineHeightWithSpacing() * 4.2f;
  int n = 0;
  for (const auto& r : rows) {
    if (r.commune >= 0 || r.year != st.targets().year()) continue;
    if (n++ % per_row) ImGui::SameLine();
    const ImVec4 c = target_state_colour(r.state);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(c.x, c.y, c.z, 0.12f));
    ImGui::PushStyleColor(ImGuiCol_Border, c);
    ImGui::BeginChild(("##tile" + r.indicator).c_str(), {w, h}, true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextWrapped("%s", indicator_name(r.indicator, L).c_str());
    ImGui::Text("%s: %s", tr(S::TargetValue, L),
                r.value ? format_percent(*r.value, L).c_str() : "—");
    ImGui::SameLine();
    ImGui::TextDisabled("(%lld/%lld)", static_cast<long long>(r.numerator),
                        static_cast<long long>(r.denominator));
    if (r.target)
      ImGui::Text("%s: %s %s", tr(S::TargetGoal, L), r.comparator == ">=" ? "≥" : ">",
                  format_percent(*r.target, L).c_str());
    ImGui::TextColored(c, "%s", target_state_label(r.state, L));
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
  }
}

}  // namespace secmap::ui
