#include "border/metric_frame.h"

#include "geo/crs.h"
#include "model/communes.h"

namespace secmap::border {

MetricFrame::MetricFrame(const std::string& crs)
    : crs_(crs), fwd_("EPSG:4326", crs), inv_(crs, "EPSG:4326") {}

MetricFrame MetricFrame::for_lon(double lon) {
  return MetricFrame("EPSG:" + std::to_string(geo::vn2000_tm3_epsg_for_lon(lon)));
}

MetricFrame MetricFrame::for_database(store::Database& db) {
  return MetricFrame(model::database_metric_crs(db));
}

geo::LineString MetricFrame::to_metric(const geo::LineString& l) const {
  geo::LineString out = l;
  fwd_.apply_in_place(out);
  return out;
}

geo::LineString MetricFrame::to_lonlat(const geo::LineString& l) const {
  geo::LineString out = l;
  inv_.apply_in_place(out);
  return out;
}

geo::Geometry MetricFrame::to_metric(const geo::Geometry& g) const {
  geo::Geometry out = g;
  fwd_.apply_in_place(out);
  return out;
}

}  // namespace secmap::border
