// Which border segments and crossings the patrol routes of a window cover.
//
// The rule: a point of the border is covered by a route when it lies within `buffer_m`
// (default 1 km, VN-2000 metres) of the route's line. A segment is COVERED when the union of
// the buffers of all routes in the window (planned and done) holds at least `min_fraction`
// (default 0.8) of its length; a crossing is covered when it lies within `buffer_m` of a route.
// The covered parts are exact (each border edge is clipped against each route edge's capsule),
// not sampled. Route edges are looked up in chunks (border/chunk_grid.h); a border edge stops
// testing a route once that route covers it whole, and stops testing routes of a kind (done,
// planned) that it already knows touch the segment once that kind covers the edge whole: what
// is skipped could change neither a length nor a count.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "border/border_data.h"
#include "border/routes.h"

namespace secmap::border {

struct CoverageOptions {
  double buffer_m = 1000;
  double min_fraction = 0.8;
  int threads = 2;  // segments are shared out between this many threads (same answers for any)
};

struct SegmentCoverage {
  double fraction = 0;          // union of all routes' buffers, 0..1
  double done_fraction = 0;     // the same for done routes only
  double planned_fraction = 0;  // … and for planned routes only
  bool covered = false;         // fraction ≥ min_fraction
  // Routes whose buffer reaches any part of the segment.
  int done_routes = 0, planned_routes = 0;
  std::optional<int32_t> last_done;     // latest day a done route touching it ended (or started)
  std::optional<int32_t> next_planned;  // earliest day a planned route touching it starts
};

struct CrossingCoverage {
  bool covered = false;
  int routes = 0;         // routes within the buffer
  double nearest_m = -1;  // distance to the nearest route, -1 when none within reach
};

struct Coverage {
  std::vector<SegmentCoverage> segments;
  std::vector<CrossingCoverage> crossings;
  // Per route: indices of the segments it touches (for the plan table).
  std::vector<std::vector<int>> route_segments;
};

// `routes` are those of the window (the caller filters by Route::in_window).
Coverage compute_coverage(const std::vector<Segment>& segs, const std::vector<Crossing>& crossings,
                          const std::vector<Route>& routes, const CoverageOptions& o = {});

}  // namespace secmap::border
