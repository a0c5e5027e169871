// Grid-accelerated point-in-polygon for many polygons (incidents → communes).
//
// The grid covers the union bbox. Each cell lists the edges whose bbox overlaps it ("mixed") or,
// when none does ("uniform"), stores the polygon that contains the whole cell. A point in a mixed
// cell casts a ray to the right only as far as the next uniform cell, whose owner is known: the
// point is inside polygon j iff the owner is j XOR the ray crossed j's edges an odd number of
// times. Crossings use the half-open rule on y and an exact orientation sign, so points on an
// edge or vertex are detected exactly and reported as outside that polygon (like GEOS/SpatiaLite
// ST_Within). Owners of uniform cells are computed the same way, sweeping each row right to left.
#include "geo/point_locator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <thread>

namespace secmap::geo {
namespace {

// --- Exact orientation sign -------------------------------------------------------------------
// Error-free transforms: a*b = p + e and a+b = s + e exactly (fma-based two-product).
inline void two_product(double a, double b, double& p, double& e) {
  p = a * b;
  e = std::fma(a, b, -p);
}
inline void two_sum(double a, double b, double& s, double& e) {
  s = a + b;
  const double bv = s - a;
  e = (a - (s - bv)) + (b - bv);
}

// Sign of det[[bx-ax, by-ay],[px-ax, py-ay]] computed exactly from the six products.
int orient_exact(Point a, Point b, Point p) {
  const double terms[6][2] = {{a.x, b.y}, {-a.x, p.y}, {-a.y, b.x},
                              {a.y, p.x}, {b.x, p.y},  {-b.y, p.x}};
  std::array<double, 12> e{};  // a non-overlapping expansion, increasing magnitude
  int n = 0;
  auto grow = [&](double t) {
    double q = t;
    int m = 0;
    for (int i = 0; i < n; ++i) {
      double s, err;
      two_sum(q, e[i], s, err);
      q = s;
      if (err != 0) e[m++] = err;
    }
    if (q != 0) e[m++] = q;
    n = m;
  };
  for (const auto& t : terms) {
    double p1, e1;
    two_product(t[0], t[1], p1, e1);
    grow(e1);
    grow(p1);
  }
  if (n == 0) return 0;
  return e[n - 1] > 0 ? 1 : -1;
}

// Orientation of p relative to a→b: > 0 left, < 0 right, 0 collinear. Fast filter first
// (Shewchuk's bound), exact fallback.
inline int orient(Point a, Point b, Point p) {
  const double l = (b.x - a.x) * (p.y - a.y);
  const double r = (b.y - a.y) * (p.x - a.x);
  const double det = l - r;
  const double bound = 3.3306690738754716e-16 * (std::abs(l) + std::abs(r));
  if (det > bound) return 1;
  if (det < -bound) return -1;
  return orient_exact(a, b, p);
}

struct Edge {
  Point a, b;
  int32_t poly;
};

// Per-query state: parity and "on boundary" for each polygon the ray met. Few polygons meet in
// one stretch of cells, so a small inline array with a heap spill is enough.
class PolyStates {
 public:
  struct State {
    int32_t poly;
    bool inside;
    bool boundary;
  };
  State& get(int32_t poly) {
    for (int i = 0; i < n_; ++i)
      if (inline_[i].poly == poly) return inline_[i];
    for (auto& s : spill_)
      if (s.poly == poly) return s;
    if (n_ < kInline) return inline_[n_++] = State{poly, false, false};
    return spill_.emplace_back(State{poly, false, false});
  }
  // Every polygon strictly containing the point, ascending (more than one only where the
  // input polygons overlap).
  std::vector<int32_t> inside_set() const {
    std::vector<int32_t> out;
    for (int i = 0; i < n_; ++i)
      if (inline_[i].inside && !inline_[i].boundary) out.push_back(inline_[i].poly);
    for (const auto& s : spill_)
      if (s.inside && !s.boundary) out.push_back(s.poly);
    std::sort(out.begin(), out.end());
    return out;
  }
  // Smallest polygon index strictly containing the point, or -1.
  int32_t result() const {
    int32_t best = -1;
    auto consider = [&](const State& s) {
      if (s.inside && !s.boundary && (best < 0 || s.poly < best)) best = s.poly;
    };
    for (int i = 0; i < n_; ++i) consider(inline_[i]);
    for (const auto& s : spill_) consider(s);
    return best;
  }

 private:
  static constexpr int kInline = 16;
  std::array<State, kInline> inline_;
  int n_ = 0;
  std::vector<State> spill_;
};

}  // namespace

struct PointLocator::Impl {
  std::vector<Edge> edges;
  BBox box;
  int gx = 0, gy = 0;
  double inv_w = 0, inv_h = 0;
  std::vector<uint32_t> cell_start;  // CSR offsets into cell_edges, gx*gy + 1
  std::vector<uint32_t> cell_edges;
  // Uniform cells: index into owner_sets, the sets of polygons containing a whole cell (one
  // polygon, or none, unless polygons overlap); owner_first is each set's smallest member or -1.
  std::vector<uint32_t> owner;
  std::vector<std::vector<int32_t>> owner_sets;
  std::vector<int32_t> owner_first;

  // Monotone in x (and y), which is all the dedup and the edge → cell assignment rely on.
  int col(double x) const {
    const double f = (x - box.min_x) * inv_w;
    return f <= 0 ? 0 : f >= gx - 1 ? gx - 1 : static_cast<int>(f);
  }
  int row(double y) const {
    const double f = (y - box.min_y) * inv_h;
    return f <= 0 ? 0 : f >= gy - 1 ? gy - 1 : static_cast<int>(f);
  }
  bool uniform(size_t cell) const { return cell_start[cell] == cell_start[cell + 1]; }

  void build(const std::vector<Geometry>& polygons);
  // Walks row r from column `from` (inclusive) to the right until a uniform cell, updating the
  // per-polygon states with crossings of the ray from p; c0 is p's own column (-1: none).
  void walk(Point p, int r, int from, int c0, PolyStates& st) const;
  void scan_cell(Point p, int c, int c0, size_t cell, PolyStates& st) const;
  int32_t locate(Point p) const;
};

void PointLocator::Impl::build(const std::vector<Geometry>& polygons) {
  for (size_t i = 0; i < polygons.size(); ++i) {
    for (const auto& poly : polygons[i].polygons) {
      for (const auto& ring : poly.rings) {
        if (ring.size() < 2) continue;
        for (size_t k = 0; k < ring.size(); ++k) {
          const Point a = ring[k];
          const Point b = k + 1 < ring.size() ? ring[k + 1] : ring[0];  // closes unclosed rings
          if (a == b) continue;
          edges.push_back({a, b, static_cast<int32_t>(i)});
          box.add(a);
        }
      }
    }
  }
  if (edges.empty()) return;
  // Grid of about 4 cells per edge (capped), shaped like the bbox.
  const double w = std::max(box.max_x - box.min_x, 1e-12);
  const double h = std::max(box.max_y - box.min_y, 1e-12);
  const double target = std::clamp(4.0 * static_cast<double>(edges.size()), 64.0, 4.0e6);
  gx = std::clamp(static_cast<int>(std::sqrt(target * w / h)), 1, 4096);
  gy = std::clamp(static_cast<int>(target / gx), 1, 4096);
  inv_w = gx / w;
  inv_h = gy / h;

  const size_t ncell = static_cast<size_t>(gx) * gy;
  cell_start.assign(ncell + 1, 0);
  auto for_cells = [&](const Edge& e, auto&& fn) {
    const int c0 = col(std::min(e.a.x, e.b.x)), c1 = col(std::max(e.a.x, e.b.x));
    const int r0 = row(std::min(e.a.y, e.b.y)), r1 = row(std::max(e.a.y, e.b.y));
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) fn(static_cast<size_t>(r) * gx + c);
  };
  for (const auto& e : edges) for_cells(e, [&](size_t cell) { ++cell_start[cell + 1]; });
  for (size_t i = 0; i < ncell; ++i) cell_start[i + 1] += cell_start[i];
  cell_edges.resize(cell_start[ncell]);
  std::vector<uint32_t> fill(cell_start.begin(), cell_start.end() - 1);
  for (uint32_t i = 0; i < edges.size(); ++i)
    for_cells(edges[i], [&](size_t cell) { cell_edges[fill[cell]++] = i; });

  // Owners of uniform cells, row by row from the right: the ray from a uniform cell's centre
  // only needs the mixed cells up to the next uniform cell, whose owner is already known.
  owner.assign(ncell, 0);
  owner_sets.assign(1, {});  // set 0: outside every polygon
  std::map<std::vector<int32_t>, uint32_t> set_ids{{{}, 0}};
  const double cw = 1.0 / inv_w, ch = 1.0 / inv_h;
  for (int r = 0; r < gy; ++r) {
    const double y = box.min_y + (r + 0.5) * ch;
    for (int c = gx - 1; c >= 0; --c) {
      const size_t cell = static_cast<size_t>(r) * gx + c;
      if (!uniform(cell)) continue;
      if (c + 1 < gx && uniform(cell + 1)) {
        owner[cell] = owner[cell + 1];
        continue;
      }
      PolyStates st;
      walk(Point{box.min_x + (c + 0.5) * cw, y}, r, c + 1, -1, st);
      auto set = st.inside_set();
      auto [it, added] = set_ids.emplace(set, static_cast<uint32_t>(owner_sets.size()));
      if (added) owner_sets.push_back(std::move(set));
      owner[cell] = it->second;
    }
  }
  for (const auto& set : owner_sets) owner_first.push_back(set.empty() ? -1 : set.front());
}

// Adds the crossings (and, in p's own cell c0, the edges through p) of the edges of one cell.
void PointLocator::Impl::scan_cell(Point p, int c, int c0, size_t cell, PolyStates& st) const {
  for (uint32_t k = cell_start[cell]; k < cell_start[cell + 1]; ++k) {
    const Edge& e = edges[cell_edges[k]];
    if (c == c0) {
      // Edges through p are all listed in p's own cell: vertices and horizontal edges here.
      if (e.a == p || e.b == p) {
        st.get(e.poly).boundary = true;
        continue;
      }
      if (e.a.y == p.y && e.b.y == p.y && p.x >= std::min(e.a.x, e.b.x) &&
          p.x <= std::max(e.a.x, e.b.x)) {
        st.get(e.poly).boundary = true;
        continue;
      }
    }
    if ((e.a.y > p.y) == (e.b.y > p.y)) continue;  // half-open rule: no crossing at this y
    const double max_x = std::max(e.a.x, e.b.x), min_x = std::min(e.a.x, e.b.x);
    if (max_x < p.x) continue;  // crossing is left of p
    // Count the edge once per row: in the cell holding its (approximate) crossing x.
    double xi = e.a.x + (p.y - e.a.y) * (e.b.x - e.a.x) / (e.b.y - e.a.y);
    xi = std::clamp(xi, min_x, max_x);
    if (col(xi) != c) continue;
    int o = 1;
    if (min_x <= p.x) o = e.b.y > e.a.y ? orient(e.a, e.b, p) : orient(e.b, e.a, p);
    if (o == 0) {
      st.get(e.poly).boundary = true;
    } else if (o > 0) {
      auto& s = st.get(e.poly);
      s.inside = !s.inside;
    }
  }
}

void PointLocator::Impl::walk(Point p, int r, int from, int c0, PolyStates& st) const {
  const size_t row_base = static_cast<size_t>(r) * gx;
  int c = from;
  for (; c < gx && !uniform(row_base + c); ++c) scan_cell(p, c, c0, row_base + c, st);
  if (c < gx) {
    for (int32_t own : owner_sets[owner[row_base + c]]) {
      auto& s = st.get(own);
      s.inside = !s.inside;
    }
  }
}

int32_t PointLocator::Impl::locate(Point p) const {
  if (edges.empty() || !box.contains(p)) return -1;
  const int r = row(p.y), c = col(p.x);
  const size_t cell = static_cast<size_t>(r) * gx + c;
  if (uniform(cell)) return owner_first[owner[cell]];
  PolyStates st;
  // A crossing just right of p may have its computed x rounded into the cell on the left.
  if (c > 0 && !uniform(cell - 1)) scan_cell(p, c - 1, c, cell - 1, st);
  walk(p, r, c, c, st);
  return st.result();
}

PointLocator::PointLocator(const std::vector<Geometry>& polygons)
    : impl_(std::make_unique<Impl>()) {
  impl_->build(polygons);
}
PointLocator::~PointLocator() = default;
PointLocator::PointLocator(PointLocator&&) noexcept = default;

int32_t PointLocator::locate(Point p) const {
  return impl_->locate(p);
}

std::vector<int32_t> PointLocator::locate_all(std::span<const Point> pts) const {
  std::vector<int32_t> out(pts.size());
  auto run = [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = impl_->locate(pts[i]);
  };
  constexpr size_t kMinPerThread = 20000;
  const size_t hw = std::max(1u, std::thread::hardware_concurrency());
  const size_t nthreads = std::min(hw, pts.size() / kMinPerThread + 1);
  if (nthreads <= 1) {
    run(0, pts.size());
    return out;
  }
  std::vector<std::thread> threads;
  const size_t chunk = (pts.size() + nthreads - 1) / nthreads;
  for (size_t t = 1; t < nthreads; ++t)
    threads.emplace_back(run, std::min(t * chunk, pts.size()),
                         std::min((t + 1) * chunk, pts.size()));
  run(0, std::min(chunk, pts.size()));
  for (auto& th : threads) th.join();
  return out;
}

}  // namespace secmap::geo
