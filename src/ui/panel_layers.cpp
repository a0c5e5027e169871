// Layers: show/hide each layer, the commune fill opacity and what colours the communes (every
// commune style and analysis layer: statuses, designations, counts, rates, change, Gi* hot
// spots, density).
#include <iterator>
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
}

}  // namespace secmap::ui
