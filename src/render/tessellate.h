// Level of detail for commune polygons: simplify (GEOS, topology preserved) at a tolerance for
// the scale, then triangulate (GEOS constrained Delaunay). GL-free CPU work whose output is the
// vertex layout polygon_layer uploads; the map window calls it once per zoom level and caches.
#pragma once
#include <vector>

#include "geo/geometry.h"
#include "render/map_data.h"

namespace secmap::render {

struct CommuneMeshData {
  std::vector<float> triangles;           // x, y (relative to origin), feature index; 3 per vertex
  std::vector<geo::LineString> outlines;  // simplified rings, EPSG:3857
  size_t vertices_in = 0, vertices_simplified = 0;
};

// tolerance is in EPSG:3857 metres (≈ 0.5 px × m/px); 0 means no simplification.
CommuneMeshData tessellate_communes(const std::vector<Commune>& communes, geo::Point origin,
                                    double tolerance);

// The zoom level whose simplification serves a view at m_per_px: levels are powers of two so
// panning and small zooms reuse a cached mesh, and the tolerance stays ≤ 0.5 px.
int lod_level(double m_per_px);
double lod_tolerance(int level);

}  // namespace secmap::render
