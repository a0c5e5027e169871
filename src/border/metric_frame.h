// The metric frame every border measurement uses: the VN-2000 TM-3 zone of the province
// (Lào Cai: EPSG:9208), or of the data's longitude when the province is unknown, with
// transforms both ways. Lengths and distances in this module are metres in this frame.
#pragma once
#include <string>

#include "geo/crs.h"
#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::border {

class MetricFrame {
 public:
  explicit MetricFrame(const std::string& crs);
  // The province's zone (analysis::metric_crs over the current communes); from the border
  // line's mid-longitude when the database has no communes.
  static MetricFrame for_database(store::Database& db);
  static MetricFrame for_lon(double lon);

  const std::string& crs() const { return crs_; }
  geo::Point to_metric(geo::Point lonlat) const { return fwd_.apply(lonlat); }
  geo::Point to_lonlat(geo::Point m) const { return inv_.apply(m); }
  geo::LineString to_metric(const geo::LineString& l) const;
  geo::LineString to_lonlat(const geo::LineString& l) const;
  geo::Geometry to_metric(const geo::Geometry& g) const;

 private:
  std::string crs_;
  geo::Transform fwd_, inv_;
};

}  // namespace secmap::border
