// import_file: read and check everything first, then write all rows in one transaction, so a
// rejected file never leaves a trace in the database.
#include "io/importer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "edit/writer.h"
#include "geo/crs.h"
#include "geo/geos_ops.h"
#include "io/column_plan.h"
#include "io/commune_match.h"
#include "io/field_mapping.h"
#include "io/gdal_source.h"
#include "io/incident_checks.h"
#include "io/office_dates.h"
#include "model/commune_names.h"
#include "model/record_reader.h"
#include "model/tables.h"
#include "store/code_lists.h"
#include "store/spatial_bulk_insert.h"
#include "store/table_schema.h"
#include "store/write_error.h"
#include "text/unicode.h"

namespace secmap::io {

namespace {

struct Row {
  size_t number = 0;        // 1-based position in the source
  std::vector<Cell> cells;  // per binding
  geo::Geometry geom;
  bool has_geom = false;                          // geom was read and converted
  bool bad = false;                               // a problem was reported for this row
  std::vector<std::string> problem_fields;        // fields already reported
  std::string key_text;                           // unique key value, for messages
  std::vector<RawValue> dates;                    // per date binding: the text, read once the
                                                  // column's day order is known
  std::string extra;                              // JSON of the columns no field takes, or empty
  std::string commune_written, province_written;  // no coordinates: the commune it names
  std::string by_commune;  // the commune found for it: located by commune only, no point
};

std::string trim_text(std::string s) {
  s.erase(0, s.find_first_not_of(" \t\r\n"));
  s.erase(s.find_last_not_of(" \t\r\n") + 1);
  return s;
}

std::string fmt_coord(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.6g", v);
  return b;
}

bool is_wgs84_lonlat(const std::string& def) {
  return def == "EPSG:4326" || def == "OGC:CRS84" || def == "epsg:4326";
}

// A short name for a CRS definition: "EPSG:9208", or the name inside WKT.
std::string crs_label(const std::string& def) {
  if (def.size() < 40 && def.find('[') == std::string::npos) return def;
  const auto q = def.find('"');
  if (q != std::string::npos) {
    const auto e = def.find('"', q + 1);
    if (e != std::string::npos) return def.substr(q + 1, e - q - 1) + " (WKT)";
  }
  return def.substr(0, 40) + "…";
}

// Converts the source geometry to the type the layer stores, or returns an error message.
std::optional<std::string> fit_geometry(const std::string& wanted, geo::Geometry& g) {
  using GT = geo::GeomType;
  const std::string have = geo::type_name(g.type);
  const std::string msg = "geometry is " + have + ", the layer takes " + wanted;
  if (wanted == "POINT") {
    if (g.type == GT::MultiPoint && g.points.size() == 1) g.type = GT::Point;
    if (g.type != GT::Point) return msg;
  } else if (wanted == "LINESTRING") {
    if (g.type == GT::MultiLineString && g.lines.size() == 1) g.type = GT::LineString;
    if (g.type != GT::LineString) return msg;
  } else if (wanted == "MULTILINESTRING") {
    if (g.type != GT::LineString && g.type != GT::MultiLineString) return msg;
    g = g.as_multi();
  } else if (wanted == "MULTIPOLYGON") {
    if (g.type != GT::Polygon && g.type != GT::MultiPolygon) return msg;
    g = g.as_multi();
  }
  return std::nullopt;
}

geo::Point first_point(const geo::Geometry& g) {
  if (!g.points.empty()) return g.points.front();
  if (!g.lines.empty() && !g.lines.front().empty()) return g.lines.front().front();
  if (!g.polygons.empty() && !g.polygons.front().rings.empty() &&
      !g.polygons.front().rings.front().empty())
    return g.polygons.front().rings.front().front();
  return {};
}

// Any vertex outside lon -180..180 / lat -90..90 (or not finite), else nullopt.
std::optional<geo::Point> bad_vertex(const geo::Geometry& g) {
  auto bad = [](const geo::Point& p) {
    return !(std::isfinite(p.x) && std::isfinite(p.y) && p.x >= -180 && p.x <= 180 && p.y >= -90 &&
             p.y <= 90);
  };
  for (const auto& p : g.points)
    if (bad(p)) return p;
  for (const auto& l : g.lines)
    for (const auto& p : l)
      if (bad(p)) return p;
  for (const auto& poly : g.polygons)
    for (const auto& r : poly.rings)
      for (const auto& p : r)
        if (bad(p)) return p;
  return std::nullopt;
}

// Latitude in the longitude slot and vice versa, for this part of the world (lon ~100–110,
// lat ~8–24): the commonest mistake in hand-made CSV files.
bool looks_swapped(geo::Point p) {
  return p.x >= 0 && p.x <= 40 && p.y >= 90 && p.y <= 140;
}

std::string join_key(const std::vector<std::string>& parts) {
  std::string k;
  for (const auto& p : parts) k += p + '\x1f';
  return k;
}

// The text of a converted cell, or "" when it is empty.
std::string cell_text(const std::vector<FieldBinding>& bindings, const Row& r,
                      const std::string& field) {
  for (size_t b = 0; b < bindings.size(); ++b)
    if (bindings[b].field->name == field && bindings[b].source_index >= 0)
      return r.cells[b].is_null() ? std::string() : r.cells[b].as_text();
  return {};
}

// An import row as the validation rules see an incident.
edit::IncidentInput incident_input(const std::vector<FieldBinding>& bindings, const Row& r,
                                   const ImportOptions& opt) {
  edit::IncidentInput in;
  in.case_number = cell_text(bindings, r, "case_number");
  in.category = cell_text(bindings, r, "category");
  in.occurred_at = cell_text(bindings, r, "occurred_at");
  in.severity = cell_text(bindings, r, "severity");
  in.status = cell_text(bindings, r, "status");
  in.cross_border = cell_text(bindings, r, "cross_border") == "1";
  in.campaign_tags = cell_text(bindings, r, "campaign_tags");
  in.description = cell_text(bindings, r, "description");
  in.has_location = r.has_geom;
  if (r.has_geom) {
    in.lon = r.geom.points.front().x;
    in.lat = r.geom.points.front().y;
  } else {
    in.commune_code = r.by_commune;
  }
  in.accept_outside = opt.accept_outside;
  in.source = opt.source_label.empty() ? opt.file.filename().string() : opt.source_label;
  return in;
}

}  // namespace

const std::vector<std::string>& layer_names() {
  return model::layer_names();
}

std::string RowProblem::text() const {
  std::string s = where;
  if (!field.empty()) s += ", field '" + field + "'";
  return s + ": " + message;
}

ImportReport import_file(store::Database& db, const ImportOptions& opt) {
  const model::Table* layer = model::find_layer(opt.layer);
  if (!layer) {
    std::string names;
    for (const auto& n : layer_names()) names += (names.empty() ? "" : ", ") + n;
    throw ImportError("unknown layer '" + opt.layer + "' (layers: " + names + ")");
  }
  const std::string where = opt.file.string();
  GdalSource src = GdalSource::open(opt.file, opt.source_layer, opt.encoding);
  const bool wants_geom = !layer->geometry.empty();
  const bool point_layer = layer->geometry == "POINT";
  const std::string geom_field = point_layer ? "location" : "geometry";
  const std::string unit = src.is_table() ? "row" : "feature";
  ImportReport report;
  report.encoding = src.encoding_name();
  report.dry_run = opt.dry_run;

  ColumnPlan plan =
      plan_columns(*layer, src.field_names(), src.coordinate_columns(), opt.map, where);
  const int commune_column = plan.commune_column;
  const int province_column = plan.province_column;

  // Source CRS → EPSG:4326.
  std::optional<geo::Transform> transform;
  if (wants_geom && !(commune_column >= 0 && !src.has_geometry())) {
    if (!src.has_geometry())
      throw ImportError(where + ": has no geometry, but layer '" + layer->layer + "' needs " +
                        layer->geometry +
                        (src.is_table() ? " (name the coordinate columns lon/lat, or x/y with "
                                          "--crs, or give a WKT column)"
                                        : ""));
    std::string def = opt.crs.value_or(src.crs_definition());
    if (def.empty()) {
      if (!src.lonlat_columns())
        throw ImportError(where + ": has no CRS (" +
                          (src.is_table() ? std::string("coordinates in x/y or WKT columns")
                                          : "no .prj or SRS in the file") +
                          "); give it with --crs EPSG:N (e.g. EPSG:9208 for VN-2000 / TM-3 "
                          "104-45, EPSG:32648 for UTM 48N, EPSG:4326 for lon/lat)");
      def = "EPSG:4326";  // CSV with lon/lat-named columns: degrees by definition
    }
    report.source_crs = crs_label(def);
    if (!is_wgs84_lonlat(def)) {
      try {
        transform.emplace(def, "EPSG:4326");
      } catch (const std::exception& e) {
        throw ImportError(where + ": cannot use CRS " + crs_label(def) + ": " + e.what());
      }
    }
  }

  const std::vector<FieldBinding>& bindings = plan.bindings;
  auto binding_of = [&](const std::string& field) -> int {
    for (size_t b = 0; b < bindings.size(); ++b)
      if (bindings[b].field->name == field && bindings[b].source_index >= 0)
        return static_cast<int>(b);
    return -1;
  };
  const int key_binding = binding_of(layer->unique_key);
  std::vector<std::unique_ptr<CodeList>> code_lists(bindings.size());
  const store::CodeLists all_codes = store::CodeLists::load(db);
  for (size_t b = 0; b < bindings.size(); ++b)
    if (!bindings[b].field->code_list.empty() && bindings[b].source_index >= 0)
      code_lists[b] = std::make_unique<CodeList>(all_codes, bindings[b].field->code_list);
  for (const auto& [field, values] : opt.value_map) {
    const auto b = std::find_if(bindings.begin(), bindings.end(),
                                [&](const FieldBinding& fb) { return fb.field->name == field; });
    if (b == bindings.end() || b->field->code_list.empty())
      throw ImportError(where + ": --map-values " + field + ": '" + field +
                        "' is not a coded field of layer '" + layer->layer + "'");
    if (b->source_index < 0) continue;
    for (const auto& [written, code] : values)
      if (auto problem = code_lists[b - bindings.begin()]->add_alias(written, code))
        throw ImportError(where + ": --map-values " + field + "=" + written + ":" + code + ": " +
                          *problem);
  }
  report.mapping = std::move(plan.mapping);
  report.unused_columns = std::move(plan.unused_columns);
  for (const auto& n : src.reading_notes()) report.notes.push_back(n);
  const bool spreadsheet = src.is_table() && src.driver() != "CSV";
  std::vector<int> unused_index;  // source indexes of the unused columns, kept as extra
  for (const auto& name : report.unused_columns)
    for (size_t i = 0; i < src.field_names().size(); ++i)
      if (src.field_names()[i] == name) unused_index.push_back(static_cast<int>(i));
  std::vector<size_t> date_bindings;  // converted after the whole column is read
  for (size_t b = 0; b < bindings.size(); ++b)
    if (bindings[b].source_index >= 0 && (bindings[b].field->type == model::ColumnType::Date ||
                                          bindings[b].field->type == model::ColumnType::DateTime))
      date_bindings.push_back(b);

  const size_t hint = src.feature_count_hint();
  const size_t total_steps = hint ? 2 * hint : 0;
  auto progress = [&](size_t done) {
    if (opt.progress) opt.progress(done, total_steps ? std::max(total_steps, done) : 0);
  };

  // Every failing row is collected, so that one run reports all of them.
  std::vector<RowProblem> problems;
  auto name_of = [&](const Row& r) {
    std::string s = unit + " " + std::to_string(r.number);
    if (const size_t line = src.line_of(r.number)) s += " (line " + std::to_string(line) + ")";
    if (!r.key_text.empty()) s += " (" + layer->unique_key + " " + r.key_text + ")";
    return s;
  };
  auto add_problem = [&](Row& r, std::string field, std::string message,
                         std::string message_vi = {}) {
    r.bad = true;
    r.problem_fields.push_back(field);
    problems.push_back({r.number, src.line_of(r.number), name_of(r), std::move(field),
                        std::move(message), std::move(message_vi)});
  };

  // Pass 1: read, convert and check every feature.
  std::vector<Row> rows;
  if (hint) rows.reserve(hint);
  SourceFeature f;
  while (src.next(f)) {
    Row row;
    row.number = ++report.read;
    if (key_binding >= 0) {
      const RawValue& kv = f.values[bindings[key_binding].source_index];
      if (!kv.is_null() && text::is_valid_utf8(kv.as_text())) row.key_text = kv.as_text();
    }
    row.cells.resize(bindings.size());
    for (size_t b : date_bindings) row.dates.push_back(f.values[bindings[b].source_index]);
    if (!unused_index.empty()) {
      nlohmann::ordered_json extra = nlohmann::ordered_json::object();  // the source's order
      for (int i : unused_index) {
        const RawValue& v = f.values[static_cast<size_t>(i)];
        const std::string text = v.as_text();
        if (v.is_null() || text.find_first_not_of(" \t") == std::string::npos) continue;
        if (!text::is_valid_utf8(text)) {
          add_problem(row, src.field_names()[i],
                      "invalid UTF-8 text (column '" + src.field_names()[i] + "', kept as extra)");
          continue;
        }
        extra[src.field_names()[i]] = text::to_nfc(text);
      }
      if (!extra.empty()) row.extra = extra.dump();
    }
    for (size_t b = 0; b < bindings.size(); ++b) {
      const FieldBinding& fb = bindings[b];
      if (fb.source_index < 0 ||
          std::find(date_bindings.begin(), date_bindings.end(), b) != date_bindings.end())
        continue;
      const RawValue& raw = f.values[fb.source_index];
      const std::string column = " (column '" + fb.source_name + "')";
      if (auto err = convert_value(*fb.field, raw, code_lists[b].get(), row.cells[b]))
        add_problem(row, fb.field->name, *err + column);
      else if (fb.field->required && row.cells[b].is_null())
        add_problem(row, fb.field->name, "required, but empty" + column,
                    "bắt buộc nhưng để trống" + column);
    }
    if (wants_geom) {
      if (!f.geom_error.empty()) {
        add_problem(row, geom_field, "unreadable geometry (" + f.geom_error + ")");
      } else if ((!f.geom || f.geom->is_empty()) && commune_column >= 0 &&
                 !trim_text(f.values[commune_column].as_text()).empty()) {
        row.commune_written = trim_text(f.values[commune_column].as_text());
        row.province_written =
            province_column >= 0 ? trim_text(f.values[province_column].as_text()) : opt.province;
      } else if (!f.geom || f.geom->is_empty()) {
        add_problem(row, geom_field,
                    std::string(f.geom ? "empty geometry" : "no geometry") +
                        (src.is_table() ? " (missing or unreadable coordinates)" : ""),
                    "thiếu vị trí");
      } else {
        row.geom = std::move(*f.geom);
        row.has_geom = true;
        if (auto err = fit_geometry(layer->geometry, row.geom)) {
          add_problem(row, geom_field, *err);
          row.has_geom = false;
        } else if (transform) {
          transform->apply_in_place(row.geom);
        }
      }
    }
    rows.push_back(std::move(row));
    progress(rows.size());
  }

  // Dates: a column's day order ("03/01/2025") is read from the whole column or --date-format,
  // then every value is converted.
  for (size_t k = 0; k < date_bindings.size(); ++k) {
    const FieldBinding& fb = bindings[date_bindings[k]];
    const std::string column = "column '" + fb.source_name + "'";
    DayOrder order = opt.day_order;
    if (order == DayOrder::Unknown) {
      std::string day_first, month_first, undecided;
      for (const Row& r : rows) {
        const std::string v = r.dates[k].as_text();
        const DayOrder e = day_order_evidence(v);
        if (e == DayOrder::DayFirst && day_first.empty()) day_first = v;
        if (e == DayOrder::MonthFirst && month_first.empty()) month_first = v;
        if (e == DayOrder::Unknown && undecided.empty() && needs_day_order(v)) undecided = v;
      }
      if (!day_first.empty() && !month_first.empty())
        throw ImportError(where + ": " + column + " mixes day/month dates ('" + day_first +
                          "') and month/day dates ('" + month_first +
                          "'); correct the file, or say which order is right with --date-format "
                          "dd/mm/yyyy or --date-format mm/dd/yyyy");
      order = !day_first.empty()     ? DayOrder::DayFirst
              : !month_first.empty() ? DayOrder::MonthFirst
                                     : DayOrder::Unknown;
      if (order == DayOrder::Unknown && !undecided.empty())
        throw ImportError(
            where + ": " + column + ": every date such as '" + undecided +
            "' reads both as day/month and as month/day (no day in the column is above 12); "
            "say which with --date-format dd/mm/yyyy (ngày/tháng/năm) or --date-format "
            "mm/dd/yyyy");
    }
    const bool with_time = fb.field->type == model::ColumnType::DateTime;
    for (Row& r : rows) {
      const RawValue& raw = r.dates[k];
      Cell& cell = r.cells[date_bindings[k]];
      cell = Cell{};
      const std::string v = raw.as_text();
      if (raw.is_null() || v.find_first_not_of(" \t") == std::string::npos) {
        if (fb.field->required)
          add_problem(r, fb.field->name, "required, but empty (" + column + ")",
                      "bắt buộc nhưng để trống (" + column + ")");
        continue;
      }
      if (auto iso = office_date_time(v, order, spreadsheet, with_time)) {
        cell.kind = Cell::Kind::Text;
        cell.s = std::move(*iso);
      } else {
        add_problem(r, fb.field->name,
                    "'" + v + "' is not " +
                        (with_time ? "a date or date-time (dd/mm/yyyy [hh:mm], yyyy-mm-dd[Thh:mm])"
                                   : "a date (dd/mm/yyyy or yyyy-mm-dd; no time of day)") +
                        " (" + column + ")",
                    "'" + v + "' không phải ngày hợp lệ (" + column + ")");
      }
    }
  }

  // Rows that name their commune instead of a location: matched to a current commune, or
  // refused with what was found (a name several provinces share, a commune merged away).
  if (std::any_of(rows.begin(), rows.end(),
                  [](const Row& r) { return !r.commune_written.empty(); })) {
    const CommuneMatcher communes(model::load_commune_names(db));
    const std::string column = " (column '" + src.field_names()[commune_column] + "')";
    for (Row& r : rows) {
      if (r.commune_written.empty()) continue;
      const CommuneMatcher::Match m = communes.find(r.commune_written, r.province_written);
      if (m.code.empty())
        add_problem(r, geom_field, m.problem + column, "không xác định được xã/phường" + column);
      else
        r.by_commune = m.code;
    }
  }

  // Coordinates: swapped axes first (the likelier cause, and a whole-file mistake), then the
  // valid range, then repair.
  if (wants_geom && !rows.empty()) {
    size_t swapped = 0, with_geom = 0;
    const Row* first_swapped = nullptr;
    for (const auto& r : rows) {
      if (!r.has_geom) continue;
      ++with_geom;
      if (looks_swapped(first_point(r.geom)) && !swapped++) first_swapped = &r;
    }
    if (swapped * 2 > with_geom) {
      const geo::Point p = first_point(first_swapped->geom);
      throw ImportError(where + ": coordinates look like lat/lon swapped (first at " +
                        name_of(*first_swapped) + ": x=" + fmt_coord(p.x) + " y=" + fmt_coord(p.y) +
                        "); swap the columns or fix the file");
    }
    for (auto& r : rows)
      if (r.has_geom)
        if (auto p = bad_vertex(r.geom)) {
          add_problem(r, geom_field,
                      "coordinate x=" + fmt_coord(p->x) + " y=" + fmt_coord(p->y) + " (from " +
                          report.source_crs +
                          ") is outside the valid lon/lat range; check the CRS (--crs)",
                      "tọa độ ngoài phạm vi kinh độ/vĩ độ");
          r.has_geom = false;
        }
    if (!point_layer) {
      for (auto& r : rows) {
        if (!r.has_geom) continue;
        geo::ValidityResult v;
        std::optional<geo::Geometry> fixed;
        try {
          v = geo::check_validity(r.geom);
          if (v.valid) continue;
          fixed = geo::make_valid(r.geom);
        } catch (const geo::GeosError& e) {  // e.g. a ring of fewer than 4 points
          v = {false, e.what()};
          fixed.reset();
        }
        if (fixed) fixed = fixed->as_multi();
        if (fixed && layer->geometry == "LINESTRING" && fixed->lines.size() == 1)
          fixed->type = geo::GeomType::LineString;
        if (!fixed || fixed->is_empty() || fit_geometry(layer->geometry, *fixed)) {
          add_problem(
              r, geom_field,
              "invalid geometry (" + v.reason + ") and nothing usable is left after repair");
          r.has_geom = false;
          continue;
        }
        r.geom = std::move(*fixed);
        ++report.repaired;
        report.notes.push_back(name_of(r) + ": repaired invalid geometry (" + v.reason + ")");
      }
    }
  }

  // The province (current communes, code lists) as the validation rules and the writer see it;
  // only point layers take anything from it.
  std::optional<edit::Validator> province;
  if (point_layer) province.emplace(db);

  // Incidents: the validation rules shared with the window and the command line.
  const bool incidents = layer->table == "incidents";
  if (incidents) {
    IncidentRowChecks checks(*province, opt.today);
    std::unordered_map<std::string, size_t> case_row;  // case number → first row, for messages
    for (auto& r : rows) {
      const edit::IncidentInput in = incident_input(bindings, r, opt);
      const std::vector<std::string> reported = r.problem_fields;  // e.g. a failed conversion
      for (edit::FieldError& e : checks.check(in)) {
        if (std::find(reported.begin(), reported.end(), e.field) != reported.end()) continue;
        if (e.field == "case_number")
          if (auto it = case_row.find(in.case_number); it != case_row.end())
            e.message += " (first at " + name_of(rows[it->second]) + ")";
        add_problem(r, e.field, std::move(e.message), std::move(e.message_vi));
      }
      if (!in.case_number.empty()) case_row.emplace(in.case_number, r.number - 1);
    }
  }

  const store::TableSchema table = store::read_table_schema(db, layer->table);

  // Point layers that carry a commune get it by point-in-polygon, unless the source gives it.
  const bool assign = point_layer && table.has("commune_code");
  const bool flag_outside = table.has("outside_communes");
  const int commune_binding = binding_of("commune_code");
  std::vector<std::string> commune_of(rows.size());
  std::vector<char> outside(rows.size(), 0);
  if (assign && !rows.empty()) {
    // The writer's rule: a point inside a commune names it; outside every commune the code the
    // source gives stays. Applied to every point at once.
    std::vector<geo::Point> pts;
    std::vector<size_t> which;
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].has_geom) {
        pts.push_back(rows[i].geom.points.front());
        which.push_back(i);
      }
    if (!pts.empty()) {
      std::vector<std::string> codes = province->communes_of(pts);
      size_t outside_count = 0;
      for (size_t k = 0; k < which.size(); ++k) {
        commune_of[which[k]] = std::move(codes[k]);
        outside_count += commune_of[which[k]].empty();
        outside[which[k]] = commune_of[which[k]].empty();
        if (commune_of[which[k]].empty() && commune_binding >= 0 &&
            !rows[which[k]].cells[commune_binding].is_null())
          commune_of[which[k]] = rows[which[k]].cells[commune_binding].as_text();
      }
      report.outside = outside_count;
      if (province->commune_count() == 0)
        report.notes.push_back("no current communes in the database: no commune assigned");
      else if (outside_count)
        report.notes.push_back(std::to_string(outside_count) +
                               " point(s) lie outside every commune" +
                               (flag_outside ? " (kept, flagged outside_communes=1)" : " (kept)"));
    }
  }

  if (assign)
    for (size_t i = 0; i < rows.size(); ++i)
      if (!rows[i].by_commune.empty()) {
        commune_of[i] = rows[i].by_commune;
        ++report.by_commune;
      }
  if (report.by_commune)
    report.notes.push_back(std::to_string(report.by_commune) +
                           " row(s) without coordinates located by their commune only: counted "
                           "in the commune, drawn as no point");

  // The value of column `name` in a row for key checks: the bound value, else the default.
  auto key_value = [&](const Row& r, const std::string& col) -> std::optional<std::string> {
    if (col == "commune_code" && assign) {
      const size_t i = static_cast<size_t>(&r - rows.data());
      if (!commune_of[i].empty()) return commune_of[i];
    }
    for (size_t b = 0; b < bindings.size(); ++b)
      if (bindings[b].field->name == col) {
        if (bindings[b].source_index >= 0 && !r.cells[b].is_null()) return r.cells[b].as_text();
        break;
      }
    if (const store::ColumnInfo* c = table.column(col)) return c->default_literal();
    return std::nullopt;
  };

  // UNIQUE constraints: duplicates within the file, then against the rows already stored.
  // (Incidents' case numbers are the validation rules' job.)
  for (const auto& key : table.unique_keys) {
    if (incidents && key == std::vector<std::string>{"case_number"}) continue;
    std::unordered_map<std::string, size_t> seen;
    auto describe = [&](const std::vector<std::string>& parts) {
      std::string s;
      for (size_t k = 0; k < key.size(); ++k) s += (k ? ", " : "") + key[k] + "=" + parts[k];
      return s;
    };
    const std::string field = key.size() == 1 ? key.front() : std::string();
    for (size_t i = 0; i < rows.size(); ++i) {
      std::vector<std::string> parts;
      for (const auto& col : key) {
        auto v = key_value(rows[i], col);
        if (!v) break;
        parts.push_back(*v);
      }
      if (parts.size() != key.size()) continue;  // NULLs never collide in SQL
      auto [it, fresh] = seen.emplace(join_key(parts), i);
      if (!fresh)
        add_problem(rows[i], field,
                    "same " + describe(parts) + " as " + name_of(rows[it->second]) +
                        " (must be unique in " + layer->table + ")");
    }
    if (seen.empty()) continue;
    for (const model::KeyRow& stored : model::load_key_values(db, layer->table, key)) {
      std::vector<std::string> parts;
      for (const auto& v : stored.values) {
        if (!v) break;
        parts.push_back(*v);
      }
      if (parts.size() != key.size()) continue;
      if (auto it = seen.find(join_key(parts)); it != seen.end())
        add_problem(rows[it->second], field,
                    describe(parts) + " already exists in " + layer->table + " (id " +
                        std::to_string(stored.id) + ")");
    }
  }

  auto fail_if_problems = [&] {
    if (problems.empty()) return;
    std::stable_sort(problems.begin(), problems.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    std::set<size_t> bad_rows;
    for (const auto& p : problems) bad_rows.insert(p.row);
    std::string msg = where + ": " + std::to_string(bad_rows.size()) + " of " +
                      std::to_string(report.read) + " " + unit + "s cannot be imported";
    constexpr size_t kInMessage = 20;
    for (size_t i = 0; i < problems.size() && i < kInMessage; ++i)
      msg += "\n  " + problems[i].text();
    if (problems.size() > kInMessage)
      msg += "\n  … and " + std::to_string(problems.size() - kInMessage) + " more";
    throw ImportError(msg, std::move(problems), report.read);
  };
  fail_if_problems();

  // What the import adds, for the report (the same whether or not this is a dry run).
  if (const int date_binding =
          [&] {
            for (size_t b = 0; b < bindings.size(); ++b)
              if (bindings[b].source_index >= 0 &&
                  (bindings[b].field->type == model::ColumnType::Date ||
                   bindings[b].field->type == model::ColumnType::DateTime))
                return static_cast<int>(b);
            return -1;
          }();
      date_binding >= 0) {
    for (const auto& r : rows) {
      const Cell& c = r.cells[date_binding];
      if (c.is_null()) continue;
      if (report.first_date.empty() || c.s < report.first_date) report.first_date = c.s;
      if (report.last_date.empty() || c.s > report.last_date) report.last_date = c.s;
    }
  }
  if (assign) {
    std::map<std::string, size_t> per_commune;
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::string& code = commune_of[i];
      if (!code.empty()) ++per_commune[code];
    }
    report.communes.assign(per_commune.begin(), per_commune.end());
    std::stable_sort(report.communes.begin(), report.communes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  report.checked = rows.size();
  if (opt.dry_run) return report;

  store::Transaction tx(db);

  // Pass 2: every row through the one writer's bulk path (derived columns, audit rows).
  std::vector<std::string> columns;
  std::vector<int> column_binding;  // per column: the binding, or -1 for one the importer fills
  for (size_t b = 0; b < bindings.size(); ++b)
    if (bindings[b].source_index >= 0 && table.has(bindings[b].field->name) &&
        !(assign && bindings[b].field->name == "commune_code")) {
      columns.push_back(bindings[b].field->name);
      column_binding.push_back(static_cast<int>(b));
    }
  // Columns no field takes are kept with their row, as {column: value}.
  const bool keep_extra = !unused_index.empty() && table.has("extra");
  if (keep_extra) {
    columns.push_back("extra");
    column_binding.push_back(-1);
  }
  for (const char* c : {"commune_code", "outside_communes", "source", "is_demo"})
    if ((std::string_view(c) == "commune_code"       ? assign
         : std::string_view(c) == "outside_communes" ? assign && flag_outside
                                                     : table.has(c))) {
      columns.push_back(c);
      column_binding.push_back(-1);
    }
  edit::Writer writer = province ? edit::Writer(db, *province) : edit::Writer(db);
  edit::Writer::Bulk bulk(writer, *layer, columns, opt.file.filename().string());
  const std::string source_label =
      opt.source_label.empty() ? opt.file.filename().string() : opt.source_label;
  auto cell_json = [](const Cell& cell) -> edit::Fields {
    switch (cell.kind) {
      case Cell::Kind::Null:
        return nullptr;
      case Cell::Kind::Int:
        return cell.i;
      case Cell::Kind::Real:
        return cell.d;
      case Cell::Kind::Text:
        return cell.s;
    }
    return nullptr;
  };
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    edit::Fields fields = edit::Fields::object();
    for (size_t k = 0; k < columns.size(); ++k) {
      const std::string& c = columns[k];
      if (column_binding[k] >= 0)
        fields[c] = cell_json(r.cells[static_cast<size_t>(column_binding[k])]);
      else if (c == "commune_code")
        fields[c] = commune_of[i].empty() ? edit::Fields(nullptr) : edit::Fields(commune_of[i]);
      else if (c == "outside_communes")
        fields[c] = outside[i] ? 1 : 0;
      else if (c == "source")
        fields[c] = source_label;
      else if (c == "is_demo")
        fields[c] = opt.is_demo ? 1 : 0;
      else if (c == "extra")
        fields[c] = r.extra.empty() ? edit::Fields(nullptr) : edit::Fields(r.extra);
    }
    try {
      const int64_t id =
          bulk.add(std::move(fields), r.has_geom ? std::optional<geo::Geometry>(r.geom)
                                                 : std::optional<geo::Geometry>());
      if (!report.first_id) report.first_id = id;
      report.last_id = id;
      ++report.imported;
    } catch (const store::WriteError&) {
      throw;  // the whole import stops; the transaction is rolled back below
    } catch (const std::exception& e) {
      add_problem(r, "", std::string("the database refused the row: ") + e.what());
      // A refusal that ended the transaction (SQLite rolls back on some errors) must not let
      // later rows commit one by one.
      if (!store::in_transaction(db)) fail_if_problems();
    }
    progress(rows.size() + i + 1);
  }
  fail_if_problems();  // the transaction rolls back
  report.audit_rows = bulk.finish().audit_rows;
  tx.commit();
  return report;
}

}  // namespace secmap::io
