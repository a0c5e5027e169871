#include "ui/slide_view_state.h"

#include <algorithm>
#include <sstream>

#include "geo/crs.h"
#include "render/style.h"

namespace secmap::ui {

render::DayRange window_days(const std::string& from, const std::string& to) {
  render::DayRange d;
  if (auto f = render::day_number(from)) d.from = *f;
  if (auto t = render::day_number(to)) d.to = *t;
  return d;
}

std::string window_from(render::DayRange d) {
  return d.from <= render::DayRange{}.from ? "" : render::iso_date(d.from);
}
std::string window_to(render::DayRange d) {
  return d.to >= render::DayRange{}.to ? "" : render::iso_date(d.to);
}
bool is_unbounded(render::DayRange d) {
  return window_from(d).empty() && window_to(d).empty();
}

std::optional<render::DayRange> compare_days(const briefing::SlideView& v) {
  if (!v.compare) return std::nullopt;
  return window_days(v.compare->date_from, v.compare->date_to);
}

briefing::SlideView capture_slide_view(const AppState& st,
                                       const std::optional<render::DayRange>& compare) {
  briefing::SlideView v;
  const render::View& view = st.view();
  const geo::BBox merc = view.visible_mercator();
  const geo::Point sw = geo::mercator_to_lonlat({merc.min_x, merc.min_y});
  const geo::Point ne = geo::mercator_to_lonlat({merc.max_x, merc.max_y});
  geo::BBox ll;
  ll.add(sw);
  ll.add(ne);
  v.bbox_lonlat = ll;  // an extent, so a screen of another shape still shows all of it
  const render::MapOptions& o = st.options();
  v.layers.assign(o.layers.begin(), o.layers.end());
  v.style = st.to_settings().style;
  v.date_from = window_from(o.days);
  v.date_to = window_to(o.days);
  if (st.has_data()) {
    const auto& groups = st.data()->incident_groups;
    std::string codes;
    bool all = true;
    for (size_t g = 0; g < groups.size() && g < 32; ++g) {
      if ((o.group_mask >> g) & 1u)
        codes += (codes.empty() ? "" : ",") + groups.entries[g].code;
      else
        all = false;
    }
    if (!all) v.incident_groups = codes;
  }
  if (compare)
    v.compare = briefing::ComparisonWindow{window_from(*compare), window_to(*compare), ""};
  return v;
}

render::MapOptions slide_options(const briefing::SlideView& v, const render::MapData& data,
                                 render::MapOptions base) {
  render::LayerSet layers;
  for (const auto& l : v.layers)
    if (std::find(std::begin(render::kLayerNames), std::end(render::kLayerNames), l) !=
        std::end(render::kLayerNames))
      layers.insert(l);
  base.layers = layers;
  if (auto s = render::parse_style(v.style); s && *s != render::StyleKind::Plain) base.style = *s;
  base.days = window_days(v.date_from, v.date_to);
  if (!v.incident_groups) {
    base.group_mask = 0xFFFFFFFFu;
  } else {
    uint32_t mask = 0;
    std::istringstream in(*v.incident_groups);
    for (std::string code; std::getline(in, code, ',');) {
      const int i = data.incident_groups.index_of(code);
      if (i >= 0 && i < 32) mask |= 1u << i;
    }
    base.group_mask = mask;
  }
  return base;
}

ViewGoal slide_goal(const briefing::SlideView& v, const render::MapData& data, int width,
                    int height) {
  width = std::max(1, width);
  height = std::max(1, height);
  if (v.centre_3857 && v.m_per_px > 0)  // the slide's own rule: a centre wins over an extent
    return {*v.centre_3857, v.m_per_px * std::max(1, v.reference_width) / width};
  geo::BBox merc;
  if (v.bbox_lonlat && !v.bbox_lonlat->empty()) {
    merc = render::lonlat_bbox_to_mercator(*v.bbox_lonlat);
  } else {
    for (const auto& c : data.communes) merc.add(c.bbox);
    if (merc.empty()) merc = data.extent;
  }
  const render::View fitted = render::View::fit(merc, width, height);
  return {fitted.centre, fitted.m_per_px};
}

}  // namespace secmap::ui
