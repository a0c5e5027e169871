// Benchmarks for the analysis module (issue 4). Prints figures; never fails on time.
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
#include "analysis/point_counts.h"
#include "analysis/weights.h"
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

template <typename F>
double best_of(int reps, F&& f) {
  double best = 1e300;
  for (int r = 0; r < reps; ++r) {
    const double t0 = now();
    f();
    best = std::min(best, now() - t0);
  }
  return best;
}

geo::Geometry square(double x, double y, double s) {
  geo::Polygon p;
  p.rings.push_back({{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}});
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

void bench_counts(store::Database& db) {
  std::printf("\n== counts: incidents per commune ==\n");
  CommuneSet c = load_communes(db);
  IncidentTable t;
  const double t_load = best_of(1, [&] { t = load_incidents(db, c); });
  std::vector<int64_t> mem;
  const double t_mem = best_of(5, [&] { mem = count_per_commune(t, c.size(), {}); });
  IncidentFilter f;
  f.groups = {"SO"};
  f.from = parse_day_or_throw("2025-01-01");
  f.to = parse_day_or_throw("2025-12-31");
  const double t_mem_f = best_of(5, [&] { (void)count_per_commune(t, c.size(), f); });
  std::vector<geo::Point> pts;
  const double t_pts = best_of(1, [&] { pts = load_incident_points(db); });
  std::vector<int64_t> geom;
  const double t_geom = best_of(3, [&] { geom = count_points(c, pts); });
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
  std::printf("  secmap count, in memory, all                  %8.4f s   (target ≤ 0.1 s)\n",
              t_mem);
  std::printf("  secmap count, in memory, SO in 2025           %8.4f s\n", t_mem_f);
  std::printf("  secmap read points (SQL X(), Y())             %8.3f s\n", t_pts);
  std::printf("  secmap count by point-in-polygon (recount)    %8.4f s\n", t_geom);
  std::printf("  SpatiaLite GROUP BY commune_code              %8.3f s\n", t_group);
  std::printf("  SpatiaLite ST_Within join (spatial index)     %8.3f s   ratio %.0f× vs recount\n",
              t_within, t_within / t_geom);
  std::printf(
      "  communes whose counts differ from ST_Within:  %zu (the real polygons overlap in a "
      "few places, where the join counts a point once per commune)\n",
      mismatch);
}

struct GistarRun {
  std::vector<double> z;  // analytical Gi* z-scores (binary weights, focal unit included)
  double weights_s = 0;   // queen weights
  double analytic_s = 0;  // Gi* z and normal p, no permutations
};

GistarRun bench_gistar(const std::string& label, const std::vector<geo::Geometry>& geoms,
                       const std::vector<double>& x) {
  Weights w;
  const double t_w = best_of(1, [&] { w = queen_weights(geoms); });
  HotspotResult r;
  HotspotOptions o;
  o.permutation = {999, 7, 0};
  const double t_g = best_of(3, [&] { r = local_hotspots(w, x, o); });
  HotspotOptions o1 = o;
  o1.permutation.threads = 1;
  const double t_g1 = best_of(1, [&] { (void)local_hotspots(w, x, o1); });
  HotspotOptions o0 = o;
  o0.permutation.permutations = 0;
  GistarRun run;
  run.analytic_s = best_of(5, [&] { run.z = local_hotspots(w, x, o0).z; });
  run.weights_s = t_w;
  int hot = 0, cold = 0;
  for (const auto& k : r.cls) hot += k.starts_with("hot"), cold += k.starts_with("cold");
  std::printf("%s: %zu units, queen mean %.2f neighbours, %zu islands\n", label.c_str(), w.n,
              w.mean_neighbors(), w.islands());
  std::printf("  queen weights                                 %8.4f s\n", t_w);
  std::printf("  Gi* analytical z and p only                   %8.4f s\n", run.analytic_s);
  std::printf("  Gi* + 999 permutations + FDR, all threads     %8.4f s\n", t_g);
  std::printf("  Gi* + 999 permutations + FDR, 1 thread        %8.4f s\n", t_g1);
  std::printf("  weights + statistic, all threads              %8.4f s   hot %d, cold %d\n",
              t_w + t_g, hot, cold);
  return run;
}

// The peer, written next to the data it reads: libpysal's Queen contiguity (Debian's
// python3-libpysal; polygons as libpysal.cg.Polygon, so neither shapely nor geopandas is
// needed) and Gi* z-scores with numpy in the same form as ours (binary weights, w_ii = 1).
constexpr const char* kPysalPeer = R"PY(
import json, sys, time, warnings
warnings.filterwarnings("ignore")
t0 = time.perf_counter()
import numpy as np
import libpysal
from libpysal.cg import Polygon
t_import = time.perf_counter() - t0
src, out = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
units = [json.loads(line) for line in open(src)]
polys = [Polygon(u["shells"] if len(u["shells"]) > 1 else u["shells"][0],
                 holes=u["holes"] or None) for u in units]
x = np.array([u["x"] for u in units], dtype=np.float64)
t_read = time.perf_counter() - t0
best_w = best_g = 1e300
for _ in range(3):
    t0 = time.perf_counter()
    w = libpysal.weights.Queen.from_iterable(polys)
    best_w = min(best_w, time.perf_counter() - t0)
assert list(w.id_order) == list(range(len(polys)))
W = w.sparse.tocsr().astype(np.float64)
import scipy.sparse as sp
for _ in range(5):
    t0 = time.perf_counter()
    n = x.shape[0]
    Ws = (W + sp.identity(n, format="csr")).tocsr()
    Wi = np.asarray(Ws.sum(axis=1)).ravel()
    S1 = np.asarray(Ws.multiply(Ws).sum(axis=1)).ravel()
    xbar = x.mean()
    S = np.sqrt((x * x).mean() - xbar * xbar)
    z = (Ws @ x - xbar * Wi) / (S * np.sqrt((n * S1 - Wi * Wi) / (n - 1)))
    best_g = min(best_g, time.perf_counter() - t0)
np.savetxt(out, z, fmt="%.17g")
print(json.dumps({"import_s": t_import, "read_s": t_read, "weights_s": best_w,
                  "gistar_s": best_g, "mean_neighbors": w.mean_neighbors,
                  "libpysal": libpysal.__version__, "numpy": np.__version__}))
)PY";

bool have_pysal() {
  return std::system("/usr/bin/python3 -c 'import libpysal' >/dev/null 2>&1") == 0;
}

void peer_pysal(const fs::path& scratch, const std::string& label,
                const std::vector<geo::Geometry>& geoms, const std::vector<double>& x,
                const GistarRun& ours) {
  std::printf("  -- peer: libpysal Queen + numpy Gi* (%s) --\n", label.c_str());
  if (!have_pysal()) {
    std::printf("  skipped: python3-libpysal is not installed (tools/setup installs it)\n");
    return;
  }
  const fs::path script = scratch / "pysal_gistar_peer.py";
  const fs::path input = scratch / ("pysal_in_" + label + ".jsonl");
  const fs::path zfile = scratch / ("pysal_z_" + label + ".txt");
  const fs::path timing = scratch / ("pysal_t_" + label + ".json");
  if (FILE* f = std::fopen(script.c_str(), "w")) {
    std::fputs(kPysalPeer, f);
    std::fclose(f);
  }
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
  const std::string cmd = "/usr/bin/python3 " + script.string() + " " + input.string() + " " +
                          zfile.string() + " > " + timing.string();
  const double t0 = now();
  const int rc = std::system(cmd.c_str());
  const double wall = now() - t0;
  if (rc != 0) {
    std::printf("  peer failed (exit %d): %s\n", rc, cmd.c_str());
    return;
  }
  std::string json;
  if (FILE* f = std::fopen(timing.c_str(), "r")) {
    char buf[1024];
    while (std::fgets(buf, sizeof buf, f)) json += buf;
    std::fclose(f);
  }
  auto field = [&](const std::string& key) {
    const auto p = json.find("\"" + key + "\": ");
    return p == std::string::npos ? NAN : std::strtod(json.c_str() + p + key.size() + 4, nullptr);
  };
  std::vector<double> theirs;
  if (FILE* f = std::fopen(zfile.c_str(), "r")) {
    double v;
    while (std::fscanf(f, "%lf", &v) == 1) theirs.push_back(v);
    std::fclose(f);
  }
  double max_diff = 0;
  for (size_t i = 0; i < theirs.size() && i < ours.z.size(); ++i)
    max_diff = std::max(max_diff, std::fabs(theirs[i] - ours.z[i]));
  const double pw = field("weights_s"), pg = field("gistar_s");
  std::printf("  libpysal Queen.from_iterable                  %8.4f s   ratio %.0f× ours\n", pw,
              pw / ours.weights_s);
  std::printf("  numpy/scipy Gi* z                             %8.4f s   ratio %.1f× ours\n", pg,
              pg / ours.analytic_s);
  std::printf("  libpysal mean neighbours %.2f; python start + imports %.2f s, wall %.1f s\n",
              field("mean_neighbors"), field("import_s"), wall);
  std::printf("  max |z ours − z libpysal/numpy| over %zu units  %.3g%s\n", theirs.size(), max_diff,
              theirs.size() == ours.z.size() ? "" : "  (unit counts differ!)");
}

}  // namespace

int main(int argc, char** argv) {
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
    bench_counts(db);

    std::printf("\n== Gi* ==\n");
    const CommuneSet c = load_communes(db);
    const auto counts = count_per_commune(load_incidents(db, c), c.size(), {});
    const std::vector<double> xc(counts.begin(), counts.end());
    const GistarRun rc = bench_gistar("communes", c.geoms, xc);
    peer_pysal(scratch, "communes", c.geoms, xc, rc);

    std::vector<geo::Geometry> cells;
    std::vector<double> x;
    std::mt19937_64 rng(10000);
    for (int j = 0; j < 100; ++j)
      for (int i = 0; i < 100; ++i) {
        cells.push_back(square(103.0 + 0.01 * i, 21.0 + 0.01 * j, 0.01));
        const double d2 = (i - 30) * (i - 30) + (j - 60) * (j - 60);
        std::poisson_distribution<int> pois(3.0 + 20.0 * std::exp(-d2 / 50.0));
        x.push_back(pois(rng));
      }
    const GistarRun rg = bench_gistar("synthetic tessellation 100×100 (target ≤ 1 s)", cells, x);
    peer_pysal(scratch, "grid10k", cells, x, rg);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_analysis: %s\n", e.what());
    return 1;
  }
  return 0;
}
