// Slides: the deck of the open database in order. Click a slide to go to it (the map flies to
// its extent with its layers, window and filters); the selected slide can be moved up or down,
// renamed, updated from the current view or deleted. Below, the current view is saved as a new
// slide with a title, subtitle, speaker note and the public flag; a side-by-side window shown at
// the time is saved as the slide's comparison.
#include <cstring>

#include "ui/panels.h"

namespace secmap::ui {
namespace {

template <size_t N>
void copy_into(std::array<char, N>& buf, const std::string& s) {
  std::strncpy(buf.data(), s.c_str(), N - 1);
  buf[N - 1] = '\0';
}

}  // namespace

void draw_slides_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  SlideShow& show = *ctx.show;
  SlideForm& form = ctx.slide_form;
  const Lang L = st.lang();
  if (!st.has_data()) {
    ImGui::TextWrapped("%s", tr(S::NoDatabase, L));
    return;
  }
  const auto& slides = show.slides();
  if (slides.empty()) ImGui::TextWrapped("%s", tr(S::NoSlides, L));
  int act_on = -1;
  enum class Act { None, Up, Down, Rename, Update, Delete } act = Act::None;
  for (int i = 0; i < static_cast<int>(slides.size()); ++i) {
    const briefing::Slide& s = slides[i];
    ImGui::PushID(static_cast<int>(s.id));
    std::string label = std::to_string(i + 1) + ". " + s.title;
    if (s.is_public || s.view.public_safe)
      label += "  [" + std::string(tr(S::ClassPublic, L)) + "]";
    if (s.view.compare) label += "  (" + std::string(tr(S::WithComparison, L)) + ")";
    if (ImGui::Selectable(label.c_str(), show.current() == i)) show.go(st, i);
    if (ImGui::IsItemHovered() && !s.note.empty()) ImGui::SetTooltip("%s", s.note.c_str());
    if (show.current() == i) {
      ImGui::Indent();
      if (form.renaming == i) {
        ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.65f);
        const bool enter =
            ImGui::InputText("##rename", form.new_title.data(), form.new_title.size(),
                             ImGuiInputTextFlags_EnterReturnsTrue);
        ImGui::SameLine();
        if ((ImGui::SmallButton(tr(S::Rename, L)) || enter) && form.new_title[0])
          act = Act::Rename, act_on = i;
      } else {
        if (ImGui::SmallButton(tr(S::MoveUp, L))) act = Act::Up, act_on = i;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::MoveDown, L))) act = Act::Down, act_on = i;
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::Rename, L))) {
          form.renaming = i;
          copy_into(form.new_title, s.title);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(S::Delete, L))) act = Act::Delete, act_on = i;
        if (ImGui::SmallButton(tr(S::UpdateSlide, L))) act = Act::Update, act_on = i;
      }
      ImGui::Unindent();
    }
    ImGui::PopID();
  }
  // Deck changes after the loop: they re-read the list being drawn.
  switch (act) {
    case Act::Up:
      show.move(st, act_on, -1);
      break;
    case Act::Down:
      show.move(st, act_on, +1);
      break;
    case Act::Rename:
      show.rename(st, act_on, form.new_title.data());
      form.renaming = -1;
      break;
    case Act::Update:
      show.update_view(st, act_on);
      break;
    case Act::Delete:
      show.remove(st, act_on);
      break;
    case Act::None:
      break;
  }
  if (form.renaming >= 0 && form.renaming != show.current()) form.renaming = -1;

  ImGui::Separator();
  ImGui::InputText(tr(S::SlideTitle, L), form.title.data(), form.title.size());
  ImGui::InputText(tr(S::SlideSubtitle, L), form.subtitle.data(), form.subtitle.size());
  ImGui::InputTextMultiline(tr(S::SlideNote, L), form.note.data(), form.note.size(),
                            {0, ImGui::GetTextLineHeight() * 3});
  ImGui::Checkbox(tr(S::SlidePublic, L), &form.is_public);
  ImGui::BeginDisabled(form.title[0] == '\0');
  if (ImGui::Button(tr(S::SaveSlide, L)) &&
      show.save_view(st, {form.title.data(), form.subtitle.data(), form.note.data()},
                     form.is_public)) {
    form.title[0] = form.subtitle[0] = form.note[0] = '\0';
    form.is_public = false;
  }
  ImGui::EndDisabled();
  if (ImGui::Button((std::string(tr(S::StartPresentation, L)) + " (F5)").c_str()))
    show.start_presentation(st);
}

}  // namespace secmap::ui
