// Time and filters: the incident date window (two sliders over the incidents' dates), presets
// (all dates, this month, this year, the same window last year, every campaign window) and the
// incident-group filter. Filters only change MapOptions: the renderer filters on the GPU.
#include <algorithm>

#include "render/style.h"
#include "ui/panels.h"
#include "ui/time_presets.h"

namespace secmap::ui {
namespace {

void swatch(render::Rgba c) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + 2}, {p.x + h, p.y + h - 2}, c.abgr(), 2);
  ImGui::Dummy({h, h});
  ImGui::SameLine();
}

}  // namespace

void draw_time_section(PanelContext& ctx) {
  AppState& st = ctx.state;
  const Lang L = st.lang();
  if (!st.has_data() || st.data()->incidents.size() == 0) return;
  const render::DayRange all = st.data_days();
  render::DayRange w = st.options().days;
  // The window may reach beyond the data (a preset, "all dates"): show it clamped.
  int from = std::clamp(w.from, all.from, all.to), to = std::clamp(w.to, all.from, all.to);
  const std::string from_fmt = format_day(from), to_fmt = format_day(to);
  const float label_w =
      ImGui::CalcTextSize(tr(S::DateFrom, L)).x + ImGui::CalcTextSize(tr(S::DateTo, L)).x;
  ImGui::PushItemWidth(std::max(80.f, ImGui::GetContentRegionAvail().x - label_w * 0.6f));
  bool moved = ImGui::SliderInt((std::string(tr(S::DateFrom, L)) + "###from").c_str(), &from,
                                all.from, all.to, from_fmt.c_str());
  moved |= ImGui::SliderInt((std::string(tr(S::DateTo, L)) + "###to").c_str(), &to, all.from,
                            all.to, to_fmt.c_str());
  ImGui::PopItemWidth();
  if (moved) st.set_days({std::min(from, to), std::max(from, to)});

  ImGui::TextDisabled("%s", tr(S::Presets, L));
  if (ImGui::SmallButton(tr(S::AllDates, L))) st.set_days({});
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::ThisMonth, L))) st.set_days(month_of(today()));
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(S::ThisYear, L))) st.set_days(year_of(today()));
  if (ImGui::SmallButton(tr(S::SameWindowLastYear, L)))
    st.set_days(same_window_last_year({from, to}));
  if (st.index() && !st.index()->campaigns().empty() &&
      ImGui::TreeNode((std::string(tr(S::Campaigns, L)) + "###campaigns").c_str())) {
    for (const DatePreset& p : campaign_presets(st.index()->campaigns(), L)) {
      const bool current = w.from == p.days.from && w.to == p.days.to;
      if (ImGui::Selectable(p.label.c_str(), current)) st.set_days(p.days);
    }
    ImGui::TreePop();
  }

  const auto& groups = st.data()->incident_groups;
  if (ImGui::TreeNode((std::string(tr(S::IncidentGroups, L)) + "###groups").c_str())) {
    uint32_t& mask = st.edit_options().group_mask;
    if (ImGui::SmallButton(tr(S::AllGroups, L))) mask = 0xFFFFFFFFu;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::NoGroups, L))) mask = 0;
    for (size_t g = 0; g < groups.size() && g < 16; ++g) {
      swatch(render::incident_group_colour(static_cast<int>(g)));
      bool on = (mask >> g) & 1u;
      const std::string label = groups.name(static_cast<int>(g), L) + "##g" + std::to_string(g);
      if (ImGui::Checkbox(label.c_str(), &on)) mask ^= 1u << g;
    }
    ImGui::TreePop();
  }
  ImGui::Text("%s: %zu", tr(S::IncidentsShown, L), st.visible_incidents());
}

}  // namespace secmap::ui
