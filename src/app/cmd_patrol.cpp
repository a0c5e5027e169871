// secmap patrol DB plan|coverage|export|sheet [--routes FILE] --from --to [--speed mode=kmh] --out
// FILE Patrol planning: per route its length, duration at the mode's speed, hotspot communes and
// crossings within the buffer; the border segments and crossings no route covers in the window;
// routes exported to GPX or GeoJSON; a one-page patrol sheet (map + table) as PDF or PNG.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>

#include "analysis/table_output.h"
#include "app/cli_parse.h"
#include "app/commands.h"
#include "border/border_window.h"
#include "border/coverage.h"
#include "border/coverage_table.h"
#include "border/patrol_plan.h"
#include "border/segments.h"
#include "io/feature_table.h"
#include "io/route_file.h"
#include "render/headless.h"
#include "report/patrol_sheet.h"
#include "store/database.h"

namespace secmap::app {

namespace {

using namespace secmap::border;
using analysis::fmt_int;
using analysis::fmt_num;

struct PatrolArgs {
  std::string db, what, routes, from, to, out, scheme = "fixed";
  std::vector<std::string> speeds;
  double buffer_km = 1, min_fraction = 0.8, length_km = 5;
  bool include_sensitive = false;
};

// The one rule for every patrol output: routes from the database are sensitive by default (the
// row's flag) and named, listed or drawn only with --include-sensitive; a file given with
// --routes is the user's own. Coverage still counts every route: which segments no route
// covers is true only with all of them, and says nothing about where a route went.
bool withheld(const Route& r, const PatrolArgs& a) {
  return a.routes.empty() && r.sensitive && !a.include_sensitive;
}

std::string withheld_note(size_t n) {
  return std::to_string(n) +
         " sensitive patrols withheld; add --include-sensitive for an internal output";
}

// Everything the plan, coverage and sheet need, loaded once.
struct Context {
  MetricFrame frame;
  analysis::Window window;
  std::map<std::string, double> speeds;
  std::vector<Route> routes;  // in the window (withheld() ones too: coverage counts them)
  std::vector<Segment> segs;
  std::vector<Crossing> crossings;
  Coverage coverage;
};

Context load_context(store::Database& db, const PatrolArgs& a) {
  Context c{MetricFrame::for_database(db),
            command_window(db, a.from, a.to),
            mode_speeds(db, a.speeds),
            {},
            {},
            {},
            {}};
  const BorderLine line = load_border_line(db, c.frame);
  c.segs = segments_for(db, c.frame, line, a.scheme, a.length_km * 1000);
  c.crossings = load_crossings(db, c.frame);
  auto all =
      a.routes.empty() ? load_patrols(db, c.frame) : load_route_file(a.routes, c.frame, c.speeds);
  for (auto& r : all)
    if (r.in_window(c.window)) c.routes.push_back(std::move(r));
  c.coverage =
      compute_coverage(c.segs, c.crossings, c.routes, {a.buffer_km * 1000, a.min_fraction});
  return c;
}

std::string join(const std::vector<std::string>& v, const char* sep = "; ") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

void print_uncovered(const Context& c, bool include_sensitive) {
  std::vector<std::string> segs, crossings;
  size_t hidden = 0;
  for (size_t i = 0; i < c.segs.size(); ++i)
    if (!c.coverage.segments[i].covered) segs.push_back(c.segs[i].segment_id);
  for (size_t i = 0; i < c.crossings.size(); ++i)
    if (!c.coverage.crossings[i].covered) {
      if (c.crossings[i].sensitive && !include_sensitive)
        ++hidden;
      else
        crossings.push_back(c.crossings[i].name);
    }
  std::printf("not covered in %s: %zu of %zu segments%s%s\n", c.window.label.c_str(), segs.size(),
              c.segs.size(), segs.empty() ? "" : ": ", join(segs, ", ").c_str());
  std::printf("not covered: %zu crossings%s%s", crossings.size() + hidden,
              crossings.empty() ? "" : ": ", join(crossings, ", ").c_str());
  if (hidden) std::printf(" (+%zu sensitive, not named)", hidden);
  std::printf("\n");
}

int run_plan(store::Database& db, const PatrolArgs& a) {
  const Context c = load_context(db, a);
  const auto communes = analysis::load_communes(db);
  const auto hot = hotspot_communes(db, communes, c.window);
  const auto rows = plan_routes(c.routes, c.speeds, communes, hot, c.crossings, c.coverage, c.frame,
                                {a.buffer_km * 1000});
  io::FeatureTable t;
  t.layer = "patrol_plan";
  for (const char* col : {"name", "unit", "mode", "state", "starts_at", "ends_at"})
    t.add_column(col, false);
  for (const char* col : {"length_km", "speed_kmh", "hours"}) t.add_column(col, true);
  for (const char* col : {"duration", "hotspot_codes", "hotspots", "crossings", "segments"})
    t.add_column(col, false);
  size_t hidden = 0;
  for (size_t i = 0; i < c.routes.size(); ++i) {
    const auto& r = c.routes[i];
    const auto& p = rows[i];
    if (withheld(r, a)) {
      ++hidden;
      continue;
    }
    std::vector<std::string> hot_codes, hot_names, cross, segs;
    for (int32_t k : p.hotspots) {
      hot_codes.push_back(communes.codes[size_t(k)]);
      hot_names.push_back(communes.names[size_t(k)] + " (" + hot.at(k) + ")");
    }
    for (int k : p.crossings)
      if (!c.crossings[size_t(k)].sensitive || a.include_sensitive)
        cross.push_back(c.crossings[size_t(k)].name);
    for (int k : p.segments) segs.push_back(c.segs[size_t(k)].segment_id);
    t.rows.push_back({r.name, r.unit, r.mode, r.state, r.starts_at, r.ends_at,
                      fmt_num(std::round(p.length_m / 10) / 100), fmt_num(p.speed_kmh),
                      fmt_num(std::round(p.hours * 100) / 100), format_hours(p.hours),
                      join(hot_codes), join(hot_names), join(cross), join(segs, ",")});
    t.geoms.push_back(geo::Geometry::line(r.lonlat));
  }
  std::printf("%zu routes in %s (%zu hotspot communes, buffer %.3g km)\n", c.routes.size(),
              c.window.label.c_str(), hot.size(), a.buffer_km);
  if (hidden) std::printf("%s\n", withheld_note(hidden).c_str());
  print_uncovered(c, a.include_sensitive);
  io::write_feature_table(a.out, t);
  std::printf("wrote %zu rows to %s\n", t.rows.size(), a.out.c_str());
  return 0;
}

int run_coverage(store::Database& db, const PatrolArgs& a) {
  const Context c = load_context(db, a);
  size_t us = 0, uc = 0;
  const auto t = coverage_table(c.segs, c.crossings, c.coverage, a.include_sensitive, &us, &uc);
  std::printf("%zu routes in %s, buffer %.3g km, covered when ≥ %.0f%% of a segment\n",
              c.routes.size(), c.window.label.c_str(), a.buffer_km, a.min_fraction * 100);
  print_uncovered(c, a.include_sensitive);
  io::write_feature_table(a.out, t);
  std::printf("wrote %zu rows to %s\n", t.rows.size(), a.out.c_str());
  return 0;
}

int run_export(store::Database& db, const PatrolArgs& a) {
  const MetricFrame frame = MetricFrame::for_database(db);
  const auto speeds = mode_speeds(db, a.speeds);
  auto all = a.routes.empty() ? load_patrols(db, frame) : load_route_file(a.routes, frame, speeds);
  const bool windowed = !a.from.empty() || !a.to.empty();
  const auto w = windowed ? command_window(db, a.from, a.to) : analysis::Window{};
  std::vector<Route> keep;
  size_t hidden = 0;
  for (auto& r : all) {
    if (windowed && !r.in_window(w)) continue;
    if (withheld(r, a)) {
      ++hidden;
      continue;
    }
    keep.push_back(std::move(r));
  }
  if (keep.empty())
    throw std::runtime_error("no routes to export" +
                             (hidden ? " (" + withheld_note(hidden) + ")" : std::string()));
  io::write_routes(a.out, to_records(keep));
  std::printf("wrote %zu routes to %s", keep.size(), a.out.c_str());
  if (hidden) std::printf(" (%zu sensitive withheld: --include-sensitive)", hidden);
  std::printf("\n");
  return 0;
}

// Route colours on the sheet (distinct on the map's pale commune fills).
report::Colour route_colour(size_t i) {
  static const report::Colour palette[] = {
      report::Colour::rgb8(214, 39, 40),   report::Colour::rgb8(31, 119, 180),
      report::Colour::rgb8(148, 103, 189), report::Colour::rgb8(255, 127, 14),
      report::Colour::rgb8(23, 190, 207),  report::Colour::rgb8(140, 86, 75),
      report::Colour::rgb8(227, 119, 194), report::Colour::rgb8(44, 160, 44)};
  return palette[i % std::size(palette)];
}

int run_sheet(store::Database& db, const PatrolArgs& a) {
  const std::string ext = std::filesystem::path(a.out).extension().string();
  if (ext != ".pdf" && ext != ".png")
    throw std::invalid_argument("--out " + a.out + ": the sheet is written as .pdf or .png");
  const Context c = load_context(db, a);
  if (c.routes.empty())
    throw std::runtime_error("no routes in " + c.window.label + " for the sheet");
  size_t hidden = 0;
  for (const Route& r : c.routes) hidden += withheld(r, a);
  if (hidden == c.routes.size())
    throw std::runtime_error("no routes in " + c.window.label + " for the sheet (" +
                             withheld_note(hidden) + ")");
  const auto communes = analysis::load_communes(db);
  const auto hot = hotspot_communes(db, communes, c.window);
  const auto plan = plan_routes(c.routes, c.speeds, communes, hot, c.crossings, c.coverage, c.frame,
                                {a.buffer_km * 1000});

  // The map: communes, border and (non-sensitive) crossings; never individual incidents.
  render::LoadOptions lo;
  lo.layers = {"communes", "border", "crossings"};
  render::MapData data = render::load_map_data(db, lo);
  if (!a.include_sensitive)
    std::erase_if(data.crossings, [](const render::PointFeature& f) { return f.sensitive; });
  geo::BBox box;
  for (const auto& r : c.routes)
    for (const auto& p : r.lonlat) box.add(p);
  const double pad =
      std::max({(box.max_x - box.min_x) * 0.12, (box.max_y - box.min_y) * 0.12, 0.03});
  box.min_x -= pad, box.max_x += pad, box.min_y -= pad, box.max_y += pad;
  render::HeadlessRequest req;
  req.width = req.height = 1400;
  req.bbox_lonlat = box;
  req.map.layers = lo.layers;
  req.map.days = {c.window.from, c.window.to};
  req.legend = false;  // the sheet's table says what the lines are
  const auto map = render::render_headless(data, req, std::cerr);

  report::PatrolSheet sheet;
  sheet.title = "KẾ HOẠCH TUẦN TRA BIÊN GIỚI — Border patrol plan";
  char sub[256];
  std::snprintf(sub, sizeof sub,
                "Thời gian / window %s · %zu tuyến / routes · vùng đệm / buffer %.3g km · "
                "điểm nóng Gi* / hotspots: %zu xã · %s",
                c.window.label.c_str(), c.routes.size() - hidden, a.buffer_km, hot.size(),
                c.frame.crs().c_str());
  sheet.subtitle = sub;
  sheet.footer = "Tài liệu nội bộ, không công bố — internal document, not for publication";
  if (db.meta("demo").value_or("") == "1") sheet.footer += " · DỮ LIỆU MINH HỌA / DEMO DATA";
  sheet.map = {map.image.width, map.image.height, map.image.rgba.data()};
  for (size_t i = 0; i < c.routes.size(); ++i) {
    const auto& r = c.routes[i];
    const auto& p = plan[i];
    if (withheld(r, a)) continue;  // neither listed nor drawn
    report::SheetRoute sr;
    sr.name = r.name;
    sr.unit = r.unit;
    sr.mode = r.mode;
    sr.length_km = fmt_num(std::round(p.length_m / 100) / 10);
    sr.duration = format_hours(p.hours);
    std::vector<std::string> hn, cn;
    for (int32_t k : p.hotspots) hn.push_back(communes.names[size_t(k)]);
    for (int k : p.crossings)
      if (!c.crossings[size_t(k)].sensitive || a.include_sensitive)
        cn.push_back(c.crossings[size_t(k)].name);
    sr.hotspots = join(hn, ", ");
    sr.crossings = join(cn, ", ");
    sr.colour = route_colour(i);
    for (const auto& q : r.lonlat) {
      const auto px = map.view.to_pixel(geo::lonlat_to_mercator(q));
      sr.map_px.emplace_back(px.x, px.y);
    }
    sheet.routes.push_back(std::move(sr));
  }
  std::vector<std::string> segs, xs;
  size_t hidden_crossings = 0;
  for (size_t i = 0; i < c.segs.size(); ++i)
    if (!c.coverage.segments[i].covered) segs.push_back(c.segs[i].segment_id);
  for (size_t i = 0; i < c.crossings.size(); ++i)
    if (!c.coverage.crossings[i].covered) {
      if (c.crossings[i].sensitive && !a.include_sensitive)
        ++hidden_crossings;
      else
        xs.push_back(c.crossings[i].name);
    }
  const size_t show = 40;
  std::vector<std::string> shown(segs.begin(), segs.begin() + long(std::min(show, segs.size())));
  sheet.notes.push_back("Đoạn biên không có tuyến nào phủ / segments no route covers (" +
                        std::to_string(segs.size()) + " of " + std::to_string(c.segs.size()) +
                        "): " + join(shown, ", ") + (segs.size() > show ? ", …" : ""));
  sheet.notes.push_back("Cửa khẩu không có tuyến nào phủ / crossings no route covers (" +
                        std::to_string(xs.size() + hidden_crossings) + "): " + join(xs, ", ") +
                        (hidden_crossings
                             ? " (+" + std::to_string(hidden_crossings) + " nhạy cảm / sensitive)"
                             : ""));
  if (hidden)
    sheet.notes.push_back(std::to_string(hidden) +
                          " tuyến nhạy cảm không in / sensitive routes not shown");
  report::write_patrol_sheet(a.out, sheet);
  std::printf("wrote the patrol sheet for %zu routes to %s (map %dx%d, %s)\n",
              c.routes.size() - hidden, a.out.c_str(), map.image.width, map.image.height,
              map.gl_renderer.c_str());
  if (hidden) std::printf("%s\n", withheld_note(hidden).c_str());
  return 0;
}

}  // namespace

int cmd_patrol(const Args& args) {
  CLI::App app{
      "Patrol planning: route lengths and durations, hotspots and crossings on the way, "
      "uncovered border segments and crossings, GPX/GeoJSON export, patrol sheet. "
      "Kế hoạch tuần tra biên giới.",
      "secmap patrol"};
  PatrolArgs a;
  app.add_option("DB", a.db, "database")->required();
  app.add_option("WHAT", a.what, "plan | coverage | export | sheet")
      ->required()
      ->check(CLI::IsMember({"plan", "coverage", "export", "sheet"}));
  app.add_option("--routes", a.routes,
                 "route file (GPX, KML, GeoJSON, GPKG); default: the patrols table");
  app.add_option("--from", a.from, "first day YYYY-MM-DD (default: 365 days to the last incident)")
      ->check(calendar_day());
  app.add_option("--to", a.to, "last day YYYY-MM-DD")->check(calendar_day());
  app.add_option("--speed", a.speeds, "planning speed per mode, e.g. foot=4 (repeatable)");
  app.add_option("--buffer-km", a.buffer_km, "a route covers what lies within this (km)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--min-fraction", a.min_fraction, "share of a segment that must be covered")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--scheme", a.scheme, "segments: fixed or commune")
      ->check(CLI::IsMember({"commune", "fixed"}))
      ->capture_default_str();
  app.add_option("--length-km", a.length_km, "fixed segment length (km)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--out", a.out,
                 "output: .csv/.geojson/.gpkg; export: .gpx/.geojson; sheet: .pdf/.png")
      ->required();
  app.add_flag("--include-sensitive", a.include_sensitive,
               "include sensitive patrols and crossings (internal use only)");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  auto db = store::Database::open(a.db);
  if (a.what == "plan") return run_plan(db, a);
  if (a.what == "coverage") return run_coverage(db, a);
  if (a.what == "export") return run_export(db, a);
  return run_sheet(db, a);
}

}  // namespace secmap::app
