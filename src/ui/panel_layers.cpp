// Layers: show/hide each layer, the commune fill opacity and what colours the communes (every
// commune style and analysis layer: statuses, designations, counts, rates, change, Gi* hot
// spots, density).
#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "render/style.h"
#include "ui/panels.h"

namespace secmap::ui {

void draw_layers_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  render::MapOptions& o = st.edit_options();
  struct Row {
    const char* layer;
    S label;
  };
  // Top of the drawing order first, as map programs list layers.
  static constexpr Row kRows[] = {{"crossings", S::LayerCrossings},
                                  {"incidents", S::LayerIncidents},
                                  {"facilities", S::LayerFacilities},
                                  {"border", S::LayerBorder},
                                  {"communes", S::LayerCommunes}};
  for (const Row& r : kRows) {
    bool on = o.layers.count(r.layer) > 0;
    const std::string label = std::string(tr(r.label, L)) + "###" + r.layer;
    if (ImGui::Checkbox(label.c_str(), &on)) {
      if (on)
        o.layers.insert(r.layer);
      else
        o.layers.erase(std::string(r.layer));
    }
  }
  ImGui::Checkbox((std::string(tr(S::ShowLegend, L)) + "###legend").c_str(), &st.show_legend);
  ImGui::SetNextItemWidth(-1);
  const std::string opacity_fmt = std::string(tr(S::Opacity, L)) + " %.2f";
  ImGui::SliderFloat("##opacity", &o.fill_opacity, 0.f, 1.f, opacity_fmt.c_str());
  ImGui::TextUnformatted(tr(S::ColourBy, L));
  // One radio button per style, in render::kUserStyles order.
  static constexpr S kStyleLabels[] = {S::StyleDrugFree,     S::StyleAntt,      S::StyleMovement,
                                       S::StyleDesignations, S::StyleIncidents, S::StyleRate,
                                       S::StyleChange,       S::StyleHotspots,  S::StyleKde};
  static_assert(std::size(kStyleLabels) == std::size(render::kUserStyles));
  for (size_t i = 0; i < std::size(kStyleLabels); ++i) {
    const std::string label = std::string(tr(kStyleLabels[i], L)) + "###style_" +
                              render::style_name(render::kUserStyles[i]);
    if (ImGui::RadioButton(label.c_str(), o.style == render::kUserStyles[i]))
      o.style = render::kUserStyles[i];
  }
  if (o.style == render::StyleKind::Kde) {
    // The kernel's σ and the raster's cell in metres (VN-2000), as `analyze kde` takes them.
    // The surface is recomputed when a slider is released, not on every step of a drag.
    auto slider = [](const char* id, double& value, float lo, float hi, const char* fmt,
                     ImGuiSliderFlags flags, std::optional<float>& dragging) {
      float v = dragging.value_or(static_cast<float>(value));
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderFloat(id, &v, lo, hi, fmt, flags);
      if (ImGui::IsItemActive()) {
        dragging = v;
        return;
      }
      if (ImGui::IsItemDeactivatedAfterEdit() || ImGui::IsItemEdited())
        value =
            std::clamp(static_cast<double>(v), static_cast<double>(lo), static_cast<double>(hi));
      dragging.reset();
    };
    static std::optional<float> bandwidth_drag, cell_drag;
    // The catalogue holds no format characters: the number's format is added here.
    const std::string bandwidth_fmt = std::string(tr(S::KdeBandwidth, L)) + ": %.0f";
    const std::string cell_fmt = std::string(tr(S::KdeCell, L)) + ": %.0f";
    slider("##kde_bandwidth", o.kde_bandwidth_m, 200.f, 10000.f, bandwidth_fmt.c_str(),
           ImGuiSliderFlags_Logarithmic, bandwidth_drag);
    slider("##kde_cell", o.kde_cell_m, 0.f, 2000.f, cell_fmt.c_str(), ImGuiSliderFlags_None,
           cell_drag);
  }
}

}  // namespace secmap::ui
