// The question a quit asks while a record form holds unsaved changes. Whatever the answer, what
// was typed is either saved, kept as a draft (ui/form_draft.h), or discarded by the user's own
// choice; never lost without a word.
#include "ui/edit_session.h"
#include "ui/panels.h"

namespace secmap::ui {

std::optional<QuitAnswer> parse_quit_answer(const std::string& word) {
  if (word == "save") return QuitAnswer::Save;
  if (word == "draft") return QuitAnswer::KeepDraft;
  if (word == "discard") return QuitAnswer::Discard;
  if (word == "back") return QuitAnswer::Back;
  return std::nullopt;
}

void answer_quit(PanelContext& ctx, QuitAnswer answer) {
  ctx.quit_question = false;
  EditSession* ed = ctx.state.editing();
  switch (answer) {
    case QuitAnswer::Save:
      // A refused save keeps the window open with the form's errors shown.
      if (ed && !ed->save(ctx.state)) return;
      break;
    case QuitAnswer::KeepDraft:
      break;  // the draft file already holds the form
    case QuitAnswer::Discard:
      if (ed) ed->cancel();
      break;
    case QuitAnswer::Back:
      return;
  }
  ctx.quit_confirmed = ctx.quit = true;
}

void draw_quit_question(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max) {
  if (!ctx.quit_question) return;
  const Lang L = ctx.state.lang();
  ImGui::SetNextWindowPos({(map_min.x + map_max.x) / 2, (map_min.y + map_max.y) / 2},
                          ImGuiCond_Always, {0.5f, 0.5f});
  const std::string title = std::string(tr(S::QuitUnsavedTitle, L)) + "###quit_question";
  if (ImGui::Begin(title.c_str(), nullptr,
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                       ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextUnformatted(tr(S::QuitUnsavedText, L));
    std::optional<QuitAnswer> a;
    if (ImGui::Button(tr(S::QuitSave, L))) a = QuitAnswer::Save;
    ImGui::SameLine();
    if (ImGui::Button(tr(S::QuitKeepDraft, L))) a = QuitAnswer::KeepDraft;
    if (ImGui::Button(tr(S::QuitDiscard, L))) a = QuitAnswer::Discard;
    ImGui::SameLine();
    if (ImGui::Button(tr(S::QuitBack, L)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
      a = QuitAnswer::Back;
    if (a) answer_quit(ctx, *a);
  }
  ImGui::End();
}

}  // namespace secmap::ui
