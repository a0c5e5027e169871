#include "demo/border_walk.h"

#include <algorithm>
#include <cmath>

namespace secmap::demo {

namespace {
constexpr double kMetresPerDegLat = 110574.0;
double metres_per_deg_lon(double lat) {
  return 111320.0 * std::cos(lat * M_PI / 180.0);
}
}  // namespace

double metres_between(geo::Point a, geo::Point b) {
  const double mx = metres_per_deg_lon((a.y + b.y) / 2);
  return std::hypot((b.x - a.x) * mx, (b.y - a.y) * kMetresPerDegLat);
}

BorderWalk::BorderWalk(const std::vector<geo::LineString>& lines) {
  for (const auto& line : lines)
    for (size_t i = 1; i < line.size(); ++i) {
      const double len = metres_between(line[i - 1], line[i]);
      if (len < 1e-3) continue;  // duplicate vertices carry no direction
      segs_.push_back(BorderSeg{line[i - 1], line[i], length_, len});
      length_ += len;
    }
  area_to_ = length_;
}

void BorderWalk::assign_sides(const geo::PointLocator& locator) {
  area_from_ = length_;
  area_to_ = 0;
  for (auto& s : segs_) {
    const geo::Point m{(s.a.x + s.b.x) / 2, (s.a.y + s.b.y) / 2};
    s.left = locator.locate(offset(s, m, 1.0));
    s.right = locator.locate(offset(s, m, -1.0));
    s.near_left = locator.locate(offset(s, m, 150.0));
    s.near_right = locator.locate(offset(s, m, -150.0));
    if (s.left >= 0 || s.right >= 0 || s.near_left >= 0 || s.near_right >= 0) {
      area_from_ = std::min(area_from_, s.s0);
      area_to_ = std::max(area_to_, s.s0 + s.len);
    }
  }
  if (area_from_ > area_to_) area_from_ = 0, area_to_ = length_;
}

size_t BorderWalk::segment_at(double s) const {
  if (segs_.empty()) return 0;
  auto it = std::upper_bound(segs_.begin(), segs_.end(), s,
                             [](double v, const BorderSeg& seg) { return v < seg.s0; });
  return it == segs_.begin() ? 0 : static_cast<size_t>(it - segs_.begin()) - 1;
}

geo::Point BorderWalk::point_at(double s) const {
  const auto& seg = segs_[segment_at(s)];
  const double t = std::clamp((s - seg.s0) / seg.len, 0.0, 1.0);
  return {seg.a.x + t * (seg.b.x - seg.a.x), seg.a.y + t * (seg.b.y - seg.a.y)};
}

geo::Point BorderWalk::offset(const BorderSeg& seg, geo::Point p, double metres) {
  const double mx = metres_per_deg_lon(p.y);
  const double dx = (seg.b.x - seg.a.x) * mx, dy = (seg.b.y - seg.a.y) * kMetresPerDegLat;
  const double n = std::hypot(dx, dy);
  // Left normal of the direction, in metres, back to degrees.
  return {p.x + (-dy / n) * metres / mx, p.y + (dx / n) * metres / kMetresPerDegLat};
}

geo::LineString BorderWalk::sub_line(double s0, double s1, size_t max_points) const {
  geo::LineString out;
  if (segs_.empty() || s1 <= s0) return out;
  const size_t i0 = segment_at(s0), i1 = segment_at(s1);
  const size_t inner = i1 > i0 ? i1 - i0 : 0;
  const size_t step =
      max_points > 2 ? std::max<size_t>(1, inner / (max_points - 2) + 1) : inner + 1;
  out.push_back(point_at(s0));
  for (size_t i = i0 + 1; i <= i1; i += step) out.push_back(segs_[i].a);
  out.push_back(point_at(s1));
  return out;
}

int BorderWalk::inward_side(size_t i) const {
  const auto& s = segs_[i];
  if (s.left >= 0 && s.right < 0) return 1;
  if (s.right >= 0 && s.left < 0) return -1;
  if (s.near_left >= 0 && s.near_right < 0) return 1;
  if (s.near_right >= 0 && s.near_left < 0) return -1;
  return 0;
}

double BorderWalk::commune_length(int c) const {
  double total = 0;
  for (const auto& s : segs_)
    if (s.left == c || s.right == c) total += s.len;
  return total;
}

bool BorderWalk::place_in_commune(int c, double f, double inward, double across_m,
                                  const geo::PointLocator& locator, geo::Point& at,
                                  geo::Point& across) const {
  std::vector<size_t> mine;
  double total = 0;
  for (size_t i = 0; i < segs_.size(); ++i)
    if (segs_[i].left == c || segs_[i].right == c) {
      mine.push_back(i);
      total += segs_[i].len;
    }
  if (mine.empty()) return false;
  double target = std::clamp(f, 0.0, 1.0) * total;
  size_t k = 0;
  while (k + 1 < mine.size() && target > segs_[mine[k]].len) target -= segs_[mine[k++]].len;
  // Try the chosen segment first, then the following ones, at mid-segment after the first.
  for (size_t tries = 0; tries < mine.size(); ++tries) {
    const auto& seg = segs_[mine[(k + tries) % mine.size()]];
    const double t = tries == 0 ? std::clamp(target / seg.len, 0.05, 0.95) : 0.5;
    const geo::Point p{seg.a.x + t * (seg.b.x - seg.a.x), seg.a.y + t * (seg.b.y - seg.a.y)};
    const double side = seg.left == c ? 1.0 : -1.0;
    const geo::Point q = offset(seg, p, side * inward);
    if (locator.locate(q) != c) continue;
    at = q;
    across = offset(seg, p, -side * across_m);
    return true;
  }
  return false;
}

}  // namespace secmap::demo
