#include "edit/record_checks.h"

#include <cmath>

#include "model/record_reader.h"

namespace secmap::edit {

namespace {

std::string text_of(const Fields& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end() || it->is_null()) return {};
  return it->is_string() ? it->get<std::string>() : value_text(*it);
}

std::optional<int64_t> int_of(const Fields& f, const char* name) {
  auto it = f.find(name);
  if (it == f.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

FieldError err(std::string field, std::string en, std::string vi) {
  return {std::move(field), std::move(en), std::move(vi)};
}

bool row_exists(store::Database& db, const char* table, int64_t id) {
  return model::record_exists(db, table, id);
}

// Column types and code lists, common to every table.
void check_columns(const Validator& v, const RecordToCheck& r, std::vector<FieldError>& errs) {
  for (const model::Column& c : r.spec->columns) {
    auto it = r.fields->find(c.name);
    const bool missing = it == r.fields->end() || it->is_null() ||
                         (it->is_string() && it->get<std::string>().empty());
    if (missing) {
      if (c.required) v.require(errs, c.name, "");
      continue;
    }
    const bool ok = [&] {
      switch (c.type) {
        case model::ColumnType::Integer:
          return it->is_number_integer();
        case model::ColumnType::Boolean:
          return it->is_boolean() ||
                 (it->is_number_integer() && (it->get<int64_t>() == 0 || it->get<int64_t>() == 1));
        case model::ColumnType::Real:
          return it->is_number();
        default:
          return it->is_string();
      }
    }();
    if (!ok) {
      errs.push_back(err(c.name, c.name + " has a value of the wrong kind: " + it->dump(),
                         c.name + " có giá trị sai kiểu: " + it->dump()));
      continue;
    }
    if (!c.code_list.empty()) v.check_code(errs, c.name, c.code_list, it->get<std::string>());
    if (c.type == model::ColumnType::Date || c.type == model::ColumnType::DateTime)
      v.check_date(errs, c.name, it->get<std::string>(), {}, c.type == model::ColumnType::DateTime,
                   true);
  }
}

void check_point(const Validator& v, const RecordToCheck& r, std::vector<FieldError>& errs,
                 bool check_inside) {
  const auto& g = *r.geom;
  if (!g || g->is_empty()) {
    if (r.spec->geometry_required) v.check_location(errs, {false, {}, false});
    return;
  }
  if (g->type != geo::GeomType::Point) {
    errs.push_back(err("location", "a point is needed", "cần một điểm"));
    return;
  }
  v.check_location(errs, {true, g->points.at(0), r.accept_outside || !check_inside});
}

void check_line(const Validator& v, const RecordToCheck& r, std::vector<FieldError>& errs) {
  const auto& g = *r.geom;
  if (!g || g->is_empty()) {
    v.check_location(errs, {false, {}, false});
    return;
  }
  if (g->type != geo::GeomType::LineString || g->lines.at(0).size() < 2) {
    errs.push_back(err("location", "a route needs a line of at least two points",
                       "tuyến tuần tra cần ít nhất hai điểm"));
    return;
  }
  bool any_inside = false;
  for (geo::Point p : g->lines[0]) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::fabs(p.x) > 180 || std::fabs(p.y) > 90) {
      errs.push_back(err("location", "a vertex is out of the lon/lat range",
                         "một đỉnh nằm ngoài phạm vi kinh độ/vĩ độ"));
      return;
    }
    any_inside = any_inside || v.inside_province(p);
  }
  if (!any_inside && !r.accept_outside && v.commune_count() > 0)
    errs.push_back(err("location",
                       "the route lies wholly outside the province; accept it explicitly if meant",
                       "tuyến nằm hoàn toàn ngoài địa bàn tỉnh; hãy xác nhận nếu cố ý"));
}

void check_one_of(std::vector<FieldError>& errs, const Fields& f, const char* field,
                  const std::vector<const char*>& allowed) {
  const std::string value = text_of(f, field);
  if (value.empty()) return;
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  errs.push_back(
      err(field, "'" + value + "' is not one of " + list, "'" + value + "' không thuộc: " + list));
}

}  // namespace

IncidentInput incident_input(const Fields& f, const std::optional<geo::Geometry>& geom,
                             std::optional<int64_t> id, bool accept_outside) {
  IncidentInput in;
  in.id = id;
  in.case_number = text_of(f, "case_number");
  in.category = text_of(f, "category");
  in.occurred_at = text_of(f, "occurred_at");
  in.severity = text_of(f, "severity");
  in.status = text_of(f, "status");
  in.cross_border = int_of(f, "cross_border").value_or(0) != 0;
  in.campaign_tags = text_of(f, "campaign_tags");
  in.description = text_of(f, "description");
  in.source = text_of(f, "source");
  if (geom && geom->type == geo::GeomType::Point && !geom->points.empty()) {
    in.has_location = true;
    in.lon = geom->points[0].x;
    in.lat = geom->points[0].y;
  } else {
    in.commune_code = text_of(f, "commune_code");  // an incident known only by its commune
  }
  in.accept_outside = accept_outside;
  return in;
}

Fields incident_fields(const IncidentInput& in) {
  auto text = [](const std::string& s) { return s.empty() ? Fields(nullptr) : Fields(s); };
  Fields f = Fields::object();
  f["case_number"] = text(in.case_number);
  f["category"] = in.category;
  f["occurred_at"] = in.occurred_at;
  f["severity"] = text(in.severity);
  f["status"] = in.status.empty() ? "received" : in.status;
  f["cross_border"] = in.cross_border ? 1 : 0;
  f["campaign_tags"] = text(in.campaign_tags);
  f["description"] = text(in.description);
  f["source"] = text(in.source);
  return f;
}

const std::vector<const char*>& fixed_choices(std::string_view table, std::string_view column) {
  struct Choices {
    const char* table;
    const char* column;
    std::vector<const char*> values;
  };
  static const std::vector<Choices> kChoices = {
      {"crossings", "status", {"open", "restricted", "closed"}},
      {"facilities", "country", {"VN", "CN"}},
      {"patrols", "state", {"planned", "done"}},
  };
  static const std::vector<const char*> kNone;
  for (const Choices& c : kChoices)
    if (table == c.table && column == c.column) return c.values;
  return kNone;
}

std::vector<FieldError> check_record(const Validator& v, const RecordToCheck& r,
                                     std::string_view today) {
  std::vector<FieldError> errs;
  const Fields& f = *r.fields;
  const std::string& t = r.spec->table;
  if (t == "incidents") {
    errs = v.check_incident(incident_input(f, *r.geom, r.id, r.accept_outside), today);
    return errs;
  }
  check_columns(v, r, errs);
  store::Database& db = v.db();
  if (t == "commune_status") {
    const std::string code = text_of(f, "commune_code");
    if (!code.empty()) {
      if (model::ids_where(db, "communes", {"code", code}).empty())
        errs.push_back(
            err("commune_code", "no commune with code " + code, "không có xã/phường mã " + code));
    }
    v.check_date(errs, "period_from", text_of(f, "period_from"), today, false, false);
    v.check_order(errs, "period_from", text_of(f, "period_from"), "period_to",
                  text_of(f, "period_to"));
    const auto areas = int_of(f, "residential_areas"), safe = int_of(f, "residential_areas_safe");
    if (areas && *areas < 0)
      errs.push_back(err("residential_areas", "must not be negative", "không được âm"));
    if (safe && *safe < 0)
      errs.push_back(err("residential_areas_safe", "must not be negative", "không được âm"));
    if (areas && safe && *safe > *areas)
      errs.push_back(err("residential_areas_safe",
                         "more safe residential areas than residential areas",
                         "số khu dân cư an toàn lớn hơn tổng số khu dân cư"));
  } else if (t == "designations") {
    // Designations may be planned a few years ahead, not decades.
    const int this_year = is_iso_date(today) ? std::stoi(std::string(today.substr(0, 4))) : 9999;
    if (auto year = int_of(f, "year"); year && (*year < 1945 || *year > this_year + 5))
      errs.push_back(err("year", "year " + std::to_string(*year) + " is not plausible",
                         "năm " + std::to_string(*year) + " không hợp lệ"));
    check_point(v, r, errs, true);
  } else if (t == "crossings") {
    check_one_of(errs, f, "status", fixed_choices("crossings", "status"));
    check_point(v, r, errs, true);
  } else if (t == "facilities") {
    const std::string country = text_of(f, "country");
    check_one_of(errs, f, "country", fixed_choices("facilities", "country"));
    if (auto cp = int_of(f, "counterpart_id")) {
      if (r.id && *cp == *r.id)
        errs.push_back(err("counterpart_id", "a facility cannot be its own counterpart",
                           "cơ sở không thể là đối tác của chính nó"));
      else if (!row_exists(db, "facilities", *cp))
        errs.push_back(err("counterpart_id", "no facility with id " + std::to_string(*cp),
                           "không có cơ sở mã " + std::to_string(*cp)));
    }
    // Counterparts on the Chinese side lie outside the province by nature.
    check_point(v, r, errs, country.empty() || country == "VN");
  } else if (t == "cooperation_events") {
    v.check_date(errs, "occurred_on", text_of(f, "occurred_on"), today, false, false);
    for (const char* ref : {"crossing_id", "facility_id"})
      if (auto id = int_of(f, ref);
          id && !row_exists(db, ref[0] == 'c' ? "crossings" : "facilities", *id))
        errs.push_back(err(ref, "no record with id " + std::to_string(*id),
                           "không có bản ghi mã " + std::to_string(*id)));
    const bool has_lon = f.contains("counterpart_lon") && !f["counterpart_lon"].is_null();
    const bool has_lat = f.contains("counterpart_lat") && !f["counterpart_lat"].is_null();
    if (has_lon != has_lat)
      errs.push_back(err(has_lon ? "counterpart_lat" : "counterpart_lon",
                         "the counterpart's location needs both lon and lat",
                         "vị trí đối tác cần cả kinh độ và vĩ độ"));
    check_point(v, r, errs, true);
  } else if (t == "campaigns") {
    const std::string code = text_of(f, "code");
    if (!code.empty()) {
      for (const int64_t other : model::ids_where(db, "campaigns", {"code", code}))
        if (!r.id || other != *r.id)
          errs.push_back(err("code", "campaign code " + code + " is already used",
                             "mã đợt " + code + " đã được dùng"));
    }
    v.check_order(errs, "date_from", text_of(f, "date_from"), "date_to", text_of(f, "date_to"));
  } else if (t == "patrols") {
    check_one_of(errs, f, "state", fixed_choices("patrols", "state"));
    v.check_order(errs, "starts_at", text_of(f, "starts_at"), "ends_at", text_of(f, "ends_at"));
    // A patrol reported done cannot have started in the future.
    if (text_of(f, "state") == "done")
      v.check_date(errs, "starts_at", text_of(f, "starts_at"), today, true, false);
    check_line(v, r, errs);
  }
  return errs;
}

}  // namespace secmap::edit
