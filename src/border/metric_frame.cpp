#include "border/metric_frame.h"

#include "analysis/communes.h"

namespace secmap::border {

MetricFrame::MetricFrame(const std::string& crs)
    : crs_(crs), fwd_("EPSG:4326", crs), inv_(crs, "EPSG:4326") {}

MetricFrame MetricFrame::for_lon(double lon) {
  return MetricFrame("EPSG:" + std::to_string(geo::vn2000_tm3_epsg_for_lon(lon)));
}

MetricFrame MetricFrame::for_database(store::Database& db) {
  if (db.query_int("SELECT count(*) FROM communes WHERE valid_to IS NULL").value_or(0) > 0) {
    const auto communes = analysis::load_communes(db, {.geometry = false});
    return MetricFrame(analysis::metric_crs(db, communes));
  }
  const auto lon = db.query_text(
      "SELECT (MbrMinX(geom) + MbrMaxX(geom)) / 2 FROM border_line WHERE geom IS NOT NULL "
      "ORDER BY id LIMIT 1");
  return for_lon(lon ? std::stod(*lon) : 104.75);
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
