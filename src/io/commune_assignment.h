// Commune of each point by point-in-polygon over the current communes (valid_to IS NULL), with
// geo::PointLocator so the result equals SpatiaLite's ST_Within(point, commune); a point exactly on
// a commune's boundary goes to the commune edit::Validator::commune_of names.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::io {

struct CommuneAssignment {
  std::vector<std::string> codes;  // per point; empty: outside every commune
  size_t communes = 0;             // current communes considered
  size_t outside = 0;
};

CommuneAssignment assign_communes(store::Database& db, std::span<const geo::Point> points);

}  // namespace secmap::io
