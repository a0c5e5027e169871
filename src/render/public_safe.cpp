#include "render/public_safe.h"

namespace secmap::render {

MapOptions public_safe_options(const MapOptions& options) {
  if (!options.public_safe) return options;
  MapOptions o = options;
  o.layers.erase("incidents");
  for (std::string_view layer : kSensitiveLayers) o.layers.erase(std::string(layer));
  // A kernel density surface with a small bandwidth draws the incidents' positions.
  if (o.style == StyleKind::Kde) o.style = StyleKind::Count;
  o.public_min_count = std::max(o.public_min_count, 1);
  return o;
}

std::vector<PointFeature> public_features(const std::vector<PointFeature>& features) {
  std::vector<PointFeature> out;
  for (const auto& f : features)
    if (public_visible(f)) out.push_back(f);
  return out;
}

}  // namespace secmap::render
