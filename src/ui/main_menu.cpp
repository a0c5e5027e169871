// The menu bar: File (open, import, quit), View (fit, large text, sidebar), Present (presentation
// mode, side by side, monitor), Language.
#include <cstring>

#include "ui/edit_session.h"
#include "ui/full_screen.h"
#include "ui/import_session.h"
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
    if (ImGui::MenuItem(tr(S::MenuImport, L), nullptr, false, st.database() != nullptr))
      st.importing().open_dialog();
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::MenuQuit, L), "Ctrl+Q")) ctx.quit = true;
    ImGui::EndMenu();
  }
  if (EditSession* ed = st.editing();
      ed && ImGui::BeginMenu((std::string(tr(S::MenuEdit, L)) + "###edit").c_str())) {
    if (ImGui::MenuItem(tr(S::Undo, L), "Ctrl+Z", false, ed->can_undo())) ed->undo(st);
    if (ImGui::MenuItem(tr(S::Redo, L), "Ctrl+Y", false, ed->can_redo())) ed->redo(st);
    ImGui::Separator();
    if (ImGui::MenuItem(tr(S::AddIncident, L), nullptr,
                        ed->adding() && ed->adding_table() == "incidents"))
      ed->set_adding(true);
    draw_add_record_menu(*ed, L);
    const FeatureRef sel = st.selected();
    const auto rec = EditSession::record_of(st, sel);
    if (ImGui::MenuItem(tr(S::EditSelected, L), nullptr, false, rec.has_value()))
      ed->open_record(rec->first, rec->second);
    if (ImGui::MenuItem(tr(S::DeleteSelected, L), nullptr, false, rec.has_value()))
      ed->request_delete(rec->first, rec->second);
    if (ImGui::MenuItem(tr(S::RecordCommuneStatus, L), nullptr, false,
                        sel && sel.kind == FeatureKind::Commune))
      ed->new_commune_status(st.index()->code(sel));
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
  if (ctx.show && ImGui::BeginMenu((std::string(tr(S::MenuPresent, L)) + "###present").c_str())) {
    if (ImGui::MenuItem(tr(S::StartPresentation, L), "F5", false, st.has_data()))
      ctx.show->start_presentation(st);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(S::PresentHint, L));
    bool split = ctx.show->split();
    if (ImGui::MenuItem(tr(S::SideBySide, L), nullptr, &split, st.has_data()))
      ctx.show->set_split(st, split);
    if (ImGui::BeginMenu((std::string(tr(S::Monitor, L)) + "###monitor").c_str())) {
      const auto names = monitor_names();
      for (size_t i = 0; i < names.size(); ++i)
        if (ImGui::MenuItem(names[i].c_str(), nullptr, ctx.show->monitor == static_cast<int>(i)))
          ctx.show->monitor = static_cast<int>(i);
      ImGui::EndMenu();
    }
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
