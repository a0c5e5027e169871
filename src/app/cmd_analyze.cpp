// secmap analyze DB counts|compare|targets|kde|hotspots|emerging ... --out FILE
// Each subcommand reads the communes and incidents once, computes in src/analysis and writes a
// table keyed by the commune's official code (CSV or GeoJSON by the file's extension).
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>

#include "analysis/aggregate.h"
#include "analysis/communes.h"
#include "analysis/compare.h"
#include "analysis/dates.h"
#include "analysis/emerging.h"
#include "analysis/hotspots.h"
#include "analysis/incidents.h"
#include "analysis/kde.h"
#include "analysis/point_counts.h"
#include "analysis/table_output.h"
#include "analysis/targets.h"
#include "analysis/weights.h"
#include "app/cli_parse.h"
#include "app/commands.h"
#include "geo/crs.h"
#include "io/table_writer.h"
#include "store/database.h"

namespace secmap::app {

namespace {

using namespace secmap::analysis;

struct FilterArgs {
  std::string from, to;
  std::vector<std::string> categories, groups, severities, statuses;

  void add_to(CLI::App* app, bool window = true) {
    if (window) {
      app->add_option("--from", from, "first day, YYYY-MM-DD (inclusive)")->check(calendar_day());
      app->add_option("--to", to, "last day, YYYY-MM-DD (inclusive)")->check(calendar_day());
    }
    app->add_option("--category", categories, "incident category code, e.g. SO-06 (repeatable)");
    app->add_option("--group", groups, "category group code, e.g. SO or DR (repeatable)");
    app->add_option("--severity", severities, "severity code (repeatable)");
    app->add_option("--status", statuses, "case status code (repeatable)");
  }
  IncidentFilter filter() const {
    IncidentFilter f;
    if (!from.empty()) f.from = parse_day_or_throw(from);
    if (!to.empty()) f.to = parse_day_or_throw(to);
    f.categories = categories;
    f.groups = groups;
    f.severities = severities;
    f.statuses = statuses;
    return f;
  }
};

std::vector<std::string> commune_cells(const CommuneSet& c, int32_t i) {
  if (i < 0) return {"", "province"};
  return {c.codes[size_t(i)], c.names[size_t(i)]};
}

// Writes by extension: .gpkg through src/io (GDAL), .csv and .geojson by src/analysis.
void write_any(const std::string& out, const Table& t, const CommuneSet& c) {
  std::string ext = std::filesystem::path(out).extension().string();
  for (auto& ch : ext) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  if (ext != ".gpkg") {
    write_table(out, t, c);
    return;
  }
  io::OutputTable o;
  o.layer_name = std::filesystem::path(out).stem().string();
  o.columns = t.columns;
  o.numeric = t.numeric;
  o.rows = t.rows;
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const int32_t ci = r < t.commune.size() ? t.commune[r] : -1;
    o.geometry.push_back(ci >= 0 && size_t(ci) < c.geoms.size() ? &c.geoms[size_t(ci)] : nullptr);
  }
  io::write_table_gpkg(out, o);
}

int write_and_report(const std::string& out, const Table& t, const CommuneSet& c) {
  write_any(out, t, c);
  std::printf("wrote %zu rows to %s\n", t.rows.size(), out.c_str());
  return 0;
}

int run_counts(store::Database& db, const FilterArgs& fa, const std::string& period,
               const std::string& by, bool recount, const std::string& out) {
  const bool geometry_out = !out.ends_with(".csv");
  const CommuneSet c = load_communes(db, {.geometry = geometry_out || recount});
  AggregateOptions o;
  o.filter = fa.filter();
  o.period = parse_period(period);
  o.by = parse_breakdown(by);
  if (o.period == Period::Campaign) o.campaigns = load_campaigns(db);
  std::vector<AggregateRow> rows;
  if (recount) {
    // Point-in-polygon now instead of the commune_code stored at import; no filters by code.
    if (o.period != Period::All || o.by != Breakdown::None || !fa.categories.empty() ||
        !fa.groups.empty() || !fa.severities.empty() || !fa.statuses.empty())
      throw std::invalid_argument("--recount counts by window only (no --period/--by/codes)");
    const auto n = count_points(c, load_incident_points(db, o.filter.from, o.filter.to));
    for (size_t i = 0; i < c.size(); ++i) {
      AggregateRow r{int32_t(i), "", "", n[i], std::nullopt};
      if (c.population[i] && *c.population[i] > 0)
        r.rate_per_10k = double(n[i]) * 1e4 / double(*c.population[i]);
      rows.push_back(r);
    }
  } else {
    const IncidentTable t = load_incidents(db, c, {o.filter.from, o.filter.to});
    rows = aggregate(t, c, o);
  }
  Table t;
  for (const char* col : {"code", "name", "period", "key"}) t.add_column(col, false);
  t.add_column("count", true);
  t.add_column("rate_per_10k", true);
  for (const auto& r : rows) {
    auto cells = commune_cells(c, r.commune);
    cells.push_back(r.period);
    cells.push_back(r.key);
    cells.push_back(fmt_int(r.count));
    cells.push_back(r.rate_per_10k ? fmt_num(*r.rate_per_10k) : "");
    t.rows.push_back(std::move(cells));
    t.commune.push_back(r.commune);
  }
  return write_and_report(out, t, c);
}

int run_compare(store::Database& db, const FilterArgs& fa, const std::string& bfrom,
                const std::string& bto, std::optional<double> target, const std::string& out) {
  if (fa.from.empty() || fa.to.empty())
    throw std::invalid_argument("compare needs --from and --to");
  if (bfrom.empty() != bto.empty())
    throw std::invalid_argument("give both --baseline-from and --baseline-to, or neither");
  const CommuneSet c = load_communes(db, {.geometry = !out.ends_with(".csv")});
  CompareOptions o;
  o.filter = fa.filter();
  o.current = {"current", *o.filter.from, *o.filter.to};
  o.baseline = bfrom.empty()
                   ? same_window_year_before(o.current)
                   : Window{"baseline", parse_day_or_throw(bfrom), parse_day_or_throw(bto)};
  o.reduction_target_pct = target;
  const IncidentTable t = load_incidents(
      db, c, {std::min(o.current.from, o.baseline.from), std::max(o.current.to, o.baseline.to)});
  const auto rows = compare_windows(t, c.size(), o);
  Table tab;
  tab.add_column("code", false);
  tab.add_column("name", false);
  for (const char* col : {"current", "baseline", "change", "pct"}) tab.add_column(col, true);
  tab.add_column("meets_reduction", false);
  for (const auto& r : rows) {
    auto cells = commune_cells(c, r.commune);
    cells.push_back(fmt_int(r.current));
    cells.push_back(fmt_int(r.baseline));
    cells.push_back(fmt_int(r.change));
    cells.push_back(r.pct ? fmt_num(*r.pct) : "");
    cells.push_back(r.meets_reduction ? (*r.meets_reduction ? "yes" : "no") : "");
    tab.rows.push_back(std::move(cells));
    tab.commune.push_back(r.commune);
  }
  std::printf("current %s..%s: %lld, baseline %s..%s: %lld\n", format_day(o.current.from).c_str(),
              format_day(o.current.to).c_str(), static_cast<long long>(rows.back().current),
              format_day(o.baseline.from).c_str(), format_day(o.baseline.to).c_str(),
              static_cast<long long>(rows.back().baseline));
  return write_and_report(out, tab, c);
}

int run_targets(store::Database& db, int year, const std::string& as_of, const std::string& out) {
  const CommuneSet c = load_communes(db, {.geometry = !out.ends_with(".csv")});
  const IncidentTable t = load_incidents(db, c);
  TargetOptions o;
  o.year = year;
  if (!as_of.empty()) o.as_of = parse_day_or_throw(as_of);
  const auto rows = compute_targets(db, c, t, o);
  Table tab;
  for (const char* col : {"indicator", "scope", "code", "name"}) tab.add_column(col, false);
  for (const char* col : {"year", "numerator", "denominator", "value"}) tab.add_column(col, true);
  tab.add_column("comparator", false);
  tab.add_column("target", true);
  tab.add_column("state", false);
  for (const auto& r : rows) {
    auto cc = commune_cells(c, r.commune);
    tab.rows.push_back({r.indicator, r.commune < 0 ? "province" : "commune", cc[0], cc[1],
                        std::to_string(r.year), fmt_int(r.numerator), fmt_int(r.denominator),
                        r.value ? fmt_num(*r.value) : "", r.comparator,
                        r.target ? fmt_num(*r.target) : "", state_name(r.state)});
    tab.commune.push_back(r.commune);
    if (r.commune < 0)
      std::printf(
          "%-24s %d  %7s %2s %-5s %s\n", r.indicator.c_str(), r.year,
          r.value ? fmt_num(std::round(*r.value * 10) / 10).c_str() : "-", r.comparator.c_str(),
          r.target ? fmt_num(std::round(*r.target * 10) / 10).c_str() : "", state_name(r.state));
  }
  return write_and_report(out, tab, c);
}

struct HotspotArgs {
  std::string stat = "gistar", weights = "queen", crs, classify_by;
  int permutations = 999, threads = 0;
  uint64_t seed = 20250701;
  bool row_standardise = false, binary = false;
};

int run_hotspots(store::Database& db, const FilterArgs& fa, const HotspotArgs& h,
                 const std::string& out) {
  const CommuneSet c = load_communes(db);
  const IncidentFilter f = fa.filter();
  const IncidentTable t = load_incidents(db, c, {f.from, f.to});
  const auto counts = count_per_commune(t, c.size(), f);
  std::vector<double> x(counts.begin(), counts.end());
  const std::string crs = h.crs.empty() ? metric_crs(db, c) : h.crs;
  const Weights w = weights_from_spec(h.weights, c.geoms, crs);
  HotspotOptions o;
  o.stat = parse_local_stat(h.stat);
  if (h.row_standardise && h.binary)
    throw std::invalid_argument("--row-standardise or --binary, not both");
  if (h.row_standardise) o.row_standardise = true;
  if (h.binary) o.row_standardise = false;
  if (h.permutations < 0) throw std::invalid_argument("--permutations must be ≥ 0");
  o.permutation = {h.permutations, h.seed, h.threads};
  if (!h.classify_by.empty()) o.classify_by = parse_p_source(h.classify_by);
  const HotspotResult r = local_hotspots(w, x, o);

  Table tab;
  tab.add_column("code", false);
  for (const char* col : {"count", "z", "p_norm", "p_perm", "p_fdr"}) tab.add_column(col, true);
  tab.add_column("class", false);
  tab.add_column("p_bonf", true);
  tab.add_column(o.stat == LocalStat::GiStar ? "gi_star" : "local_i", true);
  tab.add_column("neighbors", true);
  tab.add_column("name", false);
  std::map<std::string, int> classes;
  for (size_t i = 0; i < c.size(); ++i) {
    tab.rows.push_back({c.codes[i], fmt_int(counts[i]), fmt_num(r.z[i]), fmt_num(r.p_norm[i]),
                        fmt_num(r.p_perm[i]), fmt_num(r.p_fdr[i]), r.cls[i], fmt_num(r.p_bonf[i]),
                        fmt_num(r.statistic[i]), fmt_int(int64_t(w.degree(i))), c.names[i]});
    tab.commune.push_back(int32_t(i));
    ++classes[r.cls[i]];
  }
  std::printf(
      "%s on %zu communes, weights %s (%s; mean %.2f neighbours, %zu islands), %d permutations\n",
      h.stat.c_str(), c.size(), h.weights.c_str(), crs.c_str(), w.mean_neighbors(), w.islands(),
      h.permutations);
  for (const auto& [k, n] : classes) std::printf("  %-8s %d\n", k.c_str(), n);
  return write_and_report(out, tab, c);
}

struct KdeArgs {
  double bandwidth = 0, cell = 0,
         margin = 4;  // the kernel is cut at 4σ: nothing leaks off the grid
  int epsg = 0, threads = 0;
  std::vector<double> bbox;
};

int run_kde(store::Database& db, const FilterArgs& fa, const KdeArgs& k, const std::string& out) {
  if (!out.ends_with(".asc") && !out.ends_with(".csv"))
    throw std::invalid_argument("kde writes .asc (ESRI ASCII grid + .prj) or .csv");
  if (!(k.bandwidth > 0) || !(k.cell > 0))
    throw std::invalid_argument("kde needs --bandwidth and --cell in metres, both > 0");
  auto pts = load_filtered_incident_points(db, fa.filter());
  if (pts.empty()) throw std::invalid_argument("no incidents match the filters");
  std::string crs;
  if (k.epsg) {
    crs = "EPSG:" + std::to_string(k.epsg);
  } else {
    // The province's zone, as for knn/band weights; without communes, the incidents' zone.
    try {
      crs = metric_crs(db, load_communes(db));
    } catch (const store::StoreError&) {
      double lon = 0;
      for (const auto& p : pts) lon += p.x;
      crs = "EPSG:" + std::to_string(geo::vn2000_tm3_epsg_for_lon(lon / double(pts.size())));
    }
  }
  geo::Transform("EPSG:4326", crs).apply_in_place(pts);
  if (!k.bbox.empty() && k.bbox.size() != 4)
    throw std::invalid_argument("--bbox takes MINX MINY MAXX MAXY");
  KdeGrid g = k.bbox.empty() ? kde_grid_around(pts, k.cell, k.margin * k.bandwidth)
                             : kde_grid_box(k.bbox[0], k.bbox[1], k.bbox[2], k.bbox[3], k.cell);
  const KdeStats st = kde_density(g, pts, k.bandwidth, k.threads);
  if (out.ends_with(".asc")) {
    std::string wkt;
    try {
      wkt = geo::crs_wkt(crs, true);
    } catch (const geo::CrsError&) {
      wkt = geo::crs_wkt(crs, false);  // no ESRI name for it: WKT2 still opens in QGIS
    }
    write_ascii_grid(out, g, wkt);
  } else {
    write_grid_csv(out, g);
  }
  std::printf(
      "kde of %zu incidents (%zu outside the grid) in %s: %d×%d cells of %g m, bandwidth %g m, "
      "binning %.1f ms, blur %.1f ms; integral %.6g incidents\n",
      st.binned, st.outside, crs.c_str(), g.nx, g.ny, g.cell, k.bandwidth, st.bin_ms, st.blur_ms,
      kde_integral(g));
  std::printf("wrote %s\n", out.c_str());
  return 0;
}

struct EmergingArgs {
  std::string step = "month", weights = "queen", crs;
  double alpha = 0.05, trend_alpha = 0.05;
};

int run_emerging(store::Database& db, const FilterArgs& fa, const EmergingArgs& e,
                 const std::string& out) {
  if (fa.from.empty() || fa.to.empty())
    throw std::invalid_argument("emerging needs --from and --to");
  const CommuneSet c = load_communes(db);
  const IncidentFilter f = fa.filter();
  const IncidentTable t = load_incidents(db, c, {f.from, f.to});
  const std::string crs = e.crs.empty() ? metric_crs(db, c) : e.crs;
  const Weights w = weights_from_spec(e.weights, c.geoms, crs);
  EmergingOptions o;
  o.alpha = e.alpha;
  o.trend_alpha = e.trend_alpha;
  const EmergingResult r = emerging_hotspots(t, w, f, parse_step_kind(e.step), o);
  Table tab;
  tab.add_column("code", false);
  tab.add_column("name", false);
  for (const char* col : {"steps", "hot_steps", "cold_steps", "trend_z", "trend_p"})
    tab.add_column(col, true);
  tab.add_column("category", false);
  std::map<std::string, int> cats;
  for (size_t i = 0; i < c.size(); ++i) {
    const EmergingRow& row = r.rows[i];
    tab.rows.push_back({c.codes[i], c.names[i], fmt_int(int64_t(r.steps.size())),
                        fmt_int(row.hot_steps), fmt_int(row.cold_steps), fmt_num(row.trend.z),
                        fmt_num(row.trend.p), emerging_name(row.category)});
    tab.commune.push_back(int32_t(i));
    ++cats[emerging_name(row.category)];
  }
  std::printf("emerging hotspots on %zu communes, %zu %s steps %s..%s, weights %s\n", c.size(),
              r.steps.size(), e.step.c_str(), r.steps.front().label.c_str(),
              r.steps.back().label.c_str(), e.weights.c_str());
  if (r.steps.size() < 10)
    std::printf("  note: fewer than 10 time steps; the trend test has little power\n");
  for (const auto& [k, n] : cats) std::printf("  %-24s %d\n", k.c_str(), n);
  return write_and_report(out, tab, c);
}

}  // namespace

int cmd_analyze(const Args& args) {
  CLI::App app{
      "Analyse incidents per commune: counts, change against a baseline, plan targets, "
      "kernel density, hotspots (Gi*, Local Moran's I), emerging hotspots",
      "secmap analyze"};
  app.require_subcommand(1);
  std::string db_path, out;
  app.add_option("DB", db_path, "secmap database")->required();

  FilterArgs counts_f, compare_f, hot_f, kde_f, emerging_f;
  std::string period = "all", by = "none";
  bool recount = false;
  auto* counts = app.add_subcommand("counts", "incidents per commune × period × breakdown");
  counts_f.add_to(counts);
  counts->add_option("--period", period, "all|day|week|month|year|campaign")->capture_default_str();
  counts->add_option("--by", by, "none|group|category|severity|status")->capture_default_str();
  counts->add_flag("--recount", recount,
                   "assign incidents to communes by point-in-polygon now instead of using the "
                   "stored commune codes");
  counts->add_option("--out", out, "output .csv, .geojson or .gpkg")->required();

  std::string bfrom, bto;
  std::optional<double> target;
  auto* compare = app.add_subcommand("compare",
                                     "a window against the same window a year earlier "
                                     "or a chosen baseline");
  compare_f.add_to(compare);
  compare
      ->add_option("--baseline-from", bfrom, "baseline first day (default: a year before --from)")
      ->check(calendar_day());
  compare->add_option("--baseline-to", bto, "baseline last day")->check(calendar_day());
  compare->add_option("--target-reduction", target, "required fall in percent, e.g. 5");
  compare->add_option("--out", out, "output .csv, .geojson or .gpkg")->required();

  int year = 2026;
  std::string as_of;
  auto* targets = app.add_subcommand("targets", "plan targets: value, target, on track or behind");
  targets->add_option("--year", year, "plan year")->capture_default_str();
  targets->add_option("--as-of", as_of, "count incidents up to this day (default: year end)")
      ->check(calendar_day());
  targets->add_option("--out", out, "output .csv, .geojson or .gpkg")->required();

  HotspotArgs h;
  auto* hot = app.add_subcommand("hotspots", "Gi* or Local Moran's I on incident counts");
  hot_f.add_to(hot);
  hot->add_option("--stat", h.stat, "gistar|moran")->capture_default_str();
  hot->add_option("--weights", h.weights, "queen[:SNAP_M]|knn:K|band:METRES")
      ->capture_default_str();
  hot->add_option("--permutations", h.permutations, "conditional permutations (0: none)")
      ->capture_default_str();
  hot->add_option("--seed", h.seed, "random seed")->capture_default_str();
  hot->add_option("--threads", h.threads, "threads (0: all; results do not depend on it)");
  hot->add_flag("--row-standardise", h.row_standardise,
                "row-standardised weights (Gi* default: binary)");
  hot->add_flag("--binary", h.binary, "binary weights (Moran default: row-standardised)");
  hot->add_option("--classify-by", h.classify_by,
                  "p_norm|p_perm|p_fdr|p_bonf (default: p_norm for gistar, p_perm for moran)");
  hot->add_option("--crs", h.crs, "metric CRS for knn/band (default: the province's VN-2000 zone)");
  hot->add_option("--out", out, "output .csv, .geojson or .gpkg")->required();

  KdeArgs k;
  auto* kde = app.add_subcommand("kde", "kernel density of incidents (incidents per km²)");
  kde_f.add_to(kde);
  kde->add_option("--bandwidth", k.bandwidth, "Gaussian kernel standard deviation, metres")
      ->required();
  kde->add_option("--cell", k.cell, "cell size, metres")->required();
  kde->add_option("--epsg", k.epsg, "metric CRS (default: the province's VN-2000 TM-3 zone)");
  kde->add_option("--bbox", k.bbox, "grid box MINX MINY MAXX MAXY in the metric CRS")->expected(4);
  kde->add_option("--margin", k.margin, "margin around the incidents, in bandwidths")
      ->capture_default_str();
  kde->add_option("--threads", k.threads, "threads (0: all; results do not depend on it)");
  kde->add_option("--out", out, "output .asc (with .prj) or .csv")->required();

  EmergingArgs em;
  auto* emerging = app.add_subcommand(
      "emerging", "emerging hotspots: Gi* per time step and a Mann–Kendall trend per commune");
  emerging_f.add_to(emerging);
  emerging->add_option("--step", em.step, "month|week")->capture_default_str();
  emerging->add_option("--weights", em.weights, "queen[:SNAP_M]|knn:K|band:METRES")
      ->capture_default_str();
  emerging->add_option("--alpha", em.alpha, "significance of a hot/cold step (Gi* p)")
      ->capture_default_str();
  emerging->add_option("--trend-alpha", em.trend_alpha, "significance of the trend")
      ->capture_default_str();
  emerging->add_option("--crs", em.crs, "metric CRS for knn/band");
  emerging->add_option("--out", out, "output .csv, .geojson or .gpkg")->required();

  if (auto rc = parse_or_exit(app, args)) return *rc;
  try {
    auto db = store::Database::open(db_path);
    if (counts->parsed()) return run_counts(db, counts_f, period, by, recount, out);
    if (compare->parsed()) return run_compare(db, compare_f, bfrom, bto, target, out);
    if (targets->parsed()) return run_targets(db, year, as_of, out);
    if (hot->parsed()) return run_hotspots(db, hot_f, h, out);
    if (kde->parsed()) return run_kde(db, kde_f, k, out);
    if (emerging->parsed()) return run_emerging(db, emerging_f, em, out);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secmap analyze: error: %s\n", e.what());
    return 1;
  }
  return 2;
}

}  // namespace secmap::app
