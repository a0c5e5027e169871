// Time and filters: the incident date window (two sliders over the incidents' dates), presets
// (all dates, this month, this year, the same window last year, every campaign window), the
// category group → category, severity and status filters and the binning choice. Filters only
// change MapOptions: the renderer filters on the GPU.
#include <algorithm>

#include "render/style.h"
#include "ui/incident_filters.h"
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

// Category groups → categories with tri-state group boxes, then severities and statuses. Every
// box only flips a mask bit: the renderer filters on the GPU.
void draw_incident_filters(AppState& st) {
  const Lang L = st.lang();
  const render::MapData& d = *st.data();
  render::MapOptions& o = st.edit_options();
  if (ImGui::SmallButton((std::string(tr(S::ClearFilters, L)) + "###clear").c_str()))
    clear_code_filters(o);
  if (ImGui::TreeNode((std::string(tr(S::Categories, L)) + "###groups").c_str())) {
    if (ImGui::SmallButton(tr(S::AllGroups, L))) {
      o.group_mask = 0xFFFFFFFFu;
      o.category_mask.fill(0xFFFFFFFFu);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(tr(S::NoGroups, L))) o.group_mask = 0;
    for (size_t g = 0; g < d.incident_groups.size() && g < 16; ++g) {
      ImGui::PushID(static_cast<int>(g));
      swatch(render::incident_group_colour(static_cast<int>(g)));
      bool on = (o.group_mask >> g) & 1u;
      if (ImGui::Checkbox("##g", &on)) o.group_mask ^= 1u << g;
      ImGui::SameLine();
      const std::string label = d.incident_groups.name(static_cast<int>(g), L) + "###cats";
      if (ImGui::TreeNode(label.c_str())) {
        for (size_t c = 0; c < d.category_group.size(); ++c) {
          if (d.category_group[c] != g) continue;
          bool shown = category_shown(o, static_cast<int>(c));
          const std::string name = d.incident_categories.entries[c].code + " " +
                                   d.incident_categories.name(static_cast<int>(c), L) + "##c" +
                                   std::to_string(c);
          if (ImGui::Checkbox(name.c_str(), &shown)) {
            set_category_shown(o, static_cast<int>(c), shown);
            if (shown) o.group_mask |= 1u << g;  // a category shown inside a hidden group
          }
        }
        ImGui::TreePop();
      }
      ImGui::PopID();
    }
    ImGui::TreePop();
  }
  auto mask_boxes = [&](S title, const char* id, const render::CodeList& list, uint32_t& mask,
                        int none_bit, bool with_none) {
    if (!ImGui::TreeNode((std::string(tr(title, L)) + "###" + id).c_str())) return;
    for (size_t i = 0; i < list.size() && static_cast<int>(i) < none_bit; ++i) {
      bool on = (mask >> i) & 1u;
      const std::string label = list.name(static_cast<int>(i), L) + "##" + list.entries[i].code;
      if (ImGui::Checkbox(label.c_str(), &on)) mask ^= 1u << i;
    }
    if (with_none) {
      bool on = (mask >> none_bit) & 1u;
      if (ImGui::Checkbox((std::string(tr(S::NoSeverity, L)) + "##none").c_str(), &on))
        mask ^= 1u << none_bit;
    }
    ImGui::TreePop();
  };
  mask_boxes(S::Severities, "severities", d.severities, o.severity_mask,
             render::Incidents::kNoSeverity, true);
  mask_boxes(S::Statuses, "statuses", d.case_statuses, o.status_mask, render::Incidents::kNoStatus,
             false);
  ImGui::TextUnformatted(tr(S::Binning, L));
  int bins = static_cast<int>(o.binning);
  bool changed = ImGui::RadioButton(tr(S::BinsAuto, L), &bins, 0);
  ImGui::SameLine();
  changed |= ImGui::RadioButton(tr(S::BinsOff, L), &bins, 1);
  ImGui::SameLine();
  changed |= ImGui::RadioButton(tr(S::BinsOn, L), &bins, 2);
  if (changed) o.binning = static_cast<render::MapOptions::Binning>(bins);
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
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.label.c_str());  // the whole name
    }
    ImGui::TreePop();
  }

  draw_incident_filters(st);
  ImGui::Text("%s: %zu", tr(S::IncidentsShown, L), st.visible_incidents());
}

}  // namespace secmap::ui
