#include "briefing/view_render.h"

#include <algorithm>
#include <charconv>

namespace secmap::briefing {
namespace {

int32_t parse_day(const std::string& iso, const char* field, int32_t unbounded) {
  if (iso.empty()) return unbounded;
  auto d = render::day_number(iso);
  if (!d)
    throw SlideError("view \"" + std::string(field) + "\": '" + iso +
                     "' is not a date (YYYY-MM-DD)");
  return *d;
}

std::string dmy(const std::string& iso) {
  auto d = render::day_number(iso);
  if (!d) return iso;
  const std::string s = render::iso_date(*d);  // YYYY-MM-DD
  return s.substr(8, 2) + "/" + s.substr(5, 2) + "/" + s.substr(0, 4);
}

}  // namespace

std::pair<int, int> parse_size(std::string_view text) {
  const auto x = text.find('x');
  int w = 0, h = 0;
  bool ok = x != std::string_view::npos;
  if (ok) {
    auto r1 = std::from_chars(text.data(), text.data() + x, w);
    auto r2 = std::from_chars(text.data() + x + 1, text.data() + text.size(), h);
    ok = r1.ec == std::errc() && r1.ptr == text.data() + x && r2.ec == std::errc() &&
         r2.ptr == text.data() + text.size();
  }
  if (!ok || w < 16 || h < 16)
    throw SlideError("size '" + std::string(text) + "' must be WIDTHxHEIGHT, e.g. 1920x1080");
  if (w > kMaxExportWidth || h > kMaxExportHeight)
    throw SlideError("size '" + std::string(text) + "' is larger than " +
                     std::to_string(kMaxExportWidth) + "x" + std::to_string(kMaxExportHeight));
  return {w, h};
}

std::string window_text(const std::string& from, const std::string& to) {
  if (from.empty() && to.empty()) return "toàn bộ thời gian / all dates";
  return (from.empty() ? std::string("…") : dmy(from)) + " – " +
         (to.empty() ? std::string("…") : dmy(to));
}

render::HeadlessRequest view_request(const render::MapData& data, const SlideView& v, int width,
                                     int height, bool public_safe, bool compare) {
  render::HeadlessRequest req;
  req.width = width;
  req.height = height;
  render::MapOptions& m = req.map;
  try {
    std::string joined;
    for (const auto& l : v.layers) joined += (joined.empty() ? "" : ",") + l;
    m.layers = render::parse_layers(joined);
  } catch (const std::invalid_argument& e) {
    throw SlideError(std::string("view \"layers\": ") + e.what());
  }
  auto style = render::parse_style(v.style);
  if (!style) throw SlideError("view \"style\": unknown style '" + v.style + "'");
  m.style = *style;
  const std::string& from = compare && v.compare ? v.compare->date_from : v.date_from;
  const std::string& to = compare && v.compare ? v.compare->date_to : v.date_to;
  m.days.from = parse_day(from, "date_from", render::DayRange{}.from);
  m.days.to = parse_day(to, "date_to", render::DayRange{}.to);
  if (m.days.from > m.days.to)
    throw SlideError("view: date_from " + from + " is after date_to " + to);
  if (v.incident_groups) {
    uint32_t mask = 0;
    size_t start = 0;
    const std::string& g = *v.incident_groups;
    while (start <= g.size()) {
      size_t end = std::min(g.find(',', start), g.size());
      std::string code = g.substr(start, end - start);
      if (!code.empty()) {
        int i = data.incident_groups.index_of(code);
        if (i < 0) throw SlideError("view \"incident_groups\": unknown group '" + code + "'");
        mask |= 1u << std::min(i, 31);
      }
      start = end + 1;
    }
    m.group_mask = mask;
  }
  m.public_safe = public_safe || v.public_safe;

  // The same look at every size: symbols, lines and text grow with the width.
  const float scale = static_cast<float>(width) / kReferenceWidth;
  m.symbol_scale = scale;
  req.ui_scale = render::auto_ui_scale(kReferenceWidth, kReferenceWidth * 9 / 16) * scale;

  render::View view;
  if (v.centre_3857) {
    view.centre = *v.centre_3857;
    view.m_per_px = v.m_per_px * v.reference_width / width;
  } else {
    geo::BBox box = v.bbox_lonlat ? render::lonlat_bbox_to_mercator(*v.bbox_lonlat) : data.extent;
    if (box.empty()) box = render::lonlat_bbox_to_mercator({102.0, 21.0, 105.0, 23.5});
    view = render::View::fit(box, width, height);
  }
  view.width = width;
  view.height = height;
  req.view = view;
  return req;
}

std::vector<PaneImage> render_view(const render::MapData& data, const SlideView& v, int width,
                                   int height, bool public_safe, bool with_legend,
                                   std::ostream& log) {
  const int n = v.compare ? 2 : 1;
  const int gutter = n > 1 ? 4 : 0;
  const int pane_w = (width - gutter) / n;
  // As the window shows them: the comparison (earlier) window left, the view's own right.
  std::vector<render::HeadlessRequest> reqs;
  for (int p = 0; p < n; ++p)
    reqs.push_back(view_request(data, v, pane_w, height, public_safe, n == 2 && p == 0));
  // Both panes share their classes (commune breaks, bins) so their colours compare.
  if (n == 2) {
    const float scale = static_cast<float>(width) / kReferenceWidth;
    for (auto& r : reqs) r.map.symbol_scale = scale;
    render::View pane_view = *reqs[0].view;
    pane_view.width = pane_w;
    pane_view.height = height;
    render::share_classes(data, pane_view, reqs[0].map, reqs[1].map);
  }
  return render_panes(data, v, std::move(reqs), width, with_legend, log);
}

std::vector<PaneImage> render_panes(const render::MapData& data, const SlideView& v,
                                    std::vector<render::HeadlessRequest> reqs, int width,
                                    bool with_legend, std::ostream& log) {
  std::vector<PaneImage> panes;
  const int n = static_cast<int>(reqs.size());
  for (int p = 0; p < n; ++p) {
    render::HeadlessRequest req = reqs[p];
    // Panes keep the look of the whole image: scale by its width, not the pane's.
    const float scale = static_cast<float>(width) / kReferenceWidth;
    req.map.symbol_scale = scale;
    req.ui_scale = render::auto_ui_scale(kReferenceWidth, kReferenceWidth * 9 / 16) * scale;
    // Both panes come from the same view at the same pane size: the same extent.
    req.legend = with_legend;
    render::HeadlessResult r = render::render_headless(data, req, log);
    PaneImage pane;
    pane.image = std::move(r.image);
    pane.legend = std::move(r.legend);
    pane.view = r.view;
    const bool cmp = n == 2 && p == 0;
    const std::string& label = cmp ? v.compare->label : v.label;
    pane.label = !label.empty() ? label
                 : cmp          ? window_text(v.compare->date_from, v.compare->date_to)
                                : window_text(v.date_from, v.date_to);
    panes.push_back(std::move(pane));
  }
  return panes;
}

io::Image compose_panes(const std::vector<PaneImage>& panes) {
  if (panes.size() == 1) return panes[0].image;
  io::Image out;
  const int gutter = 4;
  for (const auto& p : panes) out.width += p.image.width;
  out.width += gutter * static_cast<int>(panes.size() - 1);
  for (const auto& p : panes) out.height = std::max(out.height, p.image.height);
  out.rgba.assign(static_cast<size_t>(out.width) * out.height * 4, 255);
  int x0 = 0;
  for (const auto& p : panes) {
    for (int y = 0; y < p.image.height; ++y)
      std::copy_n(p.image.pixel(0, y), static_cast<size_t>(p.image.width) * 4, out.pixel(x0, y));
    x0 += p.image.width + gutter;
  }
  return out;
}

}  // namespace secmap::briefing
