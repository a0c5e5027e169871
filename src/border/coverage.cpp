#include "border/coverage.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <thread>

#include "border/chunk_grid.h"
#include "border/planar.h"

namespace secmap::border {

namespace {

// Route edges per chunk: ~800 m of a route drawn every 100 m, about the buffer.
constexpr uint32_t kChunkEdges = 8;

// Total length of the union of [lo, hi] intervals (sorted by lo in place).
double union_length(std::vector<std::pair<double, double>>& iv) {
  std::sort(iv.begin(), iv.end());
  double total = 0, cur_lo = 0, cur_hi = -1;
  for (const auto& [lo, hi] : iv) {
    if (lo > cur_hi) {
      if (cur_hi > cur_lo) total += cur_hi - cur_lo;
      cur_lo = lo;
      cur_hi = hi;
    } else {
      cur_hi = std::max(cur_hi, hi);
    }
  }
  if (cur_hi > cur_lo) total += cur_hi - cur_lo;
  return total;
}

struct Box {
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  void add(geo::Point p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  bool near(geo::Point a, geo::Point b, double r) const {
    return std::min(a.x, b.x) <= x1 + r && std::max(a.x, b.x) >= x0 - r &&
           std::min(a.y, b.y) <= y1 + r && std::max(a.y, b.y) >= y0 - r;
  }
};

// One thread's state while it covers segments: stamps per route, reused buffers.
struct Worker {
  ChunkGrid::Scratch scratch;
  std::vector<uint32_t> cand;                        // chunks near the segment
  std::vector<uint32_t> full_at;                     // per route: the edge stamp it covers whole
  std::vector<uint32_t> touched_in;                  // per route: segment index + 1 it touches
  std::vector<int32_t> seg_routes;                   // routes touching the current segment
  std::vector<std::pair<int32_t, int32_t>> touches;  // (route, segment) for route_segments
  uint32_t edge_stamp = 0;
  std::vector<std::pair<double, double>> iv[2], all;  // [0] planned, [1] done
};

void cover_segment(size_t s, const std::vector<geo::Point>& line, const ChunkGrid& grid,
                   const std::vector<Route>& routes, const std::vector<uint8_t>& is_done,
                   const CoverageOptions& o, Worker& w, SegmentCoverage& c) {
  const double r = o.buffer_m;
  const auto seg_mark = uint32_t(s + 1);
  Box sb;
  for (const auto& p : line) sb.add(p);
  w.cand.clear();
  grid.candidates(sb.x0, sb.y0, sb.x1, sb.y1, r, w.scratch, [&](size_t id) {
    if (ChunkGrid::box_near(grid.chunks()[id], sb.x0, sb.y0, sb.x1, sb.y1, r))
      w.cand.push_back(uint32_t(id));
  });
  w.seg_routes.clear();
  const auto& chunks = grid.chunks();
  const auto& pts = grid.points();
  double len[2] = {0, 0}, len_all = 0, seg_len = 0;
  for (size_t i = 1; i < line.size(); ++i) {
    const geo::Point a = line[i - 1], b = line[i];
    const double el = dist(a, b);
    seg_len += el;
    if (el <= 0) continue;
    ++w.edge_stamp;
    const double ex0 = std::min(a.x, b.x), ey0 = std::min(a.y, b.y), ex1 = std::max(a.x, b.x),
                 ey1 = std::max(a.y, b.y);
    bool full[2] = {false, false};
    w.iv[0].clear();
    w.iv[1].clear();
    for (uint32_t id : w.cand) {
      const auto& ch = chunks[id];
      if (!ChunkGrid::box_near(ch, ex0, ey0, ex1, ey1, r)) continue;
      const auto rt = size_t(ch.owner);
      if (w.full_at[rt] == w.edge_stamp) continue;
      const int d = is_done[rt];
      // Its kind already covers the edge whole and the route is known to touch the segment:
      // nothing it adds could change a length or a count.
      if (full[d] && w.touched_in[rt] == seg_mark) continue;
      for (uint32_t k = 0; k < ch.edges; ++k) {
        const geo::Point p = pts[ch.first + k], q = pts[ch.first + k + 1];
        if (std::min(p.x, q.x) > ex1 + r || std::max(p.x, q.x) < ex0 - r ||
            std::min(p.y, q.y) > ey1 + r || std::max(p.y, q.y) < ey0 - r)
          continue;
        const auto hit = within_capsule(a, b, p, q, r);
        if (!hit) continue;
        w.iv[d].push_back(*hit);
        if (hit->second > hit->first && w.touched_in[rt] != seg_mark) {
          w.touched_in[rt] = seg_mark;
          w.seg_routes.push_back(int32_t(rt));
        }
        if (hit->first <= 0 && hit->second >= 1) {
          w.full_at[rt] = w.edge_stamp;
          full[d] = true;
          break;
        }
      }
    }
    if (w.iv[0].empty() && w.iv[1].empty()) continue;
    w.all.assign(w.iv[0].begin(), w.iv[0].end());
    w.all.insert(w.all.end(), w.iv[1].begin(), w.iv[1].end());
    len_all += el * union_length(w.all);
    len[0] += el * union_length(w.iv[0]);
    len[1] += el * union_length(w.iv[1]);
  }
  if (seg_len > 0) {
    c.fraction = std::min(1.0, len_all / seg_len);
    c.done_fraction = std::min(1.0, len[1] / seg_len);
    c.planned_fraction = std::min(1.0, len[0] / seg_len);
  }
  c.covered = seg_len > 0 && c.fraction >= o.min_fraction;
  for (int32_t rt : w.seg_routes) {
    const Route& route = routes[size_t(rt)];
    w.touches.emplace_back(rt, int32_t(s));
    if (route.done()) {
      ++c.done_routes;
      const auto day = route.end_day ? route.end_day : route.start_day;
      if (day && (!c.last_done || *day > *c.last_done)) c.last_done = day;
    } else {
      ++c.planned_routes;
      const auto day = route.start_day ? route.start_day : route.end_day;
      if (day && (!c.next_planned || *day < *c.next_planned)) c.next_planned = day;
    }
  }
}

}  // namespace

Coverage compute_coverage(const std::vector<Segment>& segs, const std::vector<Crossing>& crossings,
                          const std::vector<Route>& routes, const CoverageOptions& o) {
  Coverage out;
  out.segments.resize(segs.size());
  out.crossings.resize(crossings.size());
  out.route_segments.resize(routes.size());
  std::vector<const geo::LineString*> lines;
  std::vector<int32_t> owners;
  std::vector<uint8_t> is_done;
  for (size_t r = 0; r < routes.size(); ++r) {
    lines.push_back(&routes[r].m);
    owners.push_back(int32_t(r));
    is_done.push_back(routes[r].done() ? 1 : 0);
  }
  const ChunkGrid grid(lines, owners, std::max(o.buffer_m, 100.0), kChunkEdges);

  // Segments are independent: threads take the next one until none is left.
  const size_t n_threads =
      std::clamp<size_t>(size_t(std::max(o.threads, 1)), 1, std::max<size_t>(segs.size(), 1));
  std::vector<Worker> workers(n_threads);
  std::atomic<size_t> next{0};
  auto run = [&](Worker& w) {
    w.full_at.assign(routes.size(), 0);
    w.touched_in.assign(routes.size(), 0);
    for (size_t s; (s = next.fetch_add(1)) < segs.size();)
      cover_segment(s, segs[s].m, grid, routes, is_done, o, w, out.segments[s]);
  };
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n_threads; ++t) threads.emplace_back(run, std::ref(workers[t]));
  run(workers[0]);
  for (auto& t : threads) t.join();
  for (const auto& w : workers)
    for (const auto& [rt, s] : w.touches) out.route_segments[size_t(rt)].push_back(s);
  for (auto& v : out.route_segments) std::sort(v.begin(), v.end());

  ChunkGrid::Scratch scratch;
  const auto& pts = grid.points();
  for (size_t k = 0; k < crossings.size(); ++k) {
    auto& c = out.crossings[k];
    const geo::Point p = crossings[k].m;
    std::vector<std::pair<int32_t, double>> near;  // route → smallest distance
    grid.candidates(p.x, p.y, p.x, p.y, o.buffer_m, scratch, [&](size_t id) {
      const auto& ch = grid.chunks()[id];
      if (!ChunkGrid::box_near(ch, p.x, p.y, p.x, p.y, o.buffer_m)) return;
      for (uint32_t e = 0; e < ch.edges; ++e) {
        const double d = point_segment_distance(p, pts[ch.first + e], pts[ch.first + e + 1]);
        if (d > o.buffer_m) continue;
        auto it = std::find_if(near.begin(), near.end(),
                               [&](const auto& n) { return n.first == ch.owner; });
        if (it == near.end())
          near.emplace_back(ch.owner, d);
        else
          it->second = std::min(it->second, d);
      }
    });
    for (const auto& [r, d] : near) {
      ++c.routes;
      if (c.nearest_m < 0 || d < c.nearest_m) c.nearest_m = d;
    }
    c.covered = c.routes > 0;
  }
  return out;
}

}  // namespace secmap::border
