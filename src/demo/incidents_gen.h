// Synthetic incidents over 2024-01-01 … 2026-11-15: categories from the code list with
// realistic weights, clustered around towns, crossings and a few rural hotspots, a peak in the
// weeks before Tết, a year-on-year decline, and severities and case statuses that age like
// real case files.
#pragma once
#include <cstddef>
#include <map>
#include <vector>

#include "demo/random.h"
#include "demo/world.h"
#include "store/database.h"

namespace secmap::demo {

// Per-commune counts the status generator uses (drug-free and "an toàn" follow incidents).
struct IncidentStats {
  size_t total = 0;
  std::map<int, std::vector<int>> all_by_year;    // year → count per commune index
  std::map<int, std::vector<int>> drugs_by_year;  // year → DR-group count per commune index
};

// years: restrict occurrence dates to these years (empty: the whole period).
IncidentStats generate_incidents(store::Database& db, const World& w, Rng& rng, size_t count,
                                 const std::vector<int>& years = {});

}  // namespace secmap::demo
