// The incident form: a window over the map with the code lists as combos (Vietnamese names
// first), date and time, case number, cross-border flag, campaign tags and description; each
// field's error under it; Save / Cancel; and, after a conflict, both versions with Keep mine /
// Keep theirs. Everything goes through EditSession.
#include <array>
#include <cstring>

#include "edit/tables.h"
#include "ui/edit_session.h"
#include "ui/panels.h"

namespace secmap::ui {

namespace {

const ImVec4 kErrorColour{0.95f, 0.3f, 0.25f, 1.f};

void field_error(const IncidentForm& form, const char* field, Lang L) {
  if (const edit::FieldError* e = form.error_of(field))
    ImGui::TextColored(kErrorColour, "%s", (L == Lang::En ? e->message : e->message_vi).c_str());
}

// A combo over one code list; "" (none) first when optional.
void code_combo(EditSession& ed, const char* label, const char* field, const char* table,
                bool optional, Lang L) {
  std::string& value = ed.form().values[field];
  const auto& list = ed.codes().list(table);
  std::string preview = value.empty() ? std::string("—") : value;
  for (const auto& c : list)
    if (c.code == value) preview = c.code + " " + (L == Lang::En ? c.name_en : c.name_vi);
  if (ImGui::BeginCombo(label, preview.c_str())) {
    if (optional && ImGui::Selectable("—", value.empty())) value.clear();
    for (const auto& c : list) {
      const std::string text = c.code + "  " + (L == Lang::En ? c.name_en : c.name_vi);
      if (ImGui::Selectable(text.c_str(), c.code == value)) value = c.code;
    }
    ImGui::EndCombo();
  }
  field_error(ed.form(), field, L);
}

void text_field(EditSession& ed, const char* label, const char* field, Lang L,
                bool multiline = false) {
  std::string& value = ed.form().values[field];
  std::array<char, 1024> buf{};
  std::strncpy(buf.data(), value.c_str(), buf.size() - 1);
  const bool changed = multiline ? ImGui::InputTextMultiline(label, buf.data(), buf.size(),
                                                             {0, ImGui::GetTextLineHeight() * 4})
                                 : ImGui::InputText(label, buf.data(), buf.size());
  if (changed) value = buf.data();
  field_error(ed.form(), field, L);
}

}  // namespace

void draw_edit_window(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max) {
  AppState& st = ctx.state;
  EditSession* ed = st.editing();
  if (!ed) return;
  const Lang L = st.lang();
  if (ed->adding()) {  // a hint while waiting for the click
    ImGui::SetNextWindowPos({map_min.x + 12, map_min.y + 12});
    ImGui::SetNextWindowBgAlpha(0.85f);
    if (ImGui::Begin("##edit_hint", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings))
      ImGui::TextUnformatted(tr(S::ClickMapToAdd, L));
    ImGui::End();
  }
  IncidentForm& form = ed->form();
  if (!form.open) return;
  ImGui::SetNextWindowPos({map_max.x - 12, map_min.y + 12}, ImGuiCond_Appearing, {1, 0});
  ImGui::SetNextWindowSize({560, 0}, ImGuiCond_Appearing);
  bool open = true;
  const std::string title = std::string(tr(S::IncidentForm, L)) +
                            (form.id ? " #" + std::to_string(*form.id) : std::string()) +
                            "###incident_form";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::PushItemWidth(ImGui::GetFontSize() * 16);  // room for the labels beside
    ImGui::Text("%s: %.5f°E %.5f°N", tr(S::FieldLocation, L), form.lonlat.x, form.lonlat.y);
    ImGui::Checkbox(tr(S::AcceptOutside, L), &form.accept_outside);
    field_error(form, "location", L);
    code_combo(*ed, tr(S::FieldCategory, L), "category", "incident_categories", false, L);
    text_field(*ed, tr(S::FieldOccurredAt, L), "occurred_at", L);
    code_combo(*ed, tr(S::FieldSeverity, L), "severity", "severities", true, L);
    code_combo(*ed, tr(S::FieldStatus, L), "status", "case_statuses", false, L);
    text_field(*ed, tr(S::FieldCaseNumber, L), "case_number", L);
    bool cross = form.values["cross_border"] == "1";
    if (ImGui::Checkbox(tr(S::FieldCrossBorder, L), &cross))
      form.values["cross_border"] = cross ? "1" : "0";
    text_field(*ed, tr(S::FieldCampaignTags, L), "campaign_tags", L);
    text_field(*ed, tr(S::FieldDescription, L), "description", L, true);
    ImGui::PopItemWidth();
    ImGui::Separator();
    if (form.conflict) {
      const edit::Conflict& c = *form.conflict;
      ImGui::TextColored(kErrorColour, "%s", tr(S::ConflictTitle, L));
      ImGui::TextWrapped("%s (v%lld): %s", tr(S::TheirVersion, L),
                         static_cast<long long>(c.their_version),
                         c.theirs ? edit::row_json(*c.theirs).c_str() : "—");
      ImGui::TextWrapped("%s (v%lld): %s", tr(S::YourVersion, L),
                         static_cast<long long>(c.your_version), c.yours.dump().c_str());
      if (ImGui::Button(tr(S::KeepMine, L))) ed->keep_mine(st);
      ImGui::SameLine();
      if (ImGui::Button(tr(S::KeepTheirs, L))) ed->keep_theirs();
    } else {
      if (ImGui::Button(tr(S::SaveEdit, L))) ed->save(st);
      ImGui::SameLine();
      if (ImGui::Button(tr(S::CancelEdit, L))) ed->cancel();
    }
    if (!ed->message().empty()) ImGui::TextDisabled("%s", ed->message().c_str());
  }
  ImGui::End();
  if (!open) ed->cancel();
}

}  // namespace secmap::ui
