// Identify: the attributes of the clicked commune, crossing or facility (Vietnamese labels, code
// lists by name), a commune's incidents in the current filter and its status history.
#include "ui/panels.h"

namespace secmap::ui {

void draw_identify_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  if (!st.selected()) {
    ImGui::TextWrapped("%s", tr(S::IdentifyHint, L));
    return;
  }
  const FeatureDetails& d = st.selected_details();
  ImGui::TextWrapped("%s", d.title.c_str());
  if (ImGui::BeginTable("##attrs", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    auto row = [](const std::string& label, const std::string& value) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", label.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", value.c_str());
    };
    for (const auto& [label, value] : d.attributes) row(label, value);
    if (st.selected().kind == FeatureKind::Commune)
      row(tr(S::IncidentsInFilter, L),
          std::to_string(st.incidents_in_commune(st.selected().index)));
    ImGui::EndTable();
  }
  if (!d.history.empty()) {
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(S::StatusHistory, L));
    const ImGuiTableFlags flags =
        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
    if (ImGui::BeginTable("##history", 5, flags)) {
      for (S h : {S::PeriodFrom, S::PeriodTo, S::DrugFree, S::Antt, S::Movement})
        ImGui::TableSetupColumn(tr(h, L));
      ImGui::TableHeadersRow();
      for (const auto& r : d.history) {
        ImGui::TableNextRow();
        for (const std::string* v : {&r.from, &r.to, &r.drug_free, &r.antt, &r.movement}) {
          ImGui::TableNextColumn();
          ImGui::TextWrapped("%s", v->empty() ? "—" : v->c_str());
        }
      }
      ImGui::EndTable();
    }
  }
}

}  // namespace secmap::ui
