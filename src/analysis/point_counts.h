// Counting points per commune from geometry alone (no stored commune_code): for recounting after
// boundary changes, for points from outside the store, and as the check against SpatiaLite's
// ST_Within join. Strict containment: a point on a boundary belongs to no commune, as in
// ST_Within.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/communes.h"
#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::analysis {

// Points per commune, index-aligned with `communes` (which must carry geometry).
std::vector<int64_t> count_points(const CommuneSet& communes, std::span<const geo::Point> pts);

// Locations of non-deleted incidents, optionally within an inclusive day window.
std::vector<geo::Point> load_incident_points(store::Database& db,
                                             std::optional<int32_t> from = std::nullopt,
                                             std::optional<int32_t> to = std::nullopt);

}  // namespace secmap::analysis
