// The record form: a window over the map for a record of any editable table, built from the
// table's columns (edit/tables.h) — code lists as combos (Vietnamese names first), yes/no as
// checkboxes, dates, numbers and text as inputs — with each field's error under it; Save /
// Cancel; after a conflict both versions with Keep mine / Keep theirs; the delete confirmation;
// and the hints while placing a record or drawing a route. Everything goes through EditSession.
#include <array>
#include <cstring>

#include "edit/record_checks.h"
#include "edit/tables.h"
#include "ui/edit_session.h"
#include "ui/panels.h"

namespace secmap::ui {

namespace {

const ImVec4 kErrorColour{0.95f, 0.3f, 0.25f, 1.f};

void field_error(const RecordForm& form, const std::string& field, Lang L) {
  if (const edit::FieldError* e = form.error_of(field))
    ImGui::TextColored(kErrorColour, "%s", (L == Lang::En ? e->message : e->message_vi).c_str());
}

// A code as the form shows it: its name, after the code when the code is an official number
// ("SO-06 trộm cắp tài sản"); a code that is an English word ("foot", "processed") is not shown.
std::string code_choice(const store::Code& c, Lang L) {
  const std::string& name = L == Lang::En ? c.name_en : c.name_vi;
  const bool numbered = c.code.find_first_of("0123456789") != std::string::npos;
  return name.empty() ? c.code : numbered ? c.code + "  " + name : name;
}

// A combo over one code list; "" (none) first when optional.
void code_combo(EditSession& ed, const std::string& label, const model::Column& col, Lang L) {
  std::string& value = ed.form().values[col.name];
  const auto& list = ed.codes().list(col.code_list);
  std::string preview = value.empty() ? std::string("—") : value;
  for (const auto& c : list)
    if (c.code == value) preview = code_choice(c, L);
  if (ImGui::BeginCombo(label.c_str(), preview.c_str())) {
    if (!col.required && ImGui::Selectable("—", value.empty())) value.clear();
    for (const auto& c : list)
      if (ImGui::Selectable(code_choice(c, L).c_str(), c.code == value)) value = c.code;
    ImGui::EndCombo();
  }
}

// A combo over a column's fixed choices (edit::fixed_choices), named in the language.
void choice_combo(EditSession& ed, const std::string& label, const model::Column& col,
                  const std::vector<const char*>& choices, Lang L) {
  std::string& value = ed.form().values[col.name];
  const std::string preview = value.empty() ? std::string("—") : value_label(col.name, value, L);
  if (ImGui::BeginCombo(label.c_str(), preview.c_str())) {
    if (!col.required && ImGui::Selectable("—", value.empty())) value.clear();
    for (const char* c : choices)
      if (ImGui::Selectable(value_label(col.name, c, L).c_str(), value == c)) value = c;
    ImGui::EndCombo();
  }
}

void text_field(EditSession& ed, const std::string& label, const std::string& field, bool multiline,
                bool read_only) {
  std::string& value = ed.form().values[field];
  std::array<char, 1024> buf{};
  std::strncpy(buf.data(), value.c_str(), buf.size() - 1);
  const ImGuiInputTextFlags flags = read_only ? ImGuiInputTextFlags_ReadOnly : 0;
  const bool changed = multiline
                           ? ImGui::InputTextMultiline(label.c_str(), buf.data(), buf.size(),
                                                       {0, ImGui::GetTextLineHeight() * 4}, flags)
                           : ImGui::InputText(label.c_str(), buf.data(), buf.size(), flags);
  if (changed) value = buf.data();
}

void column_field(EditSession& ed, const model::Column& col, Lang L) {
  RecordForm& form = ed.form();
  std::string label = field_label(col.name, L) + (col.required ? " *" : "") + "##" + col.name;
  const std::vector<const char*>& choices = edit::fixed_choices(form.table, col.name);
  if (!col.code_list.empty()) {
    code_combo(ed, label, col, L);
  } else if (!choices.empty()) {
    choice_combo(ed, label, col, choices, L);
  } else if (col.type == model::ColumnType::Boolean) {
    bool on = form.values[col.name] == "1";
    if (ImGui::Checkbox(label.c_str(), &on)) form.values[col.name] = on ? "1" : "0";
  } else {
    // A new status period belongs to the commune it was opened from.
    const bool read_only = form.table == "commune_status" && col.name == "commune_code" && !form.id;
    text_field(ed, label, col.name, col.name == "description" || col.name == "notes", read_only);
    if (col.type == model::ColumnType::DateTime && ImGui::IsItemHovered())
      ImGui::SetTooltip("YYYY-MM-DD [HH:MM]");
    else if (col.type == model::ColumnType::Date && ImGui::IsItemHovered())
      ImGui::SetTooltip("YYYY-MM-DD");
  }
  field_error(form, col.name, L);
}

void draw_hint(const char* text, ImVec2 map_min) {
  ImGui::SetNextWindowPos({map_min.x + 12, map_min.y + 12});
  ImGui::SetNextWindowBgAlpha(0.85f);
  if (ImGui::Begin("##edit_hint", nullptr,
                   ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                       ImGuiWindowFlags_NoSavedSettings))
    ImGui::TextUnformatted(text);
  ImGui::End();
}

void draw_conflict(EditSession& ed, AppState& st, Lang L) {
  const edit::Conflict& c = *ed.form().conflict;
  ImGui::TextColored(kErrorColour, "%s", tr(S::ConflictTitle, L));
  // Both versions side by side, field by field, the differing ones marked.
  const edit::Fields theirs = c.theirs ? c.theirs->fields : edit::Fields::object();
  if (ImGui::BeginTable("##conflict", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr(S::HistoryField, L));
    ImGui::TableSetupColumn(
        (std::string(tr(S::TheirVersion, L)) + " v" + std::to_string(c.their_version)).c_str());
    ImGui::TableSetupColumn(
        (std::string(tr(S::YourVersion, L)) + " v" + std::to_string(c.your_version)).c_str());
    ImGui::TableHeadersRow();
    for (const auto& [name, mine] : c.yours.items()) {
      const std::string their_text = edit::value_text(theirs.value(name, edit::Fields()));
      const std::string my_text = edit::value_text(mine);
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(field_label(name, L).c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", their_text.empty() ? "—" : their_text.c_str());
      ImGui::TableNextColumn();
      if (my_text != their_text)
        ImGui::TextColored(kErrorColour, "%s", my_text.empty() ? "—" : my_text.c_str());
      else
        ImGui::TextWrapped("%s", my_text.empty() ? "—" : my_text.c_str());
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(tr(S::KeepMine, L))) ed.keep_mine(st);
  ImGui::SameLine();
  if (ImGui::Button(tr(S::KeepTheirs, L))) ed.keep_theirs();
}

void draw_delete_confirmation(EditSession& ed, AppState& st, Lang L) {
  if (!ed.delete_pending()) return;
  const char* id = "##confirm_delete";
  if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
  if (ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted(ed.pending_delete_label().c_str());
    ImGui::TextWrapped("%s", tr(S::ConfirmDelete, L));
    if (ImGui::Button(tr(S::DeleteEdit, L))) {
      ed.confirm_delete(st);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(S::CancelEdit, L)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
      ed.cancel_delete();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
}

}  // namespace

void draw_add_record_menu(EditSession& ed, Lang L) {
  if (!ImGui::BeginMenu((std::string(tr(S::AddRecord, L)) + "###add_record").c_str())) return;
  // Incidents and commune statuses have their own items.
  for (const char* table :
       {"designations", "crossings", "facilities", "cooperation_events", "campaigns", "patrols"}) {
    const model::Table& spec = *model::find_editable(table);
    const std::string label = field_label(spec.table, L);
    if (spec.table == "patrols") {
      if (ImGui::MenuItem(tr(S::DrawRoute, L), nullptr, ed.drawing_route())) ed.start_route();
    } else if (ImGui::MenuItem(label.c_str())) {
      if (spec.geometry == "POINT")
        ed.set_adding(true, spec.table);
      else
        ed.new_record(spec.table);
    }
  }
  ImGui::EndMenu();
}

void draw_edit_window(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max) {
  AppState& st = ctx.state;
  EditSession* ed = st.editing();
  if (!ed) return;
  const Lang L = st.lang();
  if (ed->adding())  // a hint while waiting for the click
    draw_hint(
        ed->adding_table() == "incidents" ? tr(S::ClickMapToAdd, L) : tr(S::ClickMapToPlace, L),
        map_min);
  if (ed->drawing_route())
    draw_hint((std::string(tr(S::DrawRouteHint, L)) + "\n" + tr(S::RouteVertices, L) + ": " +
               std::to_string(ed->route_vertices().size()))
                  .c_str(),
              map_min);
  draw_delete_confirmation(*ed, st, L);
  if (ed->refused()) {  // why a move, delete, undo or redo was refused
    ImGui::SetNextWindowPos({(map_min.x + map_max.x) / 2, map_min.y + 12}, ImGuiCond_Always,
                            {0.5f, 0});
    if (ImGui::Begin("##edit_refused", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoSavedSettings)) {
      ImGui::TextColored(kErrorColour, "%s", ed->message().c_str());
      if (ImGui::Button("OK")) ed->dismiss_refusal();
    }
    ImGui::End();
  }
  RecordForm& form = ed->form();
  if (!form.open) return;
  const model::Table* spec = model::find_editable(form.table);
  if (!spec) return;
  ImGui::SetNextWindowPos({map_max.x - 12, map_min.y + 12}, ImGuiCond_Appearing, {1, 0});
  ImGui::SetNextWindowSize({560, 0}, ImGuiCond_Appearing);
  bool open = true;
  const std::string title =
      (form.table == "commune_status" && !form.id ? std::string(tr(S::RecordCommuneStatus, L))
                                                  : field_label(form.table, L)) +
      (form.id ? " #" + std::to_string(*form.id) : std::string()) + "###record_form";
  if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoSavedSettings)) {
    if (!form.draft_from.empty())  // what was typed before the window last closed, not yet saved
      ImGui::TextColored({0.75f, 0.45f, 0.f, 1.f}, "%s %s", tr(S::DraftRestored, L),
                         form.draft_from.c_str());
    ImGui::PushItemWidth(ImGui::GetFontSize() * 16);  // room for the labels beside
    if (spec->geometry == "POINT") {
      if (form.has_point)
        ImGui::Text("%s: %.5f°E %.5f°N", tr(S::FieldLocation, L), form.lonlat.x, form.lonlat.y);
      else
        ImGui::TextDisabled("%s: —", tr(S::FieldLocation, L));
      ImGui::Checkbox(tr(S::AcceptOutside, L), &form.accept_outside);
    } else if (spec->geometry == "LINESTRING") {
      ImGui::Text("%s: %zu", tr(S::RouteVertices, L), form.line.size());
    }
    field_error(form, "location", L);
    for (const auto& col : spec->columns) column_field(*ed, col, L);
    ImGui::PopItemWidth();
    ImGui::Separator();
    if (form.conflict) {
      draw_conflict(*ed, st, L);
    } else {
      if (ImGui::Button(tr(S::SaveEdit, L))) ed->save(st);
      ImGui::SameLine();
      if (ImGui::Button(tr(S::CancelEdit, L))) ed->cancel();
      if (form.id) {
        ImGui::SameLine();
        if (ImGui::Button(tr(S::DeleteEdit, L))) ed->request_delete(form.table, *form.id);
      }
    }
    if (!ed->message().empty()) ImGui::TextDisabled("%s", ed->message().c_str());
  }
  ImGui::End();
  if (!open) ed->cancel();
}

}  // namespace secmap::ui
