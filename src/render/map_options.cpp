#include "render/map_options.h"

#include <algorithm>
#include <cmath>

#include "render/bin_grid.h"
#include "render/public_safe.h"

namespace secmap::render {

IncidentFilter MapOptions::incident_filter() const {
  IncidentFilter f;
  f.days = days;
  f.group_mask = group_mask;
  f.category_mask = category_mask;
  f.severity_mask = severity_mask;
  f.status_mask = status_mask;
  return f;
}

float MapOptions::layer_opacity(std::string_view layer) const {
  auto it = opacity.find(layer);
  return it == opacity.end() ? 1.f : std::clamp(it->second, 0.f, 1.f);
}

std::vector<std::string> draw_order(const MapOptions& o) {
  static constexpr std::string_view kDefault[] = {
      "communes", "border", "coverage", "links", "facilities", "patrols", "incidents", "crossings"};
  std::vector<std::string> out;
  auto add = [&](std::string_view l) {
    if (std::find(std::begin(kLayerNames), std::end(kLayerNames), l) != std::end(kLayerNames) &&
        std::find(out.begin(), out.end(), l) == out.end())
      out.emplace_back(l);
  };
  for (const auto& l : o.order) add(l);
  // A layer missing from the order goes right above its default predecessor (or at the bottom).
  for (size_t i = 0; i < std::size(kDefault); ++i) {
    if (std::find(out.begin(), out.end(), kDefault[i]) != out.end()) continue;
    auto at = out.begin();
    for (size_t j = i; j-- > 0;)
      if (auto p = std::find(out.begin(), out.end(), kDefault[j]); p != out.end()) {
        at = p + 1;
        break;
      }
    out.emplace(at, kDefault[i]);
  }
  return out;
}

bool incidents_binned(const MapData& data, const View& view, const MapOptions& o) {
  if (o.binning == MapOptions::Binning::On) return true;
  if (o.binning == MapOptions::Binning::Off || o.plain) return false;
  const double pixels = static_cast<double>(view.width) * view.height;
  const size_t limit =
      std::min<size_t>(kBinAutoPoints, static_cast<size_t>(pixels / kBinPixelsPerPoint));
  const Incidents& inc = data.incidents;
  if (inc.size() <= limit) return false;
  // Points in the view (with a symbol's margin) that the filter accepts; stops at the limit.
  const double margin = 8 * view.m_per_px;
  const double x0 = view.centre.x - 0.5 * view.width * view.m_per_px - margin;
  const double x1 = view.centre.x + 0.5 * view.width * view.m_per_px + margin;
  const double y0 = view.centre.y - 0.5 * view.height * view.m_per_px - margin;
  const double y1 = view.centre.y + 0.5 * view.height * view.m_per_px + margin;
  const IncidentFilter f = o.incident_filter();
  size_t n = 0;
  for (size_t i = 0; i < inc.size(); ++i) {
    const geo::Point& p = inc.at[i];
    if (p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 && f.accepts(inc, i) && ++n > limit)
      return true;
  }
  return false;
}

bool same_incident_options(const MapOptions& a, const MapOptions& b) {
  return a.category_mask == b.category_mask && a.severity_mask == b.severity_mask &&
         a.status_mask == b.status_mask && a.binning == b.binning && a.order == b.order &&
         a.opacity == b.opacity && a.bin_upper == b.bin_upper &&
         a.commune_breaks == b.commune_breaks && a.kde_bandwidth_m == b.kde_bandwidth_m &&
         a.kde_cell_m == b.kde_cell_m && a.coverage == b.coverage && a.links == b.links;
}

namespace {

// The fullest hexagon reaching into the view among the incidents the options show.
double bin_max_cpu(const MapData& data, const View& view, const MapOptions& o) {
  const BinGrid g = bin_grid(view, kBinCellPx * o.symbol_scale);
  const IncidentFilter f = o.incident_filter();
  const double radius = g.cell_px / kSqrt3;
  std::vector<int> n(static_cast<size_t>(g.columns) * g.rows, 0);
  double max = 0;
  for (size_t i = 0; i < data.incidents.size(); ++i) {
    if (!f.accepts(data.incidents, i)) continue;
    const geo::Point p = view.to_pixel(data.incidents.at[i]);
    const HexTexel t = hex_texel(g, p.x, view.height - p.y);
    if (t.column < 0) continue;
    const auto [cx, cy] = hex_centre(g, t.column, t.row);
    if (cx + radius < 0 || cy + radius < 0 || cx - radius > view.width || cy - radius > view.height)
      continue;
    max = std::max<double>(max, ++n[static_cast<size_t>(t.row) * g.columns + t.column]);
  }
  return max;
}

}  // namespace

void share_classes(const MapData& data, const View& view, MapOptions& a, MapOptions& b) {
  const MapOptions pa = public_safe_options(a), pb = public_safe_options(b);
  if (pa.style == pb.style) {
    StyleParams params;
    params.suppress_below = pa.public_safe || pb.public_safe ? pa.public_min_count : 0;
    const std::vector<double> breaks =
        shared_class_breaks(data, pa.style, {pa.incident_filter(), pb.incident_filter()}, params);
    a.commune_breaks = b.commune_breaks = breaks;
  }
  const bool shows_a = pa.layers.count("incidents") > 0, shows_b = pb.layers.count("incidents") > 0;
  if (!shows_a && !shows_b) return;
  const bool binned = (shows_a && incidents_binned(data, view, pa)) ||
                      (shows_b && incidents_binned(data, view, pb));
  if (!binned) {
    a.binning = b.binning = MapOptions::Binning::Off;
    return;
  }
  a.binning = b.binning = MapOptions::Binning::On;
  const double max = std::max(shows_a ? bin_max_cpu(data, view, pa) : 0.0,
                              shows_b ? bin_max_cpu(data, view, pb) : 0.0);
  a.bin_upper = b.bin_upper = bin_class_bounds(max);
}

}  // namespace secmap::render
