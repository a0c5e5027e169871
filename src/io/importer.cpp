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

#include "geo/crs.h"
#include "geo/geos_ops.h"
#include "io/commune_assignment.h"
#include "io/field_mapping.h"
#include "io/gdal_source.h"
#include "io/import_audit.h"
#include "io/incident_checks.h"
#include "io/table_info.h"
#include "store/code_lists.h"
#include "store/layers.h"
#include "store/spatial_bulk_insert.h"
#include "text/unicode.h"

namespace secmap::io {

namespace {

struct Row {
  size_t number = 0;        // 1-based position in the source
  std::vector<Cell> cells;  // per binding
  geo::Geometry geom;
  bool has_geom = false;                    // geom was read and converted
  bool bad = false;                         // a problem was reported for this row
  std::vector<std::string> problem_fields;  // fields already reported
  std::string key_text;                     // unique key value, for messages
};

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
  }
  in.accept_outside = opt.accept_outside;
  in.source = opt.source_label.empty() ? opt.file.filename().string() : opt.source_label;
  return in;
}

}  // namespace

const std::vector<std::string>& layer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const auto& l : store::layers()) v.push_back(l.name);
    return v;
  }();
  return names;
}

std::string RowProblem::text() const {
  std::string s = where;
  if (!field.empty()) s += ", field '" + field + "'";
  return s + ": " + message;
}

ImportReport import_file(store::Database& db, const ImportOptions& opt) {
  const store::LayerInfo* layer = store::find_layer(opt.layer);
  if (!layer) {
    std::string names;
    for (const auto& n : layer_names()) names += (names.empty() ? "" : ", ") + n;
    throw ImportError("unknown layer '" + opt.layer + "' (layers: " + names + ")");
  }
  const std::string where = opt.file.string();
  GdalSource src = GdalSource::open(opt.file, opt.source_layer, opt.encoding);
  const bool wants_geom = !layer->geometry_type.empty();
  const bool point_layer = layer->geometry_type == "POINT";
  const std::string geom_field = point_layer ? "location" : "geometry";
  const std::string unit = src.is_csv() ? "row" : "feature";
  ImportReport report;
  report.encoding = src.encoding_name();
  report.dry_run = opt.dry_run;

  // Source CRS → EPSG:4326.
  std::optional<geo::Transform> transform;
  if (wants_geom) {
    if (!src.has_geometry())
      throw ImportError(where + ": has no geometry, but layer '" + layer->name + "' needs " +
                        layer->geometry_type +
                        (src.is_csv() ? " (name the coordinate columns lon/lat, or x/y with "
                                        "--crs, or give a WKT column)"
                                      : ""));
    std::string def = opt.crs.value_or(src.crs_definition());
    if (def.empty()) {
      if (!src.csv_lonlat_columns())
        throw ImportError(where + ": has no CRS (" +
                          (src.is_csv() ? std::string("CSV coordinates in x/y or WKT columns")
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

  const std::vector<FieldBinding> bindings = bind_fields(*layer, src.field_names(), opt.map, where);
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
    for (size_t b = 0; b < bindings.size(); ++b) {
      const FieldBinding& fb = bindings[b];
      if (fb.source_index < 0) continue;
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
      } else if (!f.geom || f.geom->is_empty()) {
        add_problem(row, geom_field,
                    std::string(f.geom ? "empty geometry" : "no geometry") +
                        (src.is_csv() ? " (missing or unreadable coordinates)" : ""),
                    "thiếu vị trí");
      } else {
        row.geom = std::move(*f.geom);
        row.has_geom = true;
        if (auto err = fit_geometry(layer->geometry_type, row.geom)) {
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
        if (fixed && layer->geometry_type == "LINESTRING" && fixed->lines.size() == 1)
          fixed->type = geo::GeomType::LineString;
        if (!fixed || fixed->is_empty() || fit_geometry(layer->geometry_type, *fixed)) {
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

  // Incidents: the validation rules shared with the window and the command line.
  const bool incidents = layer->table == "incidents";
  if (incidents) {
    IncidentRowChecks checks(db, opt.today);
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

  const TableInfo table = read_table_info(db, layer->table);

  // Point layers that carry a commune get it by point-in-polygon, unless the source gives it.
  const bool assign = point_layer && table.has("commune_code");
  const bool flag_outside = table.has("outside_communes");
  const int commune_binding = binding_of("commune_code");
  std::vector<std::string> commune_of(rows.size());
  std::vector<char> outside(rows.size(), 0);
  if (assign && !rows.empty()) {
    std::vector<geo::Point> pts;
    std::vector<size_t> which;
    for (size_t i = 0; i < rows.size(); ++i)
      if (rows[i].has_geom && (commune_binding < 0 || rows[i].cells[commune_binding].is_null())) {
        pts.push_back(rows[i].geom.points.front());
        which.push_back(i);
      }
    if (!pts.empty()) {
      CommuneAssignment a = assign_communes(db, pts);
      for (size_t k = 0; k < which.size(); ++k) {
        commune_of[which[k]] = std::move(a.codes[k]);
        outside[which[k]] = commune_of[which[k]].empty();
      }
      report.outside = a.outside;
      if (a.communes == 0)
        report.notes.push_back("no current communes in the database: no commune assigned");
      else if (a.outside)
        report.notes.push_back(std::to_string(a.outside) + " point(s) lie outside every commune" +
                               (flag_outside ? " (kept, flagged outside_communes=1)" : " (kept)"));
    }
  }

  // The value of column `name` in a row for key checks: the bound value, else the default.
  auto key_value = [&](const Row& r, const std::string& col) -> std::optional<std::string> {
    for (size_t b = 0; b < bindings.size(); ++b)
      if (bindings[b].field->name == col) {
        if (bindings[b].source_index >= 0 && !r.cells[b].is_null()) return r.cells[b].as_text();
        break;
      }
    if (col == "commune_code" && assign) {
      const size_t i = static_cast<size_t>(&r - rows.data());
      if (!commune_of[i].empty()) return commune_of[i];
    }
    if (const ColumnInfo* c = table.column(col)) return c->default_literal();
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
    std::string sql = "SELECT id";
    for (const auto& col : key) sql += ", \"" + col + "\"";
    sql += " FROM \"" + layer->table + "\"";
    auto st = db.prepare(sql);
    while (st.step()) {
      std::vector<std::string> parts;
      for (size_t k = 0; k < key.size(); ++k) {
        if (st.is_null(static_cast<int>(k) + 1)) break;
        parts.push_back(st.column_text(static_cast<int>(k) + 1));
      }
      if (parts.size() != key.size()) continue;
      if (auto it = seen.find(join_key(parts)); it != seen.end())
        add_problem(rows[it->second], field,
                    describe(parts) + " already exists in " + layer->table + " (id " +
                        std::to_string(st.column_int(0)) + ")");
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
                  (bindings[b].field->type == store::FieldType::Date ||
                   bindings[b].field->type == store::FieldType::DateTime))
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
      const std::string code = commune_binding >= 0 && !rows[i].cells[commune_binding].is_null()
                                   ? rows[i].cells[commune_binding].as_text()
                                   : commune_of[i];
      if (!code.empty()) ++per_commune[code];
    }
    report.communes.assign(per_commune.begin(), per_commune.end());
    std::stable_sort(report.communes.begin(), report.communes.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  report.checked = rows.size();
  if (opt.dry_run) return report;

  store::Transaction tx(db);

  // Pass 2: one prepared INSERT for every row, and its audit row right after it.
  struct Col {
    std::string name;
    enum Kind { Field, Commune, Outside, Source, Demo, UpdatedBy } kind;
    size_t binding = 0;
  };
  std::vector<Col> cols;
  for (size_t b = 0; b < bindings.size(); ++b)
    if (bindings[b].source_index >= 0 && table.has(bindings[b].field->name))
      cols.push_back({bindings[b].field->name, Col::Field, b});
  if (assign && commune_binding < 0) cols.push_back({"commune_code", Col::Commune, 0});
  if (assign && flag_outside) cols.push_back({"outside_communes", Col::Outside, 0});
  if (table.has("source")) cols.push_back({"source", Col::Source, 0});
  if (table.has("is_demo")) cols.push_back({"is_demo", Col::Demo, 0});
  if (table.has("updated_by")) cols.push_back({"updated_by", Col::UpdatedBy, 0});
  std::string names, values;
  for (const auto& c : cols) {
    names += (names.empty() ? "\"" : ", \"") + c.name + "\"";
    const ColumnInfo* ci = table.column(c.name);
    // A NULL in a NOT NULL column with a default takes the default (e.g. crossings.status).
    std::string v = (ci && ci->not_null && ci->default_sql)
                        ? "COALESCE(?, " + *ci->default_sql + ")"
                        : std::string("?");
    values += (values.empty() ? "" : ", ") + v;
  }
  if (wants_geom) {
    names += (names.empty() ? "" : ", ") + std::string("geom");
    const bool multi = layer->geometry_type.rfind("MULTI", 0) == 0;
    values += (values.empty() ? "" : ", ") +
              std::string(multi ? "CastToMulti(GeomFromWKB(?, 4326))" : "GeomFromWKB(?, 4326)");
  }
  auto insert =
      db.prepare("INSERT INTO \"" + layer->table + "\" (" + names + ") VALUES (" + values + ")");
  std::optional<store::SpatialBulkInsert> bulk;
  if (wants_geom) bulk.emplace(db, layer->table, "geom");
  ImportAudit audit(db, layer->table, opt.file.filename().string());
  const std::string source_label =
      opt.source_label.empty() ? opt.file.filename().string() : opt.source_label;
  std::vector<uint8_t> wkb;
  for (size_t i = 0; i < rows.size(); ++i) {
    Row& r = rows[i];
    int p = 1;
    for (const auto& c : cols) {
      switch (c.kind) {
        case Col::Field: {
          const Cell& cell = r.cells[c.binding];
          switch (cell.kind) {
            case Cell::Kind::Null:
              insert.bind_null(p);
              break;
            case Cell::Kind::Int:
              insert.bind(p, cell.i);
              break;
            case Cell::Kind::Real:
              insert.bind(p, cell.d);
              break;
            case Cell::Kind::Text:
              insert.bind(p, cell.s);
              break;
          }
          break;
        }
        case Col::Commune:
          if (commune_of[i].empty())
            insert.bind_null(p);
          else
            insert.bind(p, commune_of[i]);
          break;
        case Col::Outside:
          insert.bind(p, int64_t{outside[i] ? 1 : 0});
          break;
        case Col::Source:
          insert.bind(p, source_label);
          break;
        case Col::Demo:
          insert.bind(p, int64_t{opt.is_demo ? 1 : 0});
          break;
        case Col::UpdatedBy:
          insert.bind(p, audit.analyst());
          break;
      }
      ++p;
    }
    if (wants_geom) {
      wkb = geo::to_wkb(r.geom);
      insert.bind_blob(p, wkb.data(), wkb.size());
    }
    bool inserted = false;
    try {
      insert.run();
      inserted = true;
    } catch (const std::exception& e) {
      add_problem(r, "", std::string("the database refused the row: ") + e.what());
    }
    insert.reset();
    if (inserted) {
      const int64_t id = db.last_insert_rowid();
      if (!report.first_id) report.first_id = id;
      report.last_id = id;
      ++report.imported;
      audit.row_added(id);
    }
    progress(rows.size() + i + 1);
  }
  fail_if_problems();  // the transaction rolls back
  if (bulk) bulk->finish();
  report.audit_rows = audit.finish(report.imported);
  tx.commit();
  return report;
}

}  // namespace secmap::io
