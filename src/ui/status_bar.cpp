// The status bar under the map: scale, cursor position, incidents shown, frame time, database.
#include <cmath>

#include "ui/panels.h"

namespace secmap::ui {

float status_bar_height() {
  return ImGui::GetFrameHeight() + ImGui::GetStyle().WindowPadding.y;
}

void draw_status_bar(PanelContext& ctx, ImVec2 pos, float width, const FrameStats& f) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize({width, status_bar_height()});
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {8, 2});
  if (ImGui::Begin("##status", nullptr, flags)) {
    if (st.has_data()) {
      // Map scale 1:N at the standard 0.28 mm screen pixel (OGC).
      const double denominator = st.view().ground_m_per_px() / 0.00028;
      const double rounded = std::pow(10, std::floor(std::log10(denominator)) - 1);
      ImGui::Text("%s 1:%.0f", tr(S::Scale, L), std::round(denominator / rounded) * rounded);
      if (f.cursor_in_map) {
        ImGui::SameLine(0, 24);
        ImGui::Text("%.5f°E %.5f°N", f.cursor_lonlat.x, f.cursor_lonlat.y);
      }
      ImGui::SameLine(0, 24);
      ImGui::Text("%s: %zu", tr(S::IncidentsShown, L), st.visible_incidents());
    }
    ImGui::SameLine(0, 24);
    ImGui::TextDisabled("%.1f ms (map %.1f ms)", f.frame_ms, f.map_ms);
    ImGui::SameLine(0, 24);
    ImGui::TextDisabled("%s", st.database_path().filename().string().c_str());
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace secmap::ui
