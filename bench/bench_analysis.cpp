// Benchmarks for the analysis module. Prints figures; never fails on time.
//   bench_analysis [INCIDENTS=1000000] [SCRATCH_DIR=/tmp/secmap_bench_analysis]
// 1. counts of INCIDENTS incidents × the 137 real communes (a synthetic 137-square province
//    without ../shared/realdata): in memory from stored codes, by point-in-polygon, and
//    SpatiaLite's GROUP BY and indexed ST_Within join on the same data (the peer);
// 2. Gi* with 999 permutations on the 137 communes (queen weights);
// 3. Gi* with 999 permutations on a synthetic tessellation of 10,000 cells;
// 4. the peer for 2 and 3: libpysal Queen weights + a numpy Gi* (Debian python3-libpysal) on the
//    same units and values, timed, with the largest difference of its z-scores from ours.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <random>
#include <string>

#include "analysis/aggregate.h"
#include "analysis/communes.h"
#include "analysis/dates.h"
#include "analysis/gistar.h"
#include "analysis/hotspots.h"
#include "analysis/incidents.h"
#include "analysis/kde.h"
#include "analysis/point_counts.h"
#include "analysis/weights.h"
#include "geo/crs.h"
#include "geo/point_locator.h"
#include "io/importer.h"
#include "store/database.h"

using namespace secmap;
using namespace secmap::analysis;
namespace fs = std::filesystem;

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Process CPU seconds (all threads). On a shared machine the wall clock measures the queue as
// much as the code, so the key figures print both.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

double g_best_cpu = 0;  // CPU seconds of the fastest CPU run of the last best_of

template <typename F>
double best_of(int reps, F&& f) {
  double best = 1e300, best_cpu = 1e300;
  for (int r = 0; r < reps; ++r) {
    const double t0 = now(), c0 = cpu_now();
    f();
    best = std::min(best, now() - t0);
    best_cpu = std::min(best_cpu, cpu_now() - c0);
  }
  g_best_cpu = best_cpu;
  return best;
}

geo::Geometry square(double x, double y, double s) {
  geo::Polygon p;
  p.rings.push_back({{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}});
  return geo::Geometry::multi_polygon({p});
}

// One cell of a tessellation from its corner coordinates, so that neighbours share vertices
// exactly (x + 0.01 and the next cell's x can differ in the last bit; libpysal needs equality).
geo::Geometry cell_between(double x0, double y0, double x1, double y1) {
  geo::Polygon p;
  p.rings.push_back({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}});
  return geo::Geometry::multi_polygon({p});
}

void build_db(store::Database& db, size_t n_incidents) {
  const fs::path real = fs::path(SECMAP_REALDATA_DIR) / "vn2025_communes_laocai_laichau.geojson";
  double t0 = now();
  if (fs::exists(real)) {
    io::ImportOptions o;
    o.layer = "communes";
    o.file = real;
    io::import_file(db, o);
    std::printf("communes: real Lào Cai + Lai Châu (%s), imported in %.2f s\n",
                real.string().c_str(), now() - t0);
  } else {
    store::Transaction tx(db);
    auto st =
        db.prepare("INSERT INTO communes (code, name, geom) VALUES (?, ?, GeomFromWKB(?, 4326))");
    for (int k = 0; k < 137; ++k) {
      const auto wkb = geo::to_wkb(square(103.5 + 0.1 * (k % 12), 21.5 + 0.1 * (k / 12), 0.1));
      st.reset();
      st.bind(1, "S" + std::to_string(k)).bind(2, "synthetic " + std::to_string(k));
      st.bind_blob(3, wkb.data(), wkb.size()).run();
    }
    tx.commit();
    std::printf("communes: ../shared/realdata absent, 137 synthetic squares\n");
  }
  const CommuneSet c = load_communes(db);
  geo::BBox box;
  for (const auto& g : c.geoms) box.add(g.bbox());
  // Points uniform over the province's box; the commune code comes from point-in-polygon, as
  // the importer assigns it.
  std::mt19937_64 rng(2025);
  std::uniform_real_distribution<double> ux(box.min_x, box.max_x), uy(box.min_y, box.max_y);
  std::uniform_int_distribution<int> uday(0, 3 * 365 - 1), ucat(0, 5);
  std::vector<geo::Point> pts(n_incidents);
  for (auto& p : pts) p = {ux(rng), uy(rng)};
  t0 = now();
  const char* cats[] = {"SO-06", "SO-02", "DR-01", "SE-01", "TR-01", "BX-01"};
  {
    store::Transaction tx(db);
    db.exec("SELECT DisableSpatialIndex('incidents', 'geom')");
    auto st = db.prepare(
        "INSERT INTO incidents (category, occurred_at, severity, status, commune_code, geom) "
        "VALUES (?, ?, 'nghiem_trong', 'received', ?, MakePoint(?, ?, 4326))");
    std::vector<std::string> codes(c.codes);
    // Locate once in bulk (the same locator the importer's assignment uses).
    const geo::PointLocator loc(c.geoms);
    const auto where = loc.locate_all(pts);
    for (size_t i = 0; i < pts.size(); ++i) {
      const std::string date = format_day(19723 + uday(rng));  // from 2024-01-01
      st.reset();
      st.bind(1, cats[ucat(rng)]).bind(2, date);
      if (where[i] >= 0)
        st.bind(3, codes[size_t(where[i])]);
      else
        st.bind_null(3);
      st.bind(4, pts[i].x).bind(5, pts[i].y).run();
    }
    tx.commit();
  }
  std::printf("incidents: %zu inserted in %.1f s; ", n_incidents, now() - t0);
  t0 = now();
  // DisableSpatialIndex keeps the (now stale) R*Tree table: drop it so it is rebuilt in one go.
  db.exec("DROP TABLE IF EXISTS idx_incidents_geom");
  db.exec("SELECT CreateSpatialIndex('incidents', 'geom')");
  std::printf("spatial index %.1f s\n", now() - t0);
}

struct CountsRun {
  double mem_s, mem_cpu_s;    // from the stored commune codes
  double geom_s, geom_cpu_s;  // by point-in-polygon, the work the ST_Within join does
  double peer_s;
};

CountsRun bench_counts(store::Database& db) {
  std::printf("\n== counts: incidents per commune ==\n");
  CommuneSet c = load_communes(db);
  IncidentTable t;
  const double t_load = best_of(1, [&] { t = load_incidents(db, c); });
  std::vector<int64_t> mem;
  const double t_mem = best_of(5, [&] { mem = count_per_commune(t, c.size(), {}); });
  const double c_mem = g_best_cpu;
  IncidentFilter f;
  f.groups = {"SO"};
  f.from = parse_day_or_throw("2025-01-01");
  f.to = parse_day_or_throw("2025-12-31");
  const double t_mem_f = best_of(5, [&] { (void)count_per_commune(t, c.size(), f); });
  std::vector<geo::Point> pts;
  const double t_pts = best_of(1, [&] { pts = load_incident_points(db); });
  std::vector<int64_t> geom;
  const double t_geom = best_of(3, [&] { geom = count_points(c, pts); });
  const double c_geom = g_best_cpu;
  std::map<std::string, int64_t> sql_group, sql_within;
  const double t_group = best_of(1, [&] {
    auto st = db.prepare(
        "SELECT commune_code, count(*) FROM incidents WHERE deleted = 0 AND "
        "commune_code IS NOT NULL GROUP BY commune_code");
    while (st.step()) sql_group[st.column_text(0)] = st.column_int(1);
  });
  const double t_within = best_of(1, [&] {
    auto st = db.prepare(
        "SELECT c.code, count(*) FROM communes c JOIN incidents i ON ST_Within(i.geom, c.geom) = 1 "
        "AND i.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'incidents' AND "
        "search_frame = c.geom) GROUP BY c.code");
    while (st.step()) sql_within[st.column_text(0)] = st.column_int(1);
  });
  size_t mismatch = 0;
  int64_t total = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    const auto it = sql_within.find(c.codes[i]);
    const int64_t theirs = it == sql_within.end() ? 0 : it->second;
    mismatch += geom[i] != theirs || mem[i] != theirs;
    total += geom[i];
  }
  std::printf("%zu incidents × %zu communes (%lld inside a commune)\n", t.size(), c.size(),
              static_cast<long long>(total));
  std::printf("  secmap read incidents into columns (SQL)      %8.3f s\n", t_load);
  std::printf("  secmap count, in memory, all                  %8.4f s   (CPU %.4f s)\n", t_mem,
              c_mem);
  std::printf("  secmap count, in memory, SO in 2025           %8.4f s\n", t_mem_f);
  std::printf("  secmap read points (SQL X(), Y())             %8.3f s\n", t_pts);
  std::printf("  secmap count by point-in-polygon (recount)    %8.4f s   (CPU %.4f s)\n", t_geom,
              c_geom);
  std::printf("  SpatiaLite GROUP BY commune_code              %8.3f s\n", t_group);
  std::printf("  SpatiaLite ST_Within join (spatial index)     %8.3f s   ratio %.0f× vs recount\n",
              t_within, t_within / t_geom);
  std::printf(
      "  communes whose counts differ from ST_Within:  %zu (the real polygons overlap in a "
      "few places, where the join counts a point once per commune)\n",
      mismatch);
  return {t_mem, c_mem, t_geom, c_geom, t_within};
}

struct GistarRun {
  std::vector<double> z;  // analytical Gi* z-scores (binary weights, focal unit included)
  double weights_s = 0;   // queen weights
  double analytic_s = 0;  // Gi* z and normal p, no permutations
  std::vector<double> p_perm;
  double perm_s = 0;  // Gi* + 999 permutations + FDR, all threads, weights given
  double perm_cpu_s = 0;
};

GistarRun bench_gistar(const std::string& label, const std::vector<geo::Geometry>& geoms,
                       const std::vector<double>& x) {
  Weights w;
  const double t_w = best_of(1, [&] { w = queen_weights(geoms); });
  HotspotResult r;
  HotspotOptions o;
  o.permutation = {999, 7, 0};
  const double t_g = best_of(5, [&] { r = local_hotspots(w, x, o); });
  const double c_g = g_best_cpu;
  HotspotOptions o1 = o;
  o1.permutation.threads = 1;
  const double t_g1 = best_of(1, [&] { (void)local_hotspots(w, x, o1); });
  HotspotOptions o0 = o;
  o0.permutation.permutations = 0;
  GistarRun run;
  run.analytic_s = best_of(5, [&] { run.z = local_hotspots(w, x, o0).z; });
  run.weights_s = t_w;
  run.perm_s = t_g;
  run.perm_cpu_s = c_g;
  run.p_perm = r.p_perm;
  int hot = 0, cold = 0;
  for (const auto& k : r.cls) hot += k.starts_with("hot"), cold += k.starts_with("cold");
  std::printf("%s: %zu units, queen mean %.2f neighbours, %zu islands\n", label.c_str(), w.n,
              w.mean_neighbors(), w.islands());
  std::printf("  queen weights                                 %8.4f s\n", t_w);
  std::printf("  Gi* analytical z and p only                   %8.4f s\n", run.analytic_s);
  std::printf("  Gi* + 999 permutations + FDR, all threads     %8.4f s   (CPU %.4f s)\n", t_g, c_g);
  std::printf("  Gi* + 999 permutations + FDR, 1 thread        %8.4f s\n", t_g1);
  std::printf("  weights + statistic, all threads              %8.4f s   hot %d, cold %d\n",
              t_w + t_g, hot, cold);
  return run;
}

// The peer: tests/analysis/pysal_gistar.py (libpysal Queen contiguity + a numpy Gi* and its
// conditional permutation, as esda computes them; Debian 12 ships no esda).
bool have_pysal() {
  return std::system("/usr/bin/python3 -c 'import libpysal' >/dev/null 2>&1") == 0;
}

std::vector<double> read_numbers(const fs::path& file) {
  std::vector<double> v;
  if (FILE* f = std::fopen(file.c_str(), "r")) {
    double d;
    while (std::fscanf(f, "%lf", &d) == 1) v.push_back(d);
    std::fclose(f);
  }
  return v;
}

std::string read_text(const fs::path& file) {
  std::string s;
  if (FILE* f = std::fopen(file.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    std::fclose(f);
  }
  return s;
}

double json_number(const std::string& json, const std::string& key) {
  const auto p = json.find("\"" + key + "\": ");
  return p == std::string::npos ? NAN : std::strtod(json.c_str() + p + key.size() + 4, nullptr);
}

struct PeerRun {
  bool ok = false;
  double weights_s = NAN, gistar_s = NAN, perm_s = NAN;
};

PeerRun peer_pysal(const fs::path& scratch, const std::string& label,
                   const std::vector<geo::Geometry>& geoms, const std::vector<double>& x,
                   const GistarRun& ours) {
  std::printf("  -- peer: libpysal Queen + numpy Gi* and 999 permutations (%s) --\n",
              label.c_str());
  PeerRun peer;
  if (!have_pysal()) {
    std::printf("  skipped: python3-libpysal is not installed (tools/setup installs it)\n");
    return peer;
  }
  const fs::path script = fs::path(SECMAP_SOURCE_DIR) / "tests/analysis/pysal_gistar.py";
  const fs::path input = scratch / ("pysal_in_" + label + ".jsonl");
  const fs::path prefix = scratch / ("pysal_out_" + label);
  const fs::path timing = scratch / ("pysal_t_" + label + ".json");
  if (FILE* f = std::fopen(input.c_str(), "w")) {
    auto ring = [&](const std::vector<geo::Point>& r) {
      std::string s = "[";
      char b[64];
      for (size_t k = 0; k < r.size(); ++k) {
        std::snprintf(b, sizeof b, "%s[%.17g,%.17g]", k ? "," : "", r[k].x, r[k].y);
        s += b;
      }
      return s + "]";
    };
    for (size_t i = 0; i < geoms.size(); ++i) {
      std::string shells, holes;
      for (const auto& poly : geoms[i].polygons)
        for (size_t r = 0; r < poly.rings.size(); ++r) {
          std::string& to = r == 0 ? shells : holes;
          to += (to.empty() ? "" : ",") + ring(poly.rings[r]);
        }
      std::fprintf(f, "{\"x\":%.17g,\"shells\":[%s],\"holes\":[%s]}\n", x[i], shells.c_str(),
                   holes.c_str());
    }
    std::fclose(f);
  }
  // Best of 3 for the 137 communes; one run at 10,000 (the permutation loop takes seconds).
  const int repeat = geoms.size() < 1000 ? 3 : 1;
  const std::string cmd = "/usr/bin/python3 " + script.string() + " " + input.string() + " " +
                          prefix.string() + " 999 1 " + std::to_string(repeat) + " > " +
                          timing.string();
  const double t0 = now();
  const int rc = std::system(cmd.c_str());
  const double wall = now() - t0;
  if (rc != 0) {
    std::printf("  peer failed (exit %d): %s\n", rc, cmd.c_str());
    return peer;
  }
  const std::string json = read_text(timing);
  const auto theirs = read_numbers(prefix.string() + ".z");
  const auto their_p = read_numbers(prefix.string() + ".p");
  // libpysal joins exact shared vertices only; ours also T-junctions and 1 m near misses, so
  // compare z where the two neighbour lists agree, and count the rows where they do not.
  std::vector<std::string> their_rows;
  {
    const std::string nb = read_text(prefix.string() + ".nb");
    size_t p = 0;
    while (p < nb.size()) {
      const size_t e = nb.find('\n', p);
      their_rows.push_back(nb.substr(p, e == std::string::npos ? std::string::npos : e - p));
      p = e == std::string::npos ? nb.size() : e + 1;
    }
  }
  const Weights w = queen_weights(geoms);
  size_t rows_differ = 0;
  std::vector<uint8_t> same(ours.z.size(), 0);
  for (size_t i = 0; i < ours.z.size() && i < their_rows.size(); ++i) {
    std::string mine;
    for (int32_t j : w.row(i)) mine += (mine.empty() ? "" : " ") + std::to_string(j);
    same[i] = mine == their_rows[i];
    rows_differ += !same[i];
  }
  double max_diff = 0, mean_dp = 0;
  for (size_t i = 0; i < theirs.size() && i < ours.z.size(); ++i)
    if (same[i]) max_diff = std::max(max_diff, std::fabs(theirs[i] - ours.z[i]));
  size_t np = 0;
  for (size_t i = 0; i < their_p.size() && i < ours.p_perm.size(); ++i)
    if (same[i] && !std::isnan(their_p[i]) && !std::isnan(ours.p_perm[i]))
      mean_dp += std::fabs(their_p[i] - ours.p_perm[i]), ++np;
  mean_dp /= double(std::max<size_t>(1, np));
  peer.weights_s = json_number(json, "weights_s");
  peer.gistar_s = json_number(json, "gistar_s");
  peer.perm_s = json_number(json, "permutations_s");
  peer.ok = true;
  std::printf("  libpysal Queen.from_iterable                  %8.4f s   ratio %.0f× ours\n",
              peer.weights_s, peer.weights_s / ours.weights_s);
  std::printf("  numpy/scipy Gi* z                             %8.4f s   ratio %.1f× ours\n",
              peer.gistar_s, peer.gistar_s / ours.analytic_s);
  std::printf("  numpy Gi* 999 permutations (esda's crand)     %8.4f s   ratio %.0f× ours\n",
              peer.perm_s, peer.perm_s / ours.perm_s);
  std::printf("  libpysal mean neighbours %.2f; python start + imports %.2f s, wall %.1f s\n",
              json_number(json, "mean_neighbors"), json_number(json, "import_s"), wall);
  std::printf(
      "  neighbour lists differ for %zu units; max |z ours − z libpysal/numpy| over the other "
      "%zu: %.3g%s\n",
      rows_differ, theirs.size() - rows_differ, max_diff,
      theirs.size() == ours.z.size() ? "" : "  (unit counts differ!)");
  std::printf("  mean |p_perm ours − p_perm numpy| (two Monte Carlo draws)  %.3f\n", mean_dp);
  return peer;
}

// KDE peer: numpy histogram2d binning and scipy.ndimage's separable correlation with the same
// taps as ours (Gaussian truncated at floor(4σ) cells, normalised; zero outside), on the same
// points.
constexpr const char* kNumpyKde = R"PY(
import json, sys, time
import numpy as np
from scipy.ndimage import correlate1d
pts = np.fromfile(sys.argv[1], dtype=np.float64).reshape(-1, 2)
x0, y0, cell, nx, ny, bw = map(float, sys.argv[2:8])
nx, ny = int(nx), int(ny)
best, out = float("inf"), None
for _ in range(3):
    t0 = time.perf_counter()
    h, _, _ = np.histogram2d(pts[:, 1], pts[:, 0], bins=[ny, nx],
                             range=[[y0, y0 + ny * cell], [x0, x0 + nx * cell]])
    s = bw / cell
    r = int(np.floor(4 * s))
    k = np.arange(-r, r + 1)
    taps = np.exp(-0.5 * k * k / (s * s))
    taps /= taps.sum()
    h = correlate1d(h, taps, axis=1, mode="constant")
    h = correlate1d(h, taps, axis=0, mode="constant")
    h *= 1e6 / (cell * cell)
    best = min(best, time.perf_counter() - t0)
    out = h
out.astype(np.float64).tofile(sys.argv[8])
print(json.dumps({"kde_s": best}))
)PY";

struct KdeRun {
  double ours_s = NAN, ours_cpu_s = NAN, peer_s = NAN;
};

KdeRun bench_kde_cpu(const fs::path& scratch, const std::vector<geo::Point>& pts_lonlat) {
  std::printf("\n== KDE: 1920×1080 grid on the CPU ==\n");
  KdeRun run;
  // The incidents in Lào Cai's VN-2000 TM-3 zone, on a 1920×1080 grid over their box.
  std::vector<geo::Point> pts(pts_lonlat);
  geo::Transform("EPSG:4326", "EPSG:9208").apply_in_place(std::span<geo::Point>(pts));
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const auto& p : pts)
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  // A margin of 30 cells (≥ 4σ) on every side, so no mass leaves the grid.
  const double cell = std::max((x1 - x0) / 1860, (y1 - y0) / 1020);
  const double bw = 1000;  // `analyze kde`'s example bandwidth
  KdeGrid g;
  g.x0 = x0 - 30 * cell, g.y0 = y0 - 30 * cell, g.cell = cell, g.nx = 1920, g.ny = 1080;
  g.values.assign(size_t(g.nx) * size_t(g.ny), 0.0);
  KdeStats st{};
  run.ours_s = best_of(5, [&] { st = kde_density(g, pts, bw, 2); });
  run.ours_cpu_s = g_best_cpu;
  KdeGrid g1 = g;
  const double t1 = best_of(3, [&] { (void)kde_density(g1, pts, bw, 1); });
  std::printf("%zu incidents, cells of %.1f m, bandwidth %.0f m (%zu taps)\n", pts.size(), cell, bw,
              gaussian_taps(bw / cell).size());
  std::printf(
      "  secmap KDE, 2 threads                         %8.4f s   (binning %.1f ms, blur "
      "%.1f ms; CPU %.4f s; target ≤ 0.1 s)\n",
      run.ours_s, st.bin_ms, st.blur_ms, run.ours_cpu_s);
  std::printf("  secmap KDE, 1 thread                          %8.4f s\n", t1);
  std::printf("  integral %.1f for %zu binned incidents\n", kde_integral(g), st.binned);
  if (std::system("/usr/bin/python3 -c 'import scipy.ndimage' >/dev/null 2>&1") != 0) {
    std::printf("  peer skipped: python3-scipy is not installed\n");
    return run;
  }
  const fs::path bin = scratch / "kde_points.f64", script = scratch / "numpy_kde.py",
                 grid = scratch / "kde_numpy.f64", timing = scratch / "kde_numpy.json";
  if (FILE* f = std::fopen(bin.c_str(), "wb")) {
    std::fwrite(pts.data(), sizeof(geo::Point), pts.size(), f);
    std::fclose(f);
  }
  if (FILE* f = std::fopen(script.c_str(), "w")) {
    std::fputs(kNumpyKde, f);
    std::fclose(f);
  }
  char args[512];
  std::snprintf(args, sizeof args, " %.17g %.17g %.17g %d %d %.17g ", g.x0, g.y0, g.cell, g.nx,
                g.ny, bw);
  const std::string cmd = "/usr/bin/python3 " + script.string() + " " + bin.string() + args +
                          grid.string() + " > " + timing.string();
  if (std::system(cmd.c_str()) != 0) {
    std::printf("  peer failed: %s\n", cmd.c_str());
    return run;
  }
  run.peer_s = json_number(read_text(timing), "kde_s");
  std::vector<double> theirs(g.values.size());
  double max = 0, max_rel = 0;
  if (FILE* f = std::fopen(grid.c_str(), "rb")) {
    if (std::fread(theirs.data(), sizeof(double), theirs.size(), f) != theirs.size())
      theirs.clear();
    std::fclose(f);
  }
  for (double v : g.values) max = std::max(max, v);
  for (size_t i = 0; i < theirs.size(); ++i)
    if (g.values[i] >= 1e-3 * max)
      max_rel = std::max(max_rel, std::fabs(theirs[i] - g.values[i]) / g.values[i]);
  std::printf(
      "  numpy histogram2d + scipy correlate1d        %8.4f s   ratio %.0f× ours; max "
      "relative difference %.2g (cells ≥ 1e-3 of the peak)\n",
      run.peer_s, run.peer_s / run.ours_s, max_rel);
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they come, also in a file
  const size_t n_incidents = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1000000;
  const fs::path scratch = argc > 2 ? fs::path(argv[2]) : fs::path("/tmp/secmap_bench_analysis");
  try {
    fs::create_directories(scratch);
    const fs::path dbfile = scratch / ("bench_" + std::to_string(n_incidents) + ".sqlite");
    const bool have = fs::exists(dbfile);
    auto db = store::Database::open(dbfile, store::Database::Mode::CreateIfMissing);
    if (!have)
      build_db(db, n_incidents);
    else
      std::printf("reusing %s\n", dbfile.c_str());
    const CountsRun counts = bench_counts(db);

    std::printf("\n== Gi* ==\n");
    const CommuneSet c = load_communes(db);
    const auto per = count_per_commune(load_incidents(db, c), c.size(), {});
    const std::vector<double> xc(per.begin(), per.end());
    const GistarRun rc = bench_gistar("communes", c.geoms, xc);
    const PeerRun pc = peer_pysal(scratch, "communes", c.geoms, xc, rc);

    std::vector<geo::Geometry> cells;
    std::vector<double> x;
    std::mt19937_64 rng(10000);
    for (int j = 0; j < 100; ++j)
      for (int i = 0; i < 100; ++i) {
        cells.push_back(cell_between(103.0 + 0.01 * i, 21.0 + 0.01 * j, 103.0 + 0.01 * (i + 1),
                                     21.0 + 0.01 * (j + 1)));
        const double d2 = (i - 30) * (i - 30) + (j - 60) * (j - 60);
        std::poisson_distribution<int> pois(3.0 + 20.0 * std::exp(-d2 / 50.0));
        x.push_back(pois(rng));
      }
    const GistarRun rg = bench_gistar("synthetic tessellation 100×100 (target ≤ 1 s)", cells, x);
    const PeerRun pg = peer_pysal(scratch, "grid10k", cells, x, rg);

    const KdeRun k = bench_kde_cpu(scratch, load_incident_points(db));

    std::printf("\n== summary (this run; wall and CPU seconds, peer wall, peer ÷ ours) ==\n");
    std::printf("  load average when the run ended: %s", read_text("/proc/loadavg").c_str());
    auto line = [](const char* what, double ours, double cpu, double target, const char* peer,
                   double theirs) {
      std::printf(
          "  %-32s ours %7.4f s wall, %7.4f s CPU (target ≤ %.1f s: %s)  %-33s %8.4f s  "
          "%6.1f×\n",
          what, ours, cpu, target,
          ours <= target  ? "met"
          : cpu <= target ? "CPU only"
                          : "NOT met",
          peer, theirs, theirs / ours);
    };
    line("counts 1M × communes, stored", counts.mem_s, counts.mem_cpu_s, 0.1,
         "SpatiaLite ST_Within join", counts.peer_s);
    line("counts 1M × communes, geometry", counts.geom_s, counts.geom_cpu_s, 0.1,
         "SpatiaLite ST_Within join", counts.peer_s);
    line("Gi* + 999 perms, communes", rc.perm_s, rc.perm_cpu_s, 0.1,
         "numpy Gi* + 999 perms (esda way)", pc.perm_s + pc.gistar_s);
    line("Gi* + 999 perms, 10,000 cells", rg.perm_s, rg.perm_cpu_s, 1.0,
         "numpy Gi* + 999 perms (esda way)", pg.perm_s + pg.gistar_s);
    line("KDE 1M on 1920×1080, CPU", k.ours_s, k.ours_cpu_s, 0.1, "numpy histogram2d + scipy blur",
         k.peer_s);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_analysis: %s\n", e.what());
    return 1;
  }
  return 0;
}
