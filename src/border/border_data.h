// The border as the other border computations see it, read once from the store: the line
// (parts in stored order, lon/lat and metres), the crossings and the stored segments.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "border/metric_frame.h"
#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::border {

struct BorderLine {
  int64_t id = 0;
  std::string name;
  std::vector<geo::LineString> parts_lonlat, parts_m;
  double length_m() const;
};

struct Crossing {
  int64_t id = 0;
  std::string name, kind, status, counterpart, commune_code;
  bool sensitive = false;
  geo::Point lonlat, m;
};

// A piece of the border: by adjoining commune (scheme "commune", id "<commune code>-01") or a
// fixed-length piece (scheme "fixed", id "5km-017"). from_m/to_m measure along the line, the
// parts taken in stored order.
struct Segment {
  std::string segment_id, scheme;
  int seq = 0;
  std::string commune_code, name;  // commune code empty: no commune within reach
  double length_m = 0, from_m = 0, to_m = 0;
  int64_t border_id = 0;
  geo::LineString lonlat, m;
};

// Throws store::StoreError when the database has no border line.
BorderLine load_border_line(store::Database& db, const MetricFrame& frame);
std::vector<Crossing> load_crossings(store::Database& db, const MetricFrame& frame);
// Segments of a scheme in seq order (from_m/to_m recomputed along the line); empty when none
// are stored.
std::vector<Segment> load_segments(store::Database& db, const MetricFrame& frame,
                                   const std::string& scheme);
// Replaces the stored segments of the schemes present in `segs`, in one transaction.
void store_segments(store::Database& db, const std::vector<Segment>& segs);
// The same inside the caller's transaction (the demo builds everything in one).
void write_segments(store::Database& db, const std::vector<Segment>& segs);

}  // namespace secmap::border
