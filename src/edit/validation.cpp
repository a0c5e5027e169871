#include "edit/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "geo/point_locator.h"
#include "model/communes.h"
#include "model/record_reader.h"
#include "store/civil_date.h"
#include "store/local_time.h"

namespace secmap::edit {

namespace {

FieldError err(std::string_view field, std::string en, std::string vi) {
  return {std::string(field), std::move(en), std::move(vi)};
}

// Statuses of a criminal case (vụ án) rather than a report: these need a severity.
bool is_criminal_case_status(std::string_view s) {
  return s == "instituted" || s == "investigated" || s == "solved" || s == "suspended" ||
         s == "prosecuted" || s.starts_with("tried");
}

}  // namespace

bool is_iso_date(std::string_view s, bool allow_time) {
  if (allow_time) return store::local_date_time(s).has_value();
  return s.size() == 10 && store::parse_day(s);
}

std::string_view date_part(std::string_view s) {
  return s.substr(0, std::min<size_t>(10, s.size()));
}

std::string today_iso() {
  return store::local_now("%Y-%m-%d");
}

struct Validator::Province {
  std::vector<std::string> codes;
  std::optional<geo::PointLocator> locator;
  std::vector<geo::Geometry> polygons;  // for points on an edge, which the locator leaves out
  std::vector<geo::BBox> boxes;
};

namespace {

// Boundary tolerance in degrees (about 0.1 mm): points computed on an edge (a midpoint, a vertex
// read back from text) are off the exact line by rounding only.
constexpr double kOnEdgeDegrees = 1e-9;

double segment_distance(geo::Point p, geo::Point a, geo::Point b) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

bool on_boundary(const geo::Geometry& g, geo::Point p) {
  for (const auto& poly : g.polygons)
    for (const auto& ring : poly.rings)
      for (size_t i = 1; i < ring.size(); ++i)
        if (segment_distance(p, ring[i - 1], ring[i]) <= kOnEdgeDegrees) return true;
  return false;
}

}  // namespace

Validator::Validator(store::Database& db)
    : db_(db), codes_(store::CodeLists::load(db)), province_(std::make_unique<Province>()) {
  // The model's current communes, in id order: the lowest id wins a point on a shared edge.
  model::CommuneSet communes = model::load_communes(db, {.allow_empty = true});
  std::vector<size_t> by_id(communes.size());
  for (size_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::sort(by_id.begin(), by_id.end(),
            [&](size_t a, size_t b) { return communes.ids[a] < communes.ids[b]; });
  std::vector<geo::Geometry> polygons;
  for (size_t i : by_id) {
    if (communes.geoms[i].polygons.empty()) continue;
    province_->codes.push_back(communes.codes[i]);
    polygons.push_back(std::move(communes.geoms[i]));
    province_->boxes.push_back(polygons.back().bbox());
  }
  if (!polygons.empty()) province_->locator.emplace(polygons);
  province_->polygons = std::move(polygons);
}

Validator::~Validator() = default;
Validator::Validator(Validator&&) noexcept = default;

size_t Validator::commune_count() const {
  return province_->codes.size();
}

std::string Validator::commune_of(geo::Point p) const {
  if (!province_->locator) return {};
  const int32_t i = province_->locator->locate(p);
  if (i >= 0) return province_->codes[static_cast<size_t>(i)];
  // The locator counts only interiors. A point on an edge shared by two communes, or on the
  // province outline, is still in the province: it goes to the first commune (lowest id) whose
  // boundary holds it, so the answer does not depend on the order of the edges.
  for (size_t k = 0; k < province_->polygons.size(); ++k) {
    geo::BBox b = province_->boxes[k];
    b.min_x -= kOnEdgeDegrees, b.min_y -= kOnEdgeDegrees;
    b.max_x += kOnEdgeDegrees, b.max_y += kOnEdgeDegrees;
    if (b.contains(p) && on_boundary(province_->polygons[k], p)) return province_->codes[k];
  }
  return {};
}

std::vector<std::string> Validator::communes_of(std::span<const geo::Point> points) const {
  std::vector<std::string> out(points.size());
  if (!province_->locator) return out;
  const std::vector<int32_t> hit = province_->locator->locate_all(points);
  for (size_t i = 0; i < points.size(); ++i)
    out[i] = hit[i] >= 0 ? province_->codes[static_cast<size_t>(hit[i])] : commune_of(points[i]);
  return out;
}

bool Validator::case_number_free(std::string_view case_number, std::optional<int64_t> id) const {
  if (case_number.empty()) return true;
  for (const int64_t other :
       model::ids_where(db_, "incidents", {"case_number", std::string(case_number)}))
    if (!id || other != *id) return false;
  return true;
}

bool Validator::claim_case_number(std::string_view case_number, std::optional<int64_t> id) {
  if (case_number.empty()) return true;
  if (claimed_.contains(case_number) || !case_number_free(case_number, id)) return false;
  claimed_.emplace(case_number);
  return true;
}

void Validator::require(std::vector<FieldError>& errs, std::string_view field,
                        std::string_view value) const {
  if (value.empty())
    errs.push_back(err(field, std::string(field) + " is required",
                       "trường " + std::string(field) + " là bắt buộc"));
}

void Validator::check_code(std::vector<FieldError>& errs, std::string_view field,
                           std::string_view table, std::string_view value) const {
  if (value.empty() || codes_.contains(table, value)) return;
  errs.push_back(err(field, "'" + std::string(value) + "' is not a code of " + std::string(table),
                     "'" + std::string(value) + "' không có trong danh mục " + std::string(table)));
}

void Validator::check_date(std::vector<FieldError>& errs, std::string_view field,
                           std::string_view value, std::string_view today, bool allow_time,
                           bool allow_future) const {
  if (value.empty()) return;
  if (!is_iso_date(value, allow_time)) {
    errs.push_back(
        err(field,
            "'" + std::string(value) + "' is not a valid ISO date" +
                (allow_time ? " or date-time (YYYY-MM-DD[THH:MM[:SS]])" : " (YYYY-MM-DD)"),
            "'" + std::string(value) + "' không phải ngày hợp lệ (YYYY-MM-DD)"));
    return;
  }
  if (!allow_future && !today.empty() && date_part(value) > date_part(today))
    errs.push_back(err(
        field,
        std::string(date_part(value)) + " is in the future (today is " + std::string(today) + ")",
        "ngày " + std::string(date_part(value)) + " ở tương lai (hôm nay là " + std::string(today) +
            ")"));
}

void Validator::check_order(std::vector<FieldError>& errs, std::string_view from_field,
                            std::string_view from, std::string_view to_field,
                            std::string_view to) const {
  if (from.empty() || to.empty() || !is_iso_date(from, true) || !is_iso_date(to, true)) return;
  if (to < from)
    errs.push_back(err(to_field,
                       std::string(to_field) + " " + std::string(to) + " is before " +
                           std::string(from_field) + " " + std::string(from),
                       std::string(to_field) + " " + std::string(to) + " trước " +
                           std::string(from_field) + " " + std::string(from)));
}

void Validator::check_location(std::vector<FieldError>& errs, const PointInput& p) const {
  if (!p.has_location) {
    errs.push_back(
        err("location", "a location (lon/lat) is required", "cần có vị trí (kinh độ/vĩ độ)"));
    return;
  }
  if (!std::isfinite(p.p.x) || !std::isfinite(p.p.y) || std::fabs(p.p.x) > 180 ||
      std::fabs(p.p.y) > 90) {
    errs.push_back(err("location", "lon/lat out of range (lon -180..180, lat -90..90)",
                       "kinh độ/vĩ độ ngoài phạm vi"));
    return;
  }
  if (!p.accept_outside && province_->locator && !inside_province(p.p))
    errs.push_back(err("location",
                       "the point lies outside the province's communes; accept it explicitly "
                       "if it is meant to be outside",
                       "điểm nằm ngoài địa bàn tỉnh; hãy xác nhận nếu cố ý đặt ngoài tỉnh"));
}

std::vector<FieldError> Validator::check_incident(const IncidentInput& in,
                                                  std::string_view today) const {
  std::vector<FieldError> errs;
  require(errs, "category", in.category);
  check_code(errs, "category", "incident_categories", in.category);
  require(errs, "occurred_at", in.occurred_at);
  check_date(errs, "occurred_at", in.occurred_at, today, true, false);
  check_code(errs, "severity", "severities", in.severity);
  const std::string status = in.status.empty() ? "received" : in.status;
  check_code(errs, "status", "case_statuses", status);
  if (is_criminal_case_status(status) && in.severity.empty())
    errs.push_back(err("severity", "a criminal case (status " + status + ") needs a severity",
                       "vụ án (trạng thái " + status + ") phải có mức độ nghiêm trọng"));
  if (status == "tried_summary" && !in.severity.empty() && in.severity != "it_nghiem_trong")
    errs.push_back(err("severity",
                       "a summary-procedure trial is only for less-serious crimes "
                       "(severity it_nghiem_trong)",
                       "xét xử rút gọn chỉ áp dụng cho tội ít nghiêm trọng"));
  if (!in.case_number.empty()) {
    if (claimed_.contains(in.case_number))
      errs.push_back(err("case_number", "case number " + in.case_number + " appears twice",
                         "số vụ " + in.case_number + " bị trùng"));
    else if (!case_number_free(in.case_number, in.id))
      errs.push_back(err("case_number",
                         "case number " + in.case_number + " is already used by another incident",
                         "số vụ " + in.case_number + " đã có ở vụ việc khác"));
  }
  // Campaign tags must name campaigns in the database.
  std::string_view tags = in.campaign_tags;
  while (!tags.empty()) {
    const size_t comma = tags.find(',');
    std::string_view tag = tags.substr(0, comma);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (!tag.empty()) {
      if (model::ids_where(db_, "campaigns", {"code", std::string(tag)}).empty())
        errs.push_back(err("campaign_tags", "no campaign with code '" + std::string(tag) + "'",
                           "không có đợt cao điểm mã '" + std::string(tag) + "'"));
    }
    if (comma == std::string_view::npos) break;
    tags.remove_prefix(comma + 1);
  }
  if (!in.has_location && !in.commune_code.empty()) {
    // Located only by its commune: the commune must exist.
    if (model::ids_where(db_, "communes", {"code", in.commune_code}).empty())
      errs.push_back(err("commune_code", "no commune with code " + in.commune_code,
                         "không có xã/phường mã " + in.commune_code));
    return errs;
  }
  check_location(errs, {in.has_location, {in.lon, in.lat}, in.accept_outside});
  return errs;
}

}  // namespace secmap::edit
