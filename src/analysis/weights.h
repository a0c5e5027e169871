// Spatial weights between communes as a sparse row structure: queen contiguity (any shared
// boundary point, with a snapping tolerance), k nearest neighbours and a distance band on
// centroids in metres. The focal unit's own weight is kept apart (`self`) because Gi* includes
// it and Local Moran's I does not.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace secmap::analysis {

struct Weights {
  size_t n = 0;
  std::vector<int32_t> offsets{0};  // row i's neighbours are [offsets[i], offsets[i+1])
  std::vector<int32_t> neighbors;   // sorted within a row, never i itself
  std::vector<double> values;       // w_ij, parallel to neighbors
  std::vector<double> self;         // w_ii per row (0: focal unit excluded)

  size_t degree(size_t i) const { return size_t(offsets[i + 1] - offsets[i]); }
  std::span<const int32_t> row(size_t i) const {
    return {neighbors.data() + offsets[i], degree(i)};
  }
  std::span<const double> row_values(size_t i) const {
    return {values.data() + offsets[i], degree(i)};
  }
  size_t islands() const;  // rows with no neighbour
  double mean_neighbors() const { return n ? double(neighbors.size()) / double(n) : 0; }
  bool symmetric() const;
};

// Binary weights (w_ij = 1) from neighbour lists; lists are sorted and deduplicated, self
// links dropped.
Weights from_neighbor_lists(std::vector<std::vector<int32_t>> lists);
// The same weights with w_ii = v on every row (Gi*: the focal commune included, v = 1).
Weights with_self(Weights w, double v = 1.0);
// Every row (self included) divided by its sum; island rows stay zero.
Weights row_standardised(Weights w);

struct QueenOptions {
  double snap_m = 1.0;  // boundaries closer than this (metres) count as shared
};
// Queen contiguity of (multi)polygons in EPSG:4326. Shared vertices are found with a hash on
// coordinates snapped to the tolerance; pairs whose boxes overlap but share no snapped vertex
// get an exact vertex-to-segment distance test (T-junctions, near misses). Distances use a
// local equirectangular scale, which is within 0.5% over a province.
Weights queen_weights(const std::vector<geo::Geometry>& polygons, const QueenOptions& o = {});

// k nearest neighbours of each point (planar metres); ties broken by index.
Weights knn_weights(std::span<const geo::Point> pts, int k);
// Every other point within `metres` (planar).
Weights band_weights(std::span<const geo::Point> pts, double metres);

// Centroids of the polygons projected to a metric CRS ("EPSG:9208"), for knn and band.
std::vector<geo::Point> metric_centroids(const std::vector<geo::Geometry>& polygons,
                                         const std::string& metric_crs);

// "queen", "queen:SNAP_M", "knn:K", "band:METRES" → weights; throws std::invalid_argument.
Weights weights_from_spec(const std::string& spec, const std::vector<geo::Geometry>& polygons,
                          const std::string& metric_crs);

}  // namespace secmap::analysis
