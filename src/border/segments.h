// Splitting the border line into segments: fixed-length pieces for patrol bookkeeping, and the
// stretches along each adjoining commune. Both cover the whole line, so their lengths add up to
// the line's length in the metric frame.
#pragma once
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "border/border_data.h"

namespace secmap::border {

// Pieces of `length_m` from the start of each part (the last piece of a part is shorter), ids
// "<km>km-001", "<km>km-002" … numbered across parts.
std::vector<Segment> split_fixed(const BorderLine& line, const MetricFrame& frame, double length_m);

struct CommuneSplitOptions {
  double step_m = 25;            // the line is judged in pieces of at most this length
  double max_distance_m = 3000;  // farther from every commune: no commune ("out-01" …)
  double min_run_m = 150;        // shorter runs join the run before (boundary jitter)
};

// Each piece of the line goes to the commune containing its midpoint, else to the commune
// whose boundary is nearest (within max_distance_m); consecutive pieces of one commune form a
// segment "<commune code>-01", "-02" … in line order.
std::vector<Segment> split_by_commune(const BorderLine& line, const MetricFrame& frame,
                                      const analysis::CommuneSet& communes,
                                      const CommuneSplitOptions& o = {});

// The segments of a scheme: the stored ones when border_segments holds that scheme (for
// "fixed", with ids of this length), else computed now from the line (and the communes).
std::vector<Segment> segments_for(store::Database& db, const MetricFrame& frame,
                                  const BorderLine& line, const std::string& scheme,
                                  double length_m);

// "5km" for 5000, "2.5km" for 2500.
std::string fixed_prefix(double length_m);

// Where a point lies on the line: distance along it (measure), and distance off it.
struct LinePosition {
  double measure_m = 0, offset_m = 0;
};
LinePosition locate_on_line(const BorderLine& line, geo::Point m);
// The segment nearest the point; with `commune_code`, the nearest of that commune's segments
// (commune scheme). -1 if none.
int segment_at(const std::vector<Segment>& segs, geo::Point m,
               const std::string& commune_code = {});

// Attribution of a point (a crossing) to a commune: the commune containing it, else the one
// whose boundary is nearest within max_m; -1 when none.
int32_t commune_for_point(const analysis::CommuneSet& communes, const MetricFrame& frame,
                          geo::Point lonlat, double max_m = 3000);

}  // namespace secmap::border
