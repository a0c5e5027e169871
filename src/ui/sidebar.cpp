// The fixed sidebar left of the map: one collapsing section per feature, so nothing ever covers
// the map, its legend or its scale bar.
#include "ui/panels.h"

namespace secmap::ui {

void draw_sidebar(PanelContext& ctx, ImVec2 pos, ImVec2 size) {
  const Lang L = ctx.state.lang();
  ctx.state.sync_border_layers();  // coverage of the current window, BLO links
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("##sidebar", nullptr, flags)) {
    auto section = [&](S title, const char* id, void (*draw)(PanelContext&), bool open = true) {
      const std::string label = std::string(tr(title, L)) + "###" + id;
      if (auto it = ctx.state.panel_open.find(id); it != ctx.state.panel_open.end()) {
        ImGui::SetNextItemOpen(it->second);
        ctx.state.panel_open.erase(it);
      }
      if (ImGui::CollapsingHeader(label.c_str(), open ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
        ImGui::PushID(id);
        draw(ctx);
        ImGui::PopID();
        ImGui::Spacing();
      }
    };
    // What was clicked or found comes right under the search box, where the eye already is.
    section(S::PanelSearch, "search", draw_search_section);
    section(S::PanelIdentify, "identify", draw_identify_section);
    section(S::PanelTime, "time", draw_time_section);
    section(S::PanelLayers, "layers", draw_layers_section);
    section(S::PanelLayerOrder, "layer-order", draw_layer_order_section);
    section(S::PanelTargets, "targets", draw_targets_section);
    // Their numbers are computed on a background thread for each new time window.
    section(S::PanelPatrol, "patrol", draw_patrol_section);
    section(S::PanelCooperation, "cooperation", draw_cooperation_section);
    if (ctx.show) section(S::PanelSlides, "slides", draw_slides_section);
  }
  ImGui::End();
}

}  // namespace secmap::ui
