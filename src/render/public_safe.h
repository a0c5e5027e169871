// Public-safe rendering: what a map for a wide audience (conferences, the Fatherland Front,
// media) may show. No individual incidents (points or bins), no sensitive layers (patrol routes),
// no sensitive features (trails, openings, crossings or facilities flagged sensitive), no density
// surface drawn from incident positions; incidents appear only aggregated to communes with small
// counts suppressed. MapRenderer applies these rules itself, so every export path honours them.
#pragma once
#include "render/map_data.h"
#include "render/map_options.h"

namespace secmap::render {

// The options a public-safe render actually uses: incidents and sensitive layers removed, the
// density style replaced by commune counts. Options without public_safe come back unchanged.
MapOptions public_safe_options(const MapOptions& options);

// Whether a crossing or facility may appear in a public-safe view.
inline bool public_visible(const PointFeature& f) {
  return !f.sensitive;
}

// The features of a point layer a view may show.
std::vector<PointFeature> public_features(const std::vector<PointFeature>& features);

}  // namespace secmap::render
