// Layer order and opacity: the layers top of the drawing first, as map programs list
// them, each with up/down buttons and an opacity slider. Only MapOptions::order and ::opacity
// change; the renderer draws in that order without re-uploading anything.
#include <algorithm>

#include "render/map_renderer.h"
#include "ui/panels.h"

namespace secmap::ui {
namespace {

S layer_label(const std::string& layer) {
  if (layer == "communes") return S::LayerCommunes;
  if (layer == "border") return S::LayerBorder;
  if (layer == "facilities") return S::LayerFacilities;
  if (layer == "patrols") return S::LayerPatrols;
  if (layer == "incidents") return S::LayerIncidents;
  return S::LayerCrossings;
}

}  // namespace

void draw_layer_order_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  render::MapOptions& o = st.edit_options();
  std::vector<std::string> order = render::draw_order(o);  // bottom first
  size_t swap_a = 0, swap_b = 0;                           // equal: no move this frame
  for (size_t k = order.size(); k-- > 0;) {                // top first
    const std::string layer = order[k];
    ImGui::PushID(layer.c_str());
    ImGui::BeginDisabled(k + 1 == order.size());
    if (ImGui::ArrowButton("##up", ImGuiDir_Up)) swap_a = k, swap_b = k + 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(k == 0);
    if (ImGui::ArrowButton("##down", ImGuiDir_Down)) swap_a = k, swap_b = k - 1;
    ImGui::EndDisabled();
    ImGui::SameLine();
    float opacity = o.layer_opacity(layer);
    ImGui::SetNextItemWidth(-1);
    const std::string fmt = std::string(tr(layer_label(layer), L)) + " %.2f";
    if (ImGui::SliderFloat("##opacity", &opacity, 0.f, 1.f, fmt.c_str())) {
      if (opacity >= 1.f)
        o.opacity.erase(layer);
      else
        o.opacity[layer] = opacity;
    }
    ImGui::PopID();
  }
  if (swap_a != swap_b) {
    std::swap(order[swap_a], order[swap_b]);
    o.order = order;
  }
  if (ImGui::SmallButton(tr(S::ResetOrder, L))) {
    o.order.clear();
    o.opacity.clear();
  }
}

}  // namespace secmap::ui
