#include "render/tessellate.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "geo/geos_ops.h"
#include "geo/thin.h"

namespace secmap::render {
namespace {

struct Piece {
  std::vector<geo::Point> triangles;
  geo::Geometry simple;
  size_t vertices_in = 0;
};

Piece tessellate_one(const geo::Geometry& shape, double tolerance) {
  Piece p;
  p.vertices_in = shape.vertex_count();
  try {
    // Radial thinning at half the tolerance first: GEOS's topology-preserving pass is the
    // costly step and runs on far fewer vertices; the total error stays under one tolerance.
    p.simple =
        tolerance > 0 ? geo::simplify(geo::thin_radial(shape, 0.5 * tolerance), tolerance) : shape;
    p.triangles = geo::triangulate(p.simple);
  } catch (const std::exception&) {
    // A ring GEOS cannot simplify or triangulate: draw it at full detail, or not at all.
    p.simple = shape;
    try {
      p.triangles = geo::triangulate(shape);
    } catch (const std::exception&) {
      p.triangles.clear();
    }
  }
  return p;
}

}  // namespace

CommuneMeshData tessellate_communes(const std::vector<Commune>& communes, geo::Point origin,
                                    double tolerance) {
  // GEOS work is per commune and geo/ keeps one GEOS context per thread, so communes are shared
  // out over the cores; the output order stays the commune order (deterministic images).
  std::vector<Piece> pieces(communes.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < communes.size();)
      pieces[i] = tessellate_one(communes[i].shape, tolerance);
  };
  const size_t n_threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1,
                                              std::min<size_t>(8, communes.size()));
  std::vector<std::thread> threads;
  for (size_t t = 1; t < n_threads; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  CommuneMeshData out;
  size_t total = 0;
  for (const auto& p : pieces) total += p.triangles.size();
  out.triangles.reserve(total * 3);
  for (size_t f = 0; f < pieces.size(); ++f) {
    const Piece& p = pieces[f];
    out.vertices_in += p.vertices_in;
    out.vertices_simplified += p.simple.vertex_count();
    const float feature = static_cast<float>(f);
    for (const geo::Point& q : p.triangles) {
      out.triangles.push_back(static_cast<float>(q.x - origin.x));
      out.triangles.push_back(static_cast<float>(q.y - origin.y));
      out.triangles.push_back(feature);
    }
    for (const auto& poly : p.simple.polygons)
      for (const auto& ring : poly.rings) out.outlines.push_back(ring);
  }
  return out;
}

int lod_level(double m_per_px) {
  return static_cast<int>(std::floor(std::log2(m_per_px)));
}

double lod_tolerance(int level) {
  return 0.5 * std::ldexp(1.0, level);
}

}  // namespace secmap::render
