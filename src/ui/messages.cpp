// Messages over the map: an error with what to do, the notice when no database is open, and the
// open-database dialog. Errors never end the program; they wait here to be dismissed.
#include <algorithm>

#include "ui/panels.h"

namespace secmap::ui {
namespace {

void centre_next_window(ImVec2 map_min, ImVec2 map_max, float width) {
  ImGui::SetNextWindowPos({(map_min.x + map_max.x) / 2, (map_min.y + map_max.y) / 2},
                          ImGuiCond_Always, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({width, 0});
}

}  // namespace

void draw_messages(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  const float w = std::min(560.f * ImGui::GetFontSize() / 16.f, map_max.x - map_min.x - 20);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings;
  if (const auto& e = st.error()) {
    centre_next_window(map_min, map_max, w);
    const std::string title = e->title + "###error";
    if (ImGui::Begin(title.c_str(), nullptr, flags)) {
      ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(170, 20, 20, 255));
      ImGui::TextWrapped("%s", e->detail.c_str());
      ImGui::PopStyleColor();
      ImGui::TextWrapped("%s", e->help.c_str());
      if (ImGui::Button(tr(S::Dismiss, L))) st.clear_error();
    }
    ImGui::End();
  } else if (!st.has_data() && !ctx.open_dialog) {
    centre_next_window(map_min, map_max, w);
    const std::string title = std::string(tr(S::NoDatabase, L)) + "###nodb";
    if (ImGui::Begin(title.c_str(), nullptr, flags)) {
      ImGui::TextWrapped("%s", tr(S::NoDatabaseHelp, L));
      if (ImGui::Button(tr(S::MenuOpen, L))) ctx.open_dialog = true;
    }
    ImGui::End();
  }
  if (ctx.open_dialog) {
    centre_next_window(map_min, map_max, w);
    const std::string title = std::string(tr(S::MenuOpen, L)) + "###open";
    if (ImGui::Begin(title.c_str(), nullptr, flags)) {
      ImGui::TextUnformatted(tr(S::DatabasePath, L));
      ImGui::SetNextItemWidth(-1);
      if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
      const bool enter = ImGui::InputText("##path", ctx.open_path.data(), ctx.open_path.size(),
                                          ImGuiInputTextFlags_EnterReturnsTrue);
      if (ImGui::Button(tr(S::Open, L)) || enter) {
        st.open_database(ctx.open_path.data());
        ctx.open_dialog = false;
      }
      ImGui::SameLine();
      if (ImGui::Button(tr(S::Cancel, L))) ctx.open_dialog = false;
    }
    ImGui::End();
  }
}

}  // namespace secmap::ui
