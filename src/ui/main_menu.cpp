// The menu bar: File (open, quit), View (fit, large text, sidebar), Language.
#include <cstring>

#include "ui/panels.h"

namespace secmap::ui {

void draw_main_menu(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu((std::string(tr(S::MenuFile, L)) + "###file").c_str())) {
    if (ImGui::MenuItem(tr(S::MenuOpen, L), "Ctrl+O")) {
      ctx.open_dialog = true;
      const std::string cur = st.database_path().string();
      std::strncpy(ctx.open_path.data(), cur.c_str(), ctx.open_path.size() - 1);
    }
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::MenuQuit, L), "Ctrl+Q")) ctx.quit = true;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu((std::string(tr(S::MenuView, L)) + "###view").c_str())) {
    if (ImGui::MenuItem(tr(S::FitProvince, L), "Home", false, st.has_data())) st.fit_province();
    if (ImGui::MenuItem(tr(S::FitSelection, L), "F", false, bool(st.selected())))
      st.fit_selection();
    ImGui::Separator();
    ImGui::MenuItem(tr(S::LargeText, L), nullptr, &st.large_text);
    ImGui::MenuItem(tr(S::MenuPanels, L), "F9", &ctx.show_sidebar);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu((std::string(tr(S::Language, L)) + "###lang").c_str())) {
    // Each language is named in itself, whatever the current one.
    if (ImGui::MenuItem(tr(S::LangVietnamese, Lang::Vi), nullptr, L == Lang::Vi))
      st.set_lang(Lang::Vi);
    if (ImGui::MenuItem(tr(S::LangEnglish, Lang::En), nullptr, L == Lang::En))
      st.set_lang(Lang::En);
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

}  // namespace secmap::ui
