// The communes an analysis runs over: the model's commune set (model/communes.h), and the
// centroid the analyses place a commune at.
#pragma once
#include "geo/geometry.h"
#include "model/communes.h"

namespace secmap::analysis {

using model::CommuneQuery;
using model::CommuneSet;
using model::load_communes;
using model::metric_crs;

// Area-weighted centroid of a polygonal geometry (planar, in its own units); the first vertex
// for a degenerate one.
geo::Point centroid(const geo::Geometry& g);

}  // namespace secmap::analysis
