// secmap border DB segments|crossings|coverage|cooperation ... --out FILE
// Border segments (by commune or fixed length, stored in border_segments), incidents near each
// crossing and segment by border group with the change against a year before, cooperation
// events per quarter, and which segments and crossings the patrols of a window cover.
#include <cmath>
#include <cstdio>

#include "analysis/table_output.h"
#include "app/cli_parse.h"
#include "app/commands.h"
#include "border/border_window.h"
#include "border/cooperation_stats.h"
#include "border/coverage.h"
#include "border/coverage_table.h"
#include "border/proximity.h"
#include "border/segments.h"
#include "io/feature_table.h"
#include "store/code_lists.h"
#include "store/database.h"

namespace secmap::app {

namespace {

using namespace secmap::border;
using analysis::fmt_int;
using analysis::fmt_num;

struct BorderArgs {
  std::string db, what, scheme = "fixed", from, to, out, routes;
  double length_km = 5, radius_km = 5, buffer_km = 1, min_fraction = 0.8;
  bool include_sensitive = false, no_store = false;
};

void add_group_columns(io::FeatureTable& t) {
  for (const auto& g : border_groups()) {
    t.add_column(std::string(g.code), true);
    t.add_column(std::string(g.code) + "_prev", true);
  }
  for (const char* c : {"total", "total_prev", "change", "change_pct"}) t.add_column(c, true);
}

void add_group_cells(std::vector<std::string>& row, const GroupCounts& c) {
  for (size_t g = 0; g < kBorderGroups; ++g) {
    row.push_back(fmt_int(c.current[g]));
    row.push_back(fmt_int(c.baseline[g]));
  }
  const int64_t cur = c.total_current(), base = c.total_baseline();
  row.push_back(fmt_int(cur));
  row.push_back(fmt_int(base));
  row.push_back(fmt_int(cur - base));
  const auto pct = change_pct(cur, base);
  row.push_back(pct ? fmt_num(std::round(*pct * 10) / 10) : "");
}

// Totals per cooperation kind over the window, per target.
std::vector<std::map<std::string, int64_t>> kind_totals(const CooperationCounts& counts, size_t n) {
  std::vector<std::map<std::string, int64_t>> out(n);
  for (const auto& [key, v] : counts) out[size_t(std::get<0>(key))][std::get<2>(key)] += v;
  return out;
}

void write_out(const std::string& out, const io::FeatureTable& t) {
  io::write_feature_table(out, t);
  std::printf("wrote %zu rows to %s\n", t.rows.size(), out.c_str());
}

int run_segments(store::Database& db, const BorderArgs& a) {
  const MetricFrame frame = MetricFrame::for_database(db);
  const BorderLine line = load_border_line(db, frame);
  std::vector<Segment> segs =
      a.scheme == "fixed"     ? split_fixed(line, frame, a.length_km * 1000)
      : a.scheme == "commune" ? split_by_commune(line, frame, analysis::load_communes(db))
                              : throw std::invalid_argument(
                                    "--scheme must be commune or fixed, not \"" + a.scheme + "\"");
  const auto w = command_window(db, a.from, a.to);
  const auto base = analysis::same_window_year_before(w);
  const auto inc = load_border_incidents(db, frame, base.from, w.to);
  const auto counts = count_near_segments(segs, inc, a.radius_km * 1000, w, base);
  const auto crossings = load_crossings(db, frame);
  const auto events = load_cooperation(db, frame, w.from, w.to);
  const auto coop =
      kind_totals(cooperation_by_segment(events, crossings, segs, a.radius_km * 1000), segs.size());
  const auto codes = store::CodeLists::load(db);

  io::FeatureTable t;
  t.layer = "border_segments";
  for (const char* c : {"segment_id", "scheme"}) t.add_column(c, false);
  t.add_column("seq", true);
  for (const char* c : {"commune_code", "name"}) t.add_column(c, false);
  for (const char* c : {"length_m", "from_m", "to_m"}) t.add_column(c, true);
  add_group_columns(t);
  for (const auto& k : codes.list("cooperation_kinds")) t.add_column("coop_" + k.code, true);
  double total = 0;
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = segs[i];
    std::vector<std::string> row = {s.segment_id,
                                    s.scheme,
                                    fmt_int(s.seq),
                                    s.commune_code,
                                    s.name,
                                    fmt_num(std::round(s.length_m * 10) / 10),
                                    fmt_num(std::round(s.from_m * 10) / 10),
                                    fmt_num(std::round(s.to_m * 10) / 10)};
    add_group_cells(row, counts[i]);
    for (const auto& k : codes.list("cooperation_kinds")) {
      const auto it = coop[i].find(k.code);
      row.push_back(fmt_int(it == coop[i].end() ? 0 : it->second));
    }
    t.rows.push_back(std::move(row));
    t.geoms.push_back(geo::Geometry::line(s.lonlat));
    total += s.length_m;
  }
  std::printf(
      "%zu %s segments, %.1f km in %s (line %.1f km)%s; incidents within %.3g km, %s vs %s\n",
      segs.size(), a.scheme.c_str(), total / 1000, frame.crs().c_str(), line.length_m() / 1000,
      a.no_store ? "" : ", stored in border_segments", a.radius_km, w.label.c_str(),
      (analysis::format_day(base.from) + "/" + analysis::format_day(base.to)).c_str());
  // The file first: a bad output path fails before the database changes.
  write_out(a.out, t);
  if (!a.no_store) store_segments(db, segs);
  return 0;
}

int run_crossings(store::Database& db, const BorderArgs& a) {
  const MetricFrame frame = MetricFrame::for_database(db);
  const BorderLine line = load_border_line(db, frame);
  const auto fixed = segments_for(db, frame, line, "fixed", a.length_km * 1000);
  const auto by_commune = segments_for(db, frame, line, "commune", a.length_km * 1000);
  auto crossings = load_crossings(db, frame);
  const auto w = command_window(db, a.from, a.to);
  const auto base = analysis::same_window_year_before(w);
  const auto inc = load_border_incidents(db, frame, base.from, w.to);
  std::vector<geo::Point> pts;
  for (const auto& c : crossings) pts.push_back(c.m);
  const auto counts = count_near_points(pts, inc, a.radius_km * 1000, w, base);
  const auto coop =
      kind_totals(cooperation_by_crossing(load_cooperation(db, frame, w.from, w.to), crossings),
                  crossings.size());
  const auto codes = store::CodeLists::load(db);

  io::FeatureTable t;
  t.layer = "crossings";
  t.add_column("id", true);
  for (const char* c : {"name", "kind", "kind_vi", "status", "counterpart", "commune_code",
                        "segment_commune", "segment_fixed"})
    t.add_column(c, false);
  t.add_column("offset_m", true);
  add_group_columns(t);
  for (const auto& k : codes.list("cooperation_kinds")) t.add_column("coop_" + k.code, true);
  size_t withheld = 0;
  for (size_t i = 0; i < crossings.size(); ++i) {
    const auto& c = crossings[i];
    if (c.sensitive && !a.include_sensitive) {
      ++withheld;
      continue;
    }
    const int sc = segment_at(by_commune, c.m, c.commune_code);
    const int sf = segment_at(fixed, c.m);
    const auto* kind = codes.find("crossing_kinds", c.kind);
    std::vector<std::string> row = {
        fmt_int(c.id),
        c.name,
        c.kind,
        kind ? kind->name_vi : "",
        c.status,
        c.counterpart,
        c.commune_code,
        sc >= 0 ? by_commune[size_t(sc)].segment_id : "",
        sf >= 0 ? fixed[size_t(sf)].segment_id : "",
        fmt_num(std::round(locate_on_line(line, c.m).offset_m * 10) / 10)};
    add_group_cells(row, counts[i]);
    for (const auto& k : codes.list("cooperation_kinds")) {
      const auto it = coop[i].find(k.code);
      row.push_back(fmt_int(it == coop[i].end() ? 0 : it->second));
    }
    t.rows.push_back(std::move(row));
    t.geoms.push_back(geo::Geometry::point(c.lonlat));
  }
  std::printf("%zu crossings, incidents within %.3g km, %s vs the year before", t.rows.size(),
              a.radius_km, w.label.c_str());
  if (withheld)
    std::printf("; %zu sensitive (openings, trails) withheld: --include-sensitive", withheld);
  std::printf("\n");
  write_out(a.out, t);
  return 0;
}

int run_cooperation(store::Database& db, const BorderArgs& a) {
  const MetricFrame frame = MetricFrame::for_database(db);
  const BorderLine line = load_border_line(db, frame);
  const auto segs = segments_for(db, frame, line, a.scheme, a.length_km * 1000);
  const auto crossings = load_crossings(db, frame);
  const auto w = command_window(db, a.from, a.to);
  const auto events = load_cooperation(db, frame, w.from, w.to);
  io::FeatureTable t;
  t.layer = "cooperation";
  for (const char* c : {"target", "target_id", "name", "quarter", "kind"}) t.add_column(c, false);
  t.add_column("count", true);
  for (const auto& [key, n] : cooperation_by_crossing(events, crossings)) {
    const auto& c = crossings[size_t(std::get<0>(key))];
    if (c.sensitive && !a.include_sensitive) continue;
    t.rows.push_back(
        {"crossing", fmt_int(c.id), c.name, std::get<1>(key), std::get<2>(key), fmt_int(n)});
  }
  for (const auto& [key, n] : cooperation_by_segment(events, crossings, segs, a.radius_km * 1000)) {
    const auto& s = segs[size_t(std::get<0>(key))];
    t.rows.push_back(
        {"segment", s.segment_id, s.name, std::get<1>(key), std::get<2>(key), fmt_int(n)});
  }
  std::printf("%zu cooperation events in %s\n", events.size(), w.label.c_str());
  write_out(a.out, t);
  return 0;
}

int run_coverage(store::Database& db, const BorderArgs& a) {
  const MetricFrame frame = MetricFrame::for_database(db);
  const BorderLine line = load_border_line(db, frame);
  const auto segs = segments_for(db, frame, line, a.scheme, a.length_km * 1000);
  const auto crossings = load_crossings(db, frame);
  const auto w = command_window(db, a.from, a.to);
  std::vector<Route> routes;
  for (auto& r : load_patrols(db, frame))
    if (r.in_window(w)) routes.push_back(std::move(r));
  const auto cov = compute_coverage(segs, crossings, routes, {a.buffer_km * 1000, a.min_fraction});
  size_t us = 0, uc = 0;
  const auto t = coverage_table(segs, crossings, cov, a.include_sensitive, &us, &uc);
  std::printf(
      "%zu patrols in %s; %zu of %zu %s segments and %zu of %zu crossings not covered (buffer "
      "%.3g km, at least %.0f%% of a segment)\n",
      routes.size(), w.label.c_str(), us, segs.size(), a.scheme.c_str(), uc, crossings.size(),
      a.buffer_km, a.min_fraction * 100);
  write_out(a.out, t);
  return 0;
}

}  // namespace

int cmd_border(const Args& args) {
  CLI::App app{
      "Border segments, crossing and segment statistics, cooperation and patrol coverage. "
      "Đoạn biên giới, thống kê quanh cửa khẩu và đoạn biên, hợp tác, độ phủ tuần tra.",
      "secmap border"};
  BorderArgs a;
  app.add_option("DB", a.db, "database")->required();
  app.add_option("WHAT", a.what, "segments | crossings | coverage | cooperation")
      ->required()
      ->check(CLI::IsMember({"segments", "crossings", "coverage", "cooperation"}));
  app.add_option("--scheme", a.scheme, "segments by commune or fixed length")
      ->check(CLI::IsMember({"commune", "fixed"}))
      ->capture_default_str();
  app.add_option("--length-km", a.length_km, "fixed segment length (km)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--radius-km", a.radius_km, "incidents within this distance (km, VN-2000)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--buffer-km", a.buffer_km, "coverage: a route covers what lies within this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--min-fraction", a.min_fraction, "coverage: share of a segment to be covered")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  app.add_option("--from", a.from, "first day YYYY-MM-DD (default: 365 days to the last incident)")
      ->check(calendar_day());
  app.add_option("--to", a.to, "last day YYYY-MM-DD")->check(calendar_day());
  app.add_option("--out", a.out, "output file: .csv, .geojson or .gpkg")->required();
  app.add_flag("--include-sensitive", a.include_sensitive,
               "include openings and trails (sensitive crossings) in the output");
  app.add_flag("--no-store", a.no_store, "segments: do not replace border_segments");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  auto db = store::Database::open(a.db);
  if (a.what == "segments") return run_segments(db, a);
  if (a.what == "crossings") return run_crossings(db, a);
  if (a.what == "cooperation") return run_cooperation(db, a);
  return run_coverage(db, a);
}

}  // namespace secmap::app
