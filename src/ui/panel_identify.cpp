// Identify: the attributes of the clicked commune, incident, patrol route, crossing or facility
// (Vietnamese labels, code lists by name); for a commune also its status history (every period),
// its plan-target rows for the targets panel's year and its incidents in the current filter
// (the newest first, a click selects one). Every feature shows its change history from the audit
// trail (who, when, each field before and after); editable records have Edit / Delete, and a
// commune "record its status for a period".
#include <algorithm>

#include "edit/tables.h"
#include "ui/edit_session.h"
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
  const render::IncidentFilter filter = st.options().incident_filter();
  const std::vector<size_t> list = commune_incidents(d, commune, filter, kIncidentList, &total);
  // Incidents known only by this commune count in it, listed apart: they have no point to select.
  std::vector<size_t> by_commune;
  for (size_t i = 0; i < d.commune_level.size(); ++i)
    if (d.commune_level.commune[i] == commune && filter.accepts(d.commune_level, i))
      by_commune.push_back(i);
  ImGui::Spacing();
  ImGui::Text("%s: %zu", tr(S::CommuneIncidents, L), total + by_commune.size());
  if (total + by_commune.size() == 0) {
    ImGui::TextDisabled("%s", tr(S::NoIncidents, L));
    return;
  }
  if (!by_commune.empty()) {
    ImGui::TextDisabled("%s: %zu", tr(S::CommuneOnlyIncidents, L), by_commune.size());
    for (size_t k = 0; k < by_commune.size() && k < kIncidentList; ++k) {
      const size_t i = by_commune[k];
      ImGui::BulletText("%s  %s  %s", render::iso_date(d.commune_level.day[i]).c_str(),
                        d.incident_categories.name(d.commune_level.category[i], L).c_str(),
                        d.case_statuses.name(d.commune_level.status[i], L).c_str());
    }
  }
  if (total == 0) return;
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

// A value as Identify shows it: a code with its name from the column's code list.
std::string shown_value(EditSession& ed, const std::string& table, const std::string& field,
                        const std::string& value, Lang L) {
  if (value.empty()) return "—";
  const model::Table* spec = model::find_editable(table);
  const model::Column* col = spec ? spec->column(field) : nullptr;
  if (col && !col->code_list.empty())
    for (const auto& c : ed.codes().list(col->code_list))
      if (c.code == value) return value + " " + (L == Lang::En ? c.name_en : c.name_vi);
  return value;
}

void draw_audit_history(AppState& st, EditSession& ed, FeatureRef sel) {
  const Lang L = st.lang();
  const auto& entries = ed.history_of(st, sel);
  ImGui::Spacing();
  if (!ImGui::CollapsingHeader(tr(S::HistoryTitle, L), ImGuiTreeNodeFlags_DefaultOpen)) return;
  if (entries.empty()) {
    ImGui::TextDisabled("%s", tr(S::HistoryNone, L));
    return;
  }
  size_t lines = 0;
  for (const auto& e : entries) lines += 2 + e.changes.size();
  const float h =
      std::min(16.f, static_cast<float>(lines) + 1.f) * ImGui::GetTextLineHeightWithSpacing();
  if (!ImGui::BeginChild("##audit", {0, h}, true)) {
    ImGui::EndChild();
    return;
  }
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {  // the newest first
    ImGui::PushID(static_cast<int>(it->audit_id));
    // When, who, what was done to which record; then each field before and after.
    ImGui::TextColored({0.55f, 0.75f, 1.f, 1.f}, "%s · %s · %s %s #%lld", it->at.c_str(),
                       it->who.c_str(), field_label(it->action, L).c_str(),
                       field_label(it->table, L).c_str(), static_cast<long long>(it->row_id));
    if (!it->changes.empty() && ImGui::BeginTable("##changes", 3,
                                                  ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                                      ImGuiTableFlags_SizingStretchProp)) {
      for (S c : {S::HistoryField, S::HistoryBefore, S::HistoryAfter})
        ImGui::TableSetupColumn(tr(c, L));
      ImGui::TableHeadersRow();
      for (const auto& c : it->changes) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(field_label(c.field, L).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", shown_value(ed, it->table, c.field, c.before, L).c_str());
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", shown_value(ed, it->table, c.field, c.after, L).c_str());
      }
      ImGui::EndTable();
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
}

// Edit / Delete for an editable record; "record status" for a commune.
void draw_edit_buttons(AppState& st, EditSession& ed, FeatureRef sel) {
  const Lang L = st.lang();
  if (sel.kind == FeatureKind::Commune) {
    if (ImGui::Button(tr(S::RecordCommuneStatus, L))) ed.new_commune_status(st.index()->code(sel));
    return;
  }
  const auto rec = EditSession::record_of(st, sel);
  if (!rec) return;
  if (ImGui::Button(tr(S::EditSelected, L))) ed.open_record(rec->first, rec->second);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::DeleteSelected, L))) ed.request_delete(rec->first, rec->second);
  if (sel.kind == FeatureKind::Incident) ImGui::TextDisabled("%s", tr(S::MoveHint, L));
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
  EditSession* ed = st.editing();
  if (ed) draw_edit_buttons(st, *ed, sel);
  if (sel.kind != FeatureKind::Commune) {
    if (ed) draw_audit_history(st, *ed, sel);
    return;
  }
  draw_history(d, L);  // before the incident list, whose click changes the selection
  if (ed) draw_audit_history(st, *ed, sel);
  draw_commune_targets(st, sel.index);
  draw_commune_incidents(st, sel.index);
}

}  // namespace secmap::ui
