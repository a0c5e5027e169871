// Search: communes, crossings and facilities by name or code, diacritics optional; a click on a
// result flies the map to it and selects it.
#include <cstring>

#include "ui/panels.h"

namespace secmap::ui {

void draw_search_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  // A script or a restored session may have set the query: show it.
  if (!ctx.search_active && st.search_query() != ctx.search_text.data())
    std::strncpy(ctx.search_text.data(), st.search_query().c_str(), ctx.search_text.size() - 1);
  ImGui::SetNextItemWidth(-1);
  if (ImGui::InputTextWithHint("##query", tr(S::SearchHint, L), ctx.search_text.data(),
                               ctx.search_text.size()))
    st.set_search(ctx.search_text.data());
  ctx.search_active = ImGui::IsItemActive();
  if (st.search_query().empty()) return;
  const auto& hits = st.search_results();
  if (hits.empty()) {
    ImGui::TextDisabled("%s", tr(S::NothingFound, L));
    return;
  }
  ImGui::TextDisabled("%zu %s", hits.size(), tr(S::Results, L));
  const float rows = static_cast<float>(std::min<size_t>(hits.size(), 6));
  if (ImGui::BeginChild("##hits", ImVec2(0, rows * ImGui::GetTextLineHeightWithSpacing() + 4))) {
    for (size_t i = 0; i < hits.size(); ++i) {
      const SearchHit& h = hits[i];
      const S kind = h.ref.kind == FeatureKind::Commune    ? S::Commune
                     : h.ref.kind == FeatureKind::Crossing ? S::Crossing
                                                           : S::Facility;
      const std::string label = h.name + "  ·  " + tr(kind, L) + "##" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), st.selected() == h.ref)) st.fly_to(h);
    }
  }
  ImGui::EndChild();
}

}  // namespace secmap::ui
