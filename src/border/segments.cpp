#include "border/segments.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <unordered_map>

#include "border/edge_grid.h"
#include "border/planar.h"
#include "geo/point_locator.h"

namespace secmap::border {

namespace {

geo::Point lerp(geo::Point a, geo::Point b, double t) {
  return {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)};
}

// The sub-line of `part` between measures s0 < s1 (metres from the part's start).
geo::LineString cut(const geo::LineString& part, double s0, double s1) {
  geo::LineString out;
  double at = 0;
  for (size_t i = 1; i < part.size(); ++i) {
    const double len = dist(part[i - 1], part[i]);
    const double e0 = at, e1 = at + len;
    at = e1;
    if (e1 < s0 || len <= 0) continue;
    if (out.empty()) out.push_back(lerp(part[i - 1], part[i], (s0 - e0) / len));
    if (e1 >= s1) {
      out.push_back(lerp(part[i - 1], part[i], (s1 - e0) / len));
      break;
    }
    out.push_back(part[i]);
  }
  if (out.size() == 1) out.push_back(out[0]);
  return out;
}

Segment make_segment(const BorderLine& line, const MetricFrame& frame, const geo::LineString& m,
                     double from) {
  Segment s;
  s.border_id = line.id;
  s.m = m;
  s.lonlat = frame.to_lonlat(m);
  s.length_m = line_length(m);
  s.from_m = from;
  s.to_m = from + s.length_m;
  return s;
}

}  // namespace

std::string fixed_prefix(double length_m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%gkm", length_m / 1000.0);
  return buf;
}

std::vector<Segment> split_fixed(const BorderLine& line, const MetricFrame& frame,
                                 double length_m) {
  if (!(length_m > 0)) throw std::invalid_argument("segment length must be positive");
  std::vector<Segment> out;
  const std::string prefix = fixed_prefix(length_m);
  double base = 0;
  for (const auto& part : line.parts_m) {
    const double total = line_length(part);
    for (double s0 = 0; s0 < total; s0 += length_m) {
      const double s1 = std::min(total, s0 + length_m);
      if (s1 - s0 < 1e-6) break;
      Segment s = make_segment(line, frame, cut(part, s0, s1), base + s0);
      s.scheme = "fixed";
      s.seq = int(out.size()) + 1;
      char id[48];
      std::snprintf(id, sizeof id, "%s-%03d", prefix.c_str(), s.seq);
      s.segment_id = id;
      s.name = "Đoạn " + std::string(id) + " (km " +
               std::to_string(int(std::floor(s.from_m / 1000))) + "–" +
               std::to_string(int(std::ceil(s.to_m / 1000))) + ")";
      out.push_back(std::move(s));
    }
    base += total;
  }
  return out;
}

namespace {

// Commune boundaries in metres on a grid, for "nearest commune".
EdgeGrid commune_boundaries(const analysis::CommuneSet& communes, const MetricFrame& frame,
                            double cell) {
  EdgeGrid grid(cell);
  for (size_t c = 0; c < communes.size(); ++c)
    for (const auto& poly : communes.geoms[c].polygons)
      for (const auto& ring : poly.rings) grid.add_line(frame.to_metric(ring), int32_t(c));
  return grid;
}

}  // namespace

int32_t commune_for_point(const analysis::CommuneSet& communes, const MetricFrame& frame,
                          geo::Point lonlat, double max_m) {
  const geo::PointLocator locator(communes.geoms);
  if (const int32_t c = locator.locate(lonlat); c >= 0) return c;
  return commune_boundaries(communes, frame, std::max(500.0, max_m))
      .nearest_owner(frame.to_metric(lonlat), max_m);
}

std::vector<Segment> split_by_commune(const BorderLine& line, const MetricFrame& frame,
                                      const analysis::CommuneSet& communes,
                                      const CommuneSplitOptions& o) {
  const geo::PointLocator locator(communes.geoms);
  const EdgeGrid grid = commune_boundaries(communes, frame, std::max(500.0, o.max_distance_m));

  struct Run {
    int32_t commune;
    size_t part;
    double s0, s1;  // measures within the part
  };
  std::vector<Run> runs;
  for (size_t p = 0; p < line.parts_m.size(); ++p) {
    const auto& part = line.parts_m[p];
    double at = 0;
    for (size_t i = 1; i < part.size(); ++i) {
      const double len = dist(part[i - 1], part[i]);
      const int pieces = std::max(1, int(std::ceil(len / o.step_m)));
      for (int k = 0; k < pieces; ++k) {
        const geo::Point mid = lerp(part[i - 1], part[i], (k + 0.5) / pieces);
        int32_t c = locator.locate(frame.to_lonlat(mid));
        if (c < 0) c = grid.nearest_owner(mid, o.max_distance_m);
        const double s0 = at + len * k / pieces, s1 = at + len * (k + 1) / pieces;
        if (!runs.empty() && runs.back().part == p && runs.back().commune == c)
          runs.back().s1 = s1;
        else
          runs.push_back({c, p, s0, s1});
      }
      at += len;
    }
  }
  // Short runs are boundary jitter: give them to the run before (or after, at a part's start).
  std::vector<Run> merged;
  for (size_t i = 0; i < runs.size(); ++i) {
    Run r = runs[i];
    if (r.s1 - r.s0 < o.min_run_m) {
      if (!merged.empty() && merged.back().part == r.part) {
        merged.back().s1 = r.s1;
        continue;
      }
      if (i + 1 < runs.size() && runs[i + 1].part == r.part) {
        runs[i + 1].s0 = r.s0;
        continue;
      }
    }
    if (!merged.empty() && merged.back().part == r.part && merged.back().commune == r.commune)
      merged.back().s1 = r.s1;
    else
      merged.push_back(r);
  }

  std::vector<double> part_base(line.parts_m.size(), 0);
  for (size_t p = 1; p < part_base.size(); ++p)
    part_base[p] = part_base[p - 1] + line_length(line.parts_m[p - 1]);
  std::vector<Segment> out;
  std::unordered_map<int32_t, int> per_commune;
  for (const Run& r : merged) {
    Segment s =
        make_segment(line, frame, cut(line.parts_m[r.part], r.s0, r.s1), part_base[r.part] + r.s0);
    s.scheme = "commune";
    s.seq = int(out.size()) + 1;
    const int n = ++per_commune[r.commune];
    char suffix[16];
    std::snprintf(suffix, sizeof suffix, "-%02d", n);
    if (r.commune >= 0) {
      s.commune_code = communes.codes[size_t(r.commune)];
      s.segment_id = s.commune_code + suffix;
      s.name = communes.names[size_t(r.commune)] + (n > 1 ? std::string(" ") + suffix + "" : "");
    } else {
      s.segment_id = std::string("out") + suffix;
      s.name = "Ngoài vùng dữ liệu xã (outside the loaded communes)";
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Segment> segments_for(store::Database& db, const MetricFrame& frame,
                                  const BorderLine& line, const std::string& scheme,
                                  double length_m) {
  if (scheme != "commune" && scheme != "fixed")
    throw std::invalid_argument("--scheme must be commune or fixed, not \"" + scheme + "\"");
  auto stored = load_segments(db, frame, scheme);
  if (!stored.empty() && stored.front().border_id == line.id &&
      (scheme == "commune" ||
       stored.front().segment_id.rfind(fixed_prefix(length_m) + "-", 0) == 0))
    return stored;
  if (scheme == "fixed") return split_fixed(line, frame, length_m);
  return split_by_commune(line, frame, analysis::load_communes(db));
}

LinePosition locate_on_line(const BorderLine& line, geo::Point m) {
  LinePosition best{0, std::numeric_limits<double>::infinity()};
  double base = 0;
  for (const auto& part : line.parts_m) {
    for (size_t i = 1; i < part.size(); ++i) {
      const double len = dist(part[i - 1], part[i]);
      const double t = project_on_segment(m, part[i - 1], part[i]);
      const double d = dist(m, lerp(part[i - 1], part[i], t));
      if (d < best.offset_m) best = {base + t * len, d};
      base += len;
    }
  }
  return best;
}

int segment_at(const std::vector<Segment>& segs, geo::Point m, const std::string& commune_code) {
  int best = -1;
  double best_d = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < segs.size(); ++i) {
    if (!commune_code.empty() && segs[i].commune_code != commune_code) continue;
    const auto& l = segs[i].m;
    for (size_t k = 1; k < l.size(); ++k) {
      const double d = point_segment_distance(m, l[k - 1], l[k]);
      if (d < best_d) best_d = d, best = int(i);
    }
  }
  return best;
}

}  // namespace secmap::border
