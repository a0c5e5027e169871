// Coordinate reference systems through PROJ: transforms between EPSG codes (always lon/lat
// order for geographic CRSs, via proj_normalize_for_visualization), Web Mercator helpers and
// the choice of the VN-2000 TM-3 zone used for measuring in metres.
#pragma once
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

#include "geo/geometry.h"

namespace secmap::geo {

class CrsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A transform from one CRS to another. Definitions are anything PROJ accepts ("EPSG:9208",
// WKT, PROJJSON). Not thread-safe: use one per thread.
class Transform {
 public:
  Transform(const std::string& from, const std::string& to);
  ~Transform();
  Transform(Transform&&) noexcept;
  Transform& operator=(Transform&&) noexcept;

  Point apply(Point p) const;
  void apply_in_place(std::span<Point> pts) const;
  void apply_in_place(Geometry& g) const;
  // True if the source CRS is geographic (degrees).
  bool source_is_geographic() const { return source_geographic_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool source_geographic_ = false;
};

// EPSG code of the VN-2000 TM-3 zone whose central meridian is nearest to lon. EPSG:9205..9218
// are 103°00', 104°00', 104°30', 104°45', 105°30', 105°45', 106°00', 106°15', 106°30', 107°00',
// 107°15', 107°30', 108°15', 108°30' (checked with projinfo). Note the nearest zone is not always
// the province's official one (Lào Cai city, 104.1°E, is nearest 9206 = 104°00').
int vn2000_tm3_epsg_for_lon(double lon);
// EPSG code of a province's official VN-2000 TM-3 zone ("Lào Cai" → 9208 = 104°45'), matched
// diacritic- and case-insensitively; 0 when the province is not in the table.
int vn2000_tm3_epsg_for_province(std::string_view province);

// True if the CRS definition names a geographic CRS.
bool is_geographic(const std::string& crs_definition);

// Web Mercator (EPSG:3857) forward/inverse for the spherical formulas, exact to PROJ's output.
inline constexpr double kEarthRadius = 6378137.0;
Point lonlat_to_mercator(Point lonlat);
Point mercator_to_lonlat(Point merc);

// The CRS as WKT (for .prj sidecars): ESRI's WKT1 dialect when esri_wkt1 (what .prj files
// carry), else WKT2:2019. Throws CrsError for a definition PROJ does not know.
std::string crs_wkt(const std::string& definition, bool esri_wkt1);

}  // namespace secmap::geo
