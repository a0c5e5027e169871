// The coverage result as a table for `secmap border coverage` and `secmap patrol coverage`: one
// row per segment (covered yes/no, covered fractions, routes, last done, next planned), then
// one per crossing. Sensitive crossings (openings, trails) are counted but not listed unless
// include_sensitive.
#pragma once
#include "border/coverage.h"
#include "io/feature_table.h"

namespace secmap::border {

io::FeatureTable coverage_table(const std::vector<Segment>& segs,
                                const std::vector<Crossing>& crossings, const Coverage& cov,
                                bool include_sensitive, size_t* uncovered_segments,
                                size_t* uncovered_crossings);

}  // namespace secmap::border
