// PROJ-backed coordinate transforms, VN-2000 TM-3 zone choice and spherical Web Mercator.
#include "geo/crs.h"

#include <proj.h>

#include "text/unicode.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>

namespace secmap::geo {
namespace {

std::string proj_error(PJ_CONTEXT* ctx) {
  const int err = proj_context_errno(ctx);
  const char* msg = err ? proj_context_errno_string(ctx, err) : nullptr;
  return msg ? msg : "unknown PROJ error";
}

bool is_geographic_type(PJ_TYPE t) {
  return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
         t == PJ_TYPE_GEOGRAPHIC_CRS;
}

// Creates a CRS object or throws CrsError naming the definition.
PJ* create_crs(PJ_CONTEXT* ctx, const std::string& def) {
  PJ* crs = proj_create(ctx, def.c_str());
  if (!crs) throw CrsError("unknown CRS \"" + def + "\": " + proj_error(ctx));
  const PJ_TYPE t = proj_get_type(crs);
  const bool is_crs = t == PJ_TYPE_GEODETIC_CRS || t == PJ_TYPE_GEOCENTRIC_CRS ||
                      is_geographic_type(t) || t == PJ_TYPE_PROJECTED_CRS ||
                      t == PJ_TYPE_COMPOUND_CRS || t == PJ_TYPE_BOUND_CRS ||
                      t == PJ_TYPE_OTHER_CRS || t == PJ_TYPE_ENGINEERING_CRS;
  if (!is_crs) {
    proj_destroy(crs);
    throw CrsError("\"" + def + "\" is not a coordinate reference system");
  }
  return crs;
}

}  // namespace

// Each Transform owns its PROJ context so different instances can live on different threads.
struct Transform::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  std::string from, to;
  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

Transform::Transform(const std::string& from, const std::string& to)
    : impl_(std::make_unique<Impl>()) {
  impl_->from = from;
  impl_->to = to;
  impl_->ctx = proj_context_create();
  if (!impl_->ctx) throw CrsError("cannot create a PROJ context");
  proj_log_level(impl_->ctx, PJ_LOG_NONE);  // failures become CrsError with PROJ's message
  PJ_CONTEXT* ctx = impl_->ctx;
  PJ* src = create_crs(ctx, from);
  source_geographic_ = is_geographic_type(proj_get_type(src));
  PJ* dst = nullptr;
  try {
    dst = create_crs(ctx, to);
  } catch (...) {
    proj_destroy(src);
    throw;
  }
  PJ* raw = proj_create_crs_to_crs_from_pj(ctx, src, dst, nullptr, nullptr);
  proj_destroy(src);
  proj_destroy(dst);
  if (!raw) throw CrsError("no transformation from " + from + " to " + to + ": " + proj_error(ctx));
  // Traditional GIS order: lon/lat (x/y, easting/northing) whatever the CRS axis order says.
  impl_->pj = proj_normalize_for_visualization(ctx, raw);
  proj_destroy(raw);
  if (!impl_->pj)
    throw CrsError("cannot normalise axis order for " + from + " → " + to + ": " + proj_error(ctx));
}

Transform::~Transform() = default;
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;

Point Transform::apply(Point p) const {
  Point out = p;
  apply_in_place(std::span<Point>(&out, 1));
  return out;
}

void Transform::apply_in_place(std::span<Point> pts) const {
  if (pts.empty()) return;
  // Point is two packed doubles, so PROJ can walk x and y with a stride of sizeof(Point).
  static_assert(sizeof(Point) == 2 * sizeof(double));
  const size_t n = pts.size();
  proj_errno_reset(impl_->pj);
  proj_trans_generic(impl_->pj, PJ_FWD, &pts[0].x, sizeof(Point), n, &pts[0].y, sizeof(Point), n,
                     nullptr, 0, 0, nullptr, 0, 0);
  for (const auto& p : pts) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y))
      throw CrsError("coordinates cannot be transformed from " + impl_->from + " to " + impl_->to +
                     " (outside the CRS's domain?)");
  }
}

void Transform::apply_in_place(Geometry& g) const {
  apply_in_place(std::span<Point>(g.points));
  for (auto& l : g.lines) apply_in_place(std::span<Point>(l));
  for (auto& poly : g.polygons)
    for (auto& r : poly.rings) apply_in_place(std::span<Point>(r));
}

int vn2000_tm3_epsg_for_lon(double lon) {
  // Central meridians of EPSG:9205..9218 (checked with projinfo); the series is irregular
  // because it lists the meridians provinces actually use.
  static constexpr double kCm[] = {103.0,  104.0, 104.5, 104.75, 105.5, 105.75, 106.0,
                                   106.25, 106.5, 107.0, 107.25, 107.5, 108.25, 108.5};
  int best = 0;
  for (int i = 1; i < static_cast<int>(std::size(kCm)); ++i)
    if (std::abs(lon - kCm[i]) < std::abs(lon - kCm[best])) best = i;
  return 9205 + best;
}

int vn2000_tm3_epsg_for_province(std::string_view province) {
  // Official provincial meridians (Circular 973/2001/TCĐC-CT) for the northern border area;
  // Lào Cai (with Yên Bái, merged 2025) is 104°45', Lai Châu and Điện Biên 103°00'.
  struct Entry {
    std::string_view name;
    int epsg;
  };
  static constexpr Entry kTable[] = {{"lao cai", 9208},   {"yen bai", 9208}, {"lai chau", 9205},
                                     {"dien bien", 9205}, {"son la", 9206},  {"ha giang", 9209},
                                     {"cao bang", 9210},  {"lang son", 9215}};
  const std::string key = text::fold_for_search(province);
  for (const auto& e : kTable)
    if (key == e.name || key == "tinh " + std::string(e.name)) return e.epsg;
  return 0;
}

bool is_geographic(const std::string& crs_definition) {
  PJ_CONTEXT* ctx = proj_context_create();
  proj_log_level(ctx, PJ_LOG_NONE);
  PJ* crs = proj_create(ctx, crs_definition.c_str());
  bool geo = false;
  if (crs) {
    geo = is_geographic_type(proj_get_type(crs));
    if (!geo && proj_get_type(crs) == PJ_TYPE_BOUND_CRS) {
      PJ* base = proj_get_source_crs(ctx, crs);
      if (base) geo = is_geographic_type(proj_get_type(base)), proj_destroy(base);
    }
    proj_destroy(crs);
  }
  proj_context_destroy(ctx);
  return geo;
}

namespace {
constexpr double kDeg = std::numbers::pi / 180.0;
constexpr double kMaxLat = 85.05112877980659;  // Web Mercator's square extent
}  // namespace

Point lonlat_to_mercator(Point lonlat) {
  const double lat = std::clamp(lonlat.y, -kMaxLat, kMaxLat);
  return {kEarthRadius * lonlat.x * kDeg,
          kEarthRadius * std::log(std::tan(std::numbers::pi / 4 + lat * kDeg / 2))};
}

Point mercator_to_lonlat(Point merc) {
  return {merc.x / kEarthRadius / kDeg,
          (2 * std::atan(std::exp(merc.y / kEarthRadius)) - std::numbers::pi / 2) / kDeg};
}

std::string crs_wkt(const std::string& definition, bool esri_wkt1) {
  PJ_CONTEXT* ctx = proj_context_create();
  proj_log_level(ctx, PJ_LOG_NONE);
  PJ* crs = proj_create(ctx, definition.c_str());
  std::string out;
  if (crs) {
    const char* options[] = {"MULTILINE=NO", nullptr};
    const char* w = proj_as_wkt(ctx, crs, esri_wkt1 ? PJ_WKT1_ESRI : PJ_WKT2_2019, options);
    if (w) out = w;
    proj_destroy(crs);
  }
  const std::string err = out.empty() ? proj_error(ctx) : "";
  proj_context_destroy(ctx);
  if (out.empty()) throw CrsError("no WKT for CRS \"" + definition + "\": " + err);
  return out;
}

}  // namespace secmap::geo
