// Layers: show/hide each layer, the commune fill opacity and what colours the communes.
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
  int style = o.style == render::StyleKind::Antt        ? 1
              : o.style == render::StyleKind::Incidents ? 2
                                                        : 0;
  bool changed = ImGui::RadioButton(tr(S::StyleDrugFree, L), &style, 0);
  changed |= ImGui::RadioButton(tr(S::StyleAntt, L), &style, 1);
  changed |= ImGui::RadioButton(tr(S::StyleIncidents, L), &style, 2);
  if (changed)
    o.style = style == 1   ? render::StyleKind::Antt
              : style == 2 ? render::StyleKind::Incidents
                           : render::StyleKind::DrugFree;
}

}  // namespace secmap::ui
