// Identify: the attributes of the clicked commune, incident, patrol route, crossing or facility
// (Vietnamese labels, code lists by name); for a commune also its status history (every period),
// its plan-target rows for the targets panel's year and its incidents in the current filter
// (the newest first, a click selects one).
#include <algorithm>

#include "ui/panels.h"

namespace secmap::ui {
namespace {

constexpr size_t kIncidentList = 200;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

void draw_history(const FeatureDetails& d, Lang L) {
  if (d.history.empty()) return;
  ImGui::Spacing();
  ImGui::TextUnformatted(tr(S::StatusHistory, L));
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame;
  if (!ImGui::BeginTable("##history", 5, flags)) return;
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

void draw_commune_targets(AppState& st, int commune) {
  const Lang L = st.lang();
  store::Database* db = st.database();
  if (!db) return;
  const auto rows = st.targets().commune_rows(*db, st.data()->communes.at(commune).code);
  if (rows.empty()) return;
  ImGui::Spacing();
  ImGui::Text("%s %d", tr(S::PanelTargets, L), st.targets().year());
  if (!ImGui::BeginTable("##ctargets", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) return;
  for (const auto& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", indicator_name(r.indicator, L).c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%s", r.value ? format_percent(*r.value, L).c_str() : "—");
    ImGui::TableNextColumn();
    ImGui::TextColored(target_state_colour(r.state), "%s", target_state_label(r.state, L));
  }
  ImGui::EndTable();
}

void draw_commune_incidents(AppState& st, int commune) {
  const Lang L = st.lang();
  const render::MapData& d = *st.data();
  size_t total = 0;
  const std::vector<size_t> list =
      commune_incidents(d, commune, st.options().incident_filter(), kIncidentList, &total);
  ImGui::Spacing();
  ImGui::Text("%s: %zu", tr(S::CommuneIncidents, L), total);
  if (total == 0) {
    ImGui::TextDisabled("%s", tr(S::NoIncidents, L));
    return;
  }
  if (total > list.size())
    ImGui::TextDisabled(
        "%s", replace_all(replace_all(tr(S::ShowingFirst, L), "{n}", std::to_string(list.size())),
                          "{total}", std::to_string(total))
                  .c_str());
  const float h = std::min(12.f, static_cast<float>(list.size()) + 1.5f) *
                  ImGui::GetTextLineHeightWithSpacing();
  if (!ImGui::BeginTable(
          "##incidents", 3,
          ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
          {0, h}))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (S c : {S::OccurredAt, S::Category, S::CaseStatus}) ImGui::TableSetupColumn(tr(c, L));
  ImGui::TableHeadersRow();
  for (size_t i : list) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string day = render::iso_date(d.incidents.day[i]) + "##i" + std::to_string(i);
    if (ImGui::Selectable(day.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
      st.select({FeatureKind::Incident, static_cast<int>(i)});
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.incident_categories.name(d.incidents.category[i], L).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.case_statuses.name(d.incidents.status[i], L).c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void draw_identify_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  if (!st.selected()) {
    ImGui::TextWrapped("%s", tr(S::IdentifyHint, L));
    return;
  }
  const FeatureRef sel = st.selected();
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
    ImGui::EndTable();
  }
  if (sel.kind != FeatureKind::Commune) return;
  draw_history(d, L);  // before the incident list, whose click changes the selection
  draw_commune_targets(st, sel.index);
  draw_commune_incidents(st, sel.index);
}

}  // namespace secmap::ui
