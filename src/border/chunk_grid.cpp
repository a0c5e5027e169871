#include "border/chunk_grid.h"

#include <cmath>

namespace secmap::border {

ChunkGrid::ChunkGrid(const std::vector<const geo::LineString*>& lines,
                     const std::vector<int32_t>& owners, double cell_m, uint32_t max_edges) {
  max_edges = std::max(max_edges, 1u);
  double gx0 = 1e300, gy0 = 1e300, gx1 = -1e300, gy1 = -1e300;
  for (size_t i = 0; i < lines.size(); ++i) {
    const auto& l = *lines[i];
    for (size_t at = 0; at + 1 < l.size(); at += max_edges) {
      const size_t end = std::min(l.size() - 1, at + max_edges);
      Chunk c{1e300, 1e300, -1e300, -1e300, owners[i], uint32_t(pts_.size()), uint32_t(end - at)};
      for (size_t k = at; k <= end; ++k) {
        pts_.push_back(l[k]);
        c.x0 = std::min(c.x0, l[k].x);
        c.y0 = std::min(c.y0, l[k].y);
        c.x1 = std::max(c.x1, l[k].x);
        c.y1 = std::max(c.y1, l[k].y);
      }
      gx0 = std::min(gx0, c.x0);
      gy0 = std::min(gy0, c.y0);
      gx1 = std::max(gx1, c.x1);
      gy1 = std::max(gy1, c.y1);
      chunks_.push_back(c);
    }
  }
  if (chunks_.empty()) return;
  // At most ~1024 cells a side: lines spread over a whole country still give a small grid.
  cell_ = std::max({cell_m, (gx1 - gx0) / 1024, (gy1 - gy0) / 1024, 1e-6});
  ox_ = gx0;
  oy_ = gy0;
  nx_ = int((gx1 - gx0) / cell_) + 1;
  ny_ = int((gy1 - gy0) / cell_) + 1;
  // Counting pass, then filling: the cells as one flat array (CSR).
  start_.assign(size_t(nx_) * size_t(ny_) + 1, 0);
  auto each_cell = [&](const Chunk& c, auto&& f) {
    for (int cy = cell_y(c.y0); cy <= cell_y(c.y1); ++cy)
      for (int cx = cell_x(c.x0); cx <= cell_x(c.x1); ++cx)
        f(size_t(cy) * size_t(nx_) + size_t(cx));
  };
  for (const auto& c : chunks_) each_cell(c, [&](size_t cell) { ++start_[cell + 1]; });
  for (size_t i = 1; i < start_.size(); ++i) start_[i] += start_[i - 1];
  items_.resize(start_.back());
  std::vector<uint32_t> fill(start_.begin(), start_.end() - 1);
  for (size_t id = 0; id < chunks_.size(); ++id)
    each_cell(chunks_[id], [&](size_t cell) { items_[fill[cell]++] = uint32_t(id); });
}

}  // namespace secmap::border
