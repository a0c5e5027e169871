// Lines cut into chunks of a few consecutive edges, each chunk with its bounding box, filed in a
// uniform grid of flat arrays. Coverage and incident counting test a chunk's box before any of
// its edges, so the many edges far from a query cost one box test per chunk rather than one
// distance per edge. Queries are const and use the caller's Scratch, so threads share one grid.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

#include "geo/geometry.h"

namespace secmap::border {

class ChunkGrid {
 public:
  struct Chunk {
    double x0, y0, x1, y1;  // bounding box of the chunk's vertices
    int32_t owner;          // the line's owner (a route, a segment)
    uint32_t first;         // its vertices: points()[first … first + edges]
    uint32_t edges;
  };
  // Per-thread query state: which chunks a query has already reported.
  struct Scratch {
    std::vector<uint32_t> seen;
    uint32_t stamp = 0;
  };

  // lines[i] belongs to owners[i]; chunks hold at most max_edges edges; cells near cell_m (made
  // larger when the lines spread so far that the grid would exceed about a million cells).
  ChunkGrid(const std::vector<const geo::LineString*>& lines, const std::vector<int32_t>& owners,
            double cell_m, uint32_t max_edges);

  const std::vector<Chunk>& chunks() const { return chunks_; }
  const std::vector<geo::Point>& points() const { return pts_; }

  // Calls f(chunk index) once for each chunk filed in a cell that meets the box
  // [x0 − r, x1 + r] × [y0 − r, y1 + r]; the caller checks the chunk's own box.
  template <typename F>
  void candidates(double x0, double y0, double x1, double y1, double r, Scratch& s, F&& f) const {
    if (chunks_.empty()) return;
    if (s.seen.size() != chunks_.size()) s.seen.assign(chunks_.size(), 0), s.stamp = 0;
    if (++s.stamp == 0) std::fill(s.seen.begin(), s.seen.end(), 0), s.stamp = 1;
    const int cx0 = cell_x(x0 - r), cx1 = cell_x(x1 + r), cy0 = cell_y(y0 - r),
              cy1 = cell_y(y1 + r);
    for (int cy = cy0; cy <= cy1; ++cy)
      for (int cx = cx0; cx <= cx1; ++cx) {
        const size_t c = size_t(cy) * size_t(nx_) + size_t(cx);
        for (uint32_t k = start_[c]; k < start_[c + 1]; ++k) {
          const uint32_t id = items_[k];
          if (s.seen[id] == s.stamp) continue;
          s.seen[id] = s.stamp;
          f(size_t(id));
        }
      }
  }

  // Whether the chunk's box comes within r of the box [x0, x1] × [y0, y1].
  static bool box_near(const Chunk& c, double x0, double y0, double x1, double y1, double r) {
    return c.x0 <= x1 + r && c.x1 >= x0 - r && c.y0 <= y1 + r && c.y1 >= y0 - r;
  }

 private:
  // Clamped in double first: a far query must not overflow the int.
  int cell_x(double x) const { return int(std::clamp((x - ox_) / cell_, 0.0, double(nx_ - 1))); }
  int cell_y(double y) const { return int(std::clamp((y - oy_) / cell_, 0.0, double(ny_ - 1))); }

  std::vector<Chunk> chunks_;
  std::vector<geo::Point> pts_;
  double ox_ = 0, oy_ = 0, cell_ = 1;
  int nx_ = 1, ny_ = 1;
  std::vector<uint32_t> start_, items_;  // cell c holds items_[start_[c] … start_[c + 1]]
};

}  // namespace secmap::border
