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

void share_classes(const MapData& data, const View& view, const std::vector<MapOptions*>& maps) {
  if (maps.empty()) return;
  std::vector<MapOptions> drawn;  // as they will be drawn (public-safe)
  for (const MapOptions* m : maps) drawn.push_back(public_safe_options(*m));
  const bool one_style = std::all_of(drawn.begin(), drawn.end(), [&](const MapOptions& m) {
    return m.style == drawn.front().style;
  });
  if (one_style) {
    StyleParams params;
    for (const MapOptions& m : drawn)
      if (m.public_safe) params.suppress_below = m.public_min_count;
    std::vector<IncidentFilter> filters;
    for (const MapOptions& m : drawn) filters.push_back(m.incident_filter());
    const std::vector<double> breaks =
        shared_class_breaks(data, drawn.front().style, filters, params);
    for (MapOptions* m : maps) m->commune_breaks = breaks;
  }
  bool shows = false, binned = false;
  for (const MapOptions& m : drawn)
    if (m.layers.count("incidents")) {
      shows = true;
      binned = binned || incidents_binned(data, view, m);
    }
  if (!shows) return;
  if (!binned) {
    for (MapOptions* m : maps) m->binning = MapOptions::Binning::Off;
    return;
  }
  double max = 0;
  for (const MapOptions& m : drawn)
    if (m.layers.count("incidents")) max = std::max(max, bin_max_cpu(data, view, m));
  for (MapOptions* m : maps) {
    m->binning = MapOptions::Binning::On;
    m->bin_upper = bin_class_bounds(max);
  }
}

void share_classes(const MapData& data, const View& view, MapOptions& a, MapOptions& b) {
  share_classes(data, view, std::vector<MapOptions*>{&a, &b});
}

}  // namespace secmap::render
