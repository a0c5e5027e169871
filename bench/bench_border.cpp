// Benchmark for border coverage. Prints figures; never fails on time.
//   bench_border [ROUTES=1000] [INCIDENTS=100000] [SCRATCH_DIR=/tmp/secmap_bench_border] [nopeer]
// On the real ~770 km border line (a synthetic zigzag of the same length without
// ../shared/realdata), split into 5 km segments: coverage of every segment and 200 crossings by
// ROUTES patrol routes (1 km buffer, exact covered lengths) plus the INCIDENTS incidents within
// 5 km of each segment by border group, this window and the year before — against the SpatiaLite
// SQL peer doing the same work (ST_Buffer/ST_Union/ST_Intersection/ST_Length for coverage,
// ST_Distance with the spatial index for the incident counts) on the same metric geometry.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>

#include "border/coverage.h"
#include "border/planar.h"
#include "border/proximity.h"
#include "border/segments.h"
#include "io/route_file.h"
#include "store/database.h"

using namespace secmap;
using namespace secmap::border;
namespace fs = std::filesystem;

namespace {

double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU seconds of the whole process (all threads): on a shared, loaded machine the wall time
// waits for other programs, this does not.
double cpu_now() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

std::string wkt(const geo::LineString& l) {
  std::string s = "LINESTRING(";
  char buf[64];
  for (size_t i = 0; i < l.size(); ++i) {
    std::snprintf(buf, sizeof buf, "%s%.3f %.3f", i ? "," : "", l[i].x, l[i].y);
    s += buf;
  }
  return s + ")";
}

// The point at distance s along a metric line and the unit normal there.
geo::Point along(const geo::LineString& l, double s, geo::Point* normal) {
  for (size_t i = 1; i < l.size(); ++i) {
    const double len = dist(l[i - 1], l[i]);
    if (s <= len || i + 1 == l.size()) {
      const double t = len > 0 ? std::min(1.0, s / len) : 0;
      if (normal) *normal = {-(l[i].y - l[i - 1].y) / len, (l[i].x - l[i - 1].x) / len};
      return {l[i - 1].x + t * (l[i].x - l[i - 1].x), l[i - 1].y + t * (l[i].y - l[i - 1].y)};
    }
    s -= len;
  }
  return l.back();
}

}  // namespace

int main(int argc, char** argv) {
  const size_t n_routes = argc > 1 ? std::stoul(argv[1]) : 1000;
  const size_t n_incidents = argc > 2 ? std::stoul(argv[2]) : 100000;
  const fs::path scratch = argc > 3 ? fs::path(argv[3]) : fs::path("/tmp/secmap_bench_border");
  fs::create_directories(scratch);
  const MetricFrame frame("EPSG:9208");

  BorderLine line;
  line.id = 1;
  const fs::path real =
      fs::path(SECMAP_REALDATA_DIR) / "vn_cn_border_line_from_communes2025.geojson";
  if (fs::exists(real)) {
    line.parts_lonlat.push_back(io::read_routes(real).at(0).line);
    std::printf("border: %s\n", real.filename().c_str());
  } else {
    geo::LineString zig;  // 770 km of 200 m steps north-east from Lào Cai
    for (int i = 0; i <= 3850; ++i)
      zig.push_back(frame.to_lonlat(
          geo::Point{300000 + 150.0 * i, 2480000 + (i % 40 < 20 ? 130.0 : -130.0) * (i % 20)}));
    line.parts_lonlat.push_back(zig);
    std::printf("border: synthetic zigzag (no real data at %s)\n", real.c_str());
  }
  line.parts_m.push_back(frame.to_metric(line.parts_lonlat[0]));
  const auto& lm = line.parts_m[0];
  const double total = line_length(lm);
  const auto segs = split_fixed(line, frame, 5000);
  std::printf("line %.1f km, %zu vertices, %zu segments of 5 km (%s)\n", total / 1000, lm.size(),
              segs.size(), frame.crs().c_str());

  // Routes: stretches of 3–15 km of the border, shifted 0–700 m to one side, vertices every
  // ~100 m; half done, half planned, over two years. Crossings: 200 on the line.
  std::mt19937_64 rng(20250701);
  std::uniform_real_distribution<double> u01(0, 1);
  std::vector<Route> routes(n_routes);
  for (size_t r = 0; r < n_routes; ++r) {
    const double len = 3000 + 12000 * u01(rng), s0 = (total - len) * u01(rng);
    const double off = 700 * (2 * u01(rng) - 1);
    geo::Point n0;
    along(lm, s0, &n0);
    for (double s = s0; s <= s0 + len; s += 100) {
      geo::Point n;
      const geo::Point p = along(lm, s, &n);
      routes[r].m.push_back({p.x + n0.x * off, p.y + n0.y * off});
    }
    routes[r].id = int64_t(r + 1);
    routes[r].state = r % 2 ? "done" : "planned";
    routes[r].start_day = routes[r].end_day = int32_t(20089 + rng() % 700);
    routes[r].lonlat = frame.to_lonlat(routes[r].m);
    routes[r].length_m = line_length(routes[r].m);
  }
  std::vector<Crossing> crossings(200);
  for (size_t k = 0; k < crossings.size(); ++k) {
    crossings[k].id = int64_t(k + 1);
    crossings[k].m = along(lm, total * (double(k) + 0.5) / double(crossings.size()), nullptr);
  }
  BorderIncidents inc;
  for (size_t i = 0; i < n_incidents; ++i) {
    const geo::Point p = along(lm, total * u01(rng), nullptr);
    inc.m.push_back({p.x + 20000 * (u01(rng) - 0.5), p.y + 20000 * (u01(rng) - 0.5)});
    inc.day.push_back(int32_t(19724 + rng() % 730));  // 2024-01-01 + 2 years
    inc.group.push_back(int8_t(rng() % kBorderGroups));
  }
  const analysis::Window cur{"2025", 20089, 20453}, base = analysis::same_window_year_before(cur);

  // secmap: best of 5, on one thread and on two (the default).
  Coverage cov;
  std::vector<GroupCounts> counts;
  double t_cov = 1e300, t_inc = 1e300;
  for (int threads : {1, 2}) {
    double w_cov = 1e300, w_inc = 1e300, c_cov = 1e300, c_inc = 1e300;
    for (int rep = 0; rep < 5; ++rep) {
      double t0 = now(), c0 = cpu_now();
      cov = compute_coverage(segs, crossings, routes, {1000, 0.8, threads});
      w_cov = std::min(w_cov, now() - t0);
      c_cov = std::min(c_cov, cpu_now() - c0);
      t0 = now(), c0 = cpu_now();
      counts = count_near_segments(segs, inc, 5000, cur, base, threads);
      w_inc = std::min(w_inc, now() - t0);
      c_inc = std::min(c_inc, cpu_now() - c0);
    }
    std::printf(
        "secmap, %d thread%s: coverage %.1f ms + incidents %.1f ms = %.1f ms wall, %.1f ms "
        "CPU\n",
        threads, threads > 1 ? "s" : "", w_cov * 1e3, w_inc * 1e3, (w_cov + w_inc) * 1e3,
        (c_cov + c_inc) * 1e3);
    t_cov = w_cov, t_inc = w_inc;
  }
  size_t covered = 0, crossings_covered = 0;
  int64_t pairs = 0;
  for (const auto& c : cov.segments) covered += c.covered;
  for (const auto& c : cov.crossings) crossings_covered += c.covered;
  for (const auto& c : counts) pairs += c.total_current() + c.total_baseline();
  std::printf(
      "secmap:     coverage %.1f ms + incidents %.1f ms = %.1f ms wall, 2 threads (target ≤ 500 "
      "ms)\n",
      t_cov * 1e3, t_inc * 1e3, (t_cov + t_inc) * 1e3);
  std::printf(
      "            %zu/%zu segments covered, %zu/%zu crossings, %lld (incident, segment) "
      "pairs in the two windows\n",
      covered, segs.size(), crossings_covered, crossings.size(), static_cast<long long>(pairs));

  if (argc > 4 && std::string(argv[4]) == "nopeer") return 0;
  // The SpatiaLite peer on the same metric coordinates (SRID 0: planar).
  const fs::path dbp = scratch / "peer.sqlite";
  fs::remove(dbp);
  auto db = store::Database::open(dbp, store::Database::Mode::CreateIfMissing);
  db.exec(
      "CREATE TABLE b_segs (id INTEGER PRIMARY KEY); SELECT AddGeometryColumn('b_segs', 'geom', "
      "0, 'LINESTRING', 'XY'); CREATE TABLE b_routes (id INTEGER PRIMARY KEY, done INTEGER, day "
      "INTEGER); SELECT AddGeometryColumn('b_routes', 'geom', 0, 'LINESTRING', 'XY'); "
      "CREATE TABLE b_inc (id INTEGER PRIMARY KEY, day INTEGER, grp INTEGER); SELECT "
      "AddGeometryColumn('b_inc', 'geom', 0, 'POINT', 'XY');");
  {
    store::Transaction tx(db);
    auto s = db.prepare("INSERT INTO b_segs (id, geom) VALUES (?, LineFromText(?, 0))");
    for (size_t i = 0; i < segs.size(); ++i) {
      s.reset();
      s.bind(1, int64_t(i)).bind(2, wkt(segs[i].m)).run();
    }
    auto r = db.prepare("INSERT INTO b_routes VALUES (?, ?, ?, LineFromText(?, 0))");
    for (size_t i = 0; i < routes.size(); ++i) {
      r.reset();
      r.bind(1, int64_t(i)).bind(2, routes[i].done() ? 1 : 0).bind(3, *routes[i].start_day);
      r.bind(4, wkt(routes[i].m)).run();
    }
    auto p = db.prepare("INSERT INTO b_inc VALUES (?, ?, ?, MakePoint(?, ?, 0))");
    for (size_t i = 0; i < inc.size(); ++i) {
      p.reset();
      p.bind(1, int64_t(i)).bind(2, inc.day[i]).bind(3, int(inc.group[i]));
      p.bind(4, inc.m[i].x).bind(5, inc.m[i].y).run();
    }
    tx.commit();
  }
  db.exec(
      "SELECT CreateSpatialIndex('b_routes', 'geom'); SELECT CreateSpatialIndex('b_inc', 'geom');");
  double t0 = now();
  auto q = db.prepare(
      "SELECT s.id, ST_Length(ST_Intersection(s.geom, (SELECT ST_Union(ST_Buffer(r.geom, 1000)) "
      "FROM b_routes r WHERE r.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = "
      "'b_routes' AND search_frame = ST_Buffer(s.geom, 1000))))) / ST_Length(s.geom) FROM b_segs s "
      "ORDER BY s.id");
  size_t peer_covered = 0, agree = 0;
  double max_diff = 0;
  while (q.step()) {
    const double f = q.is_null(1) ? 0 : q.column_double(1);
    const size_t i = size_t(q.column_int(0));
    peer_covered += f >= 0.8;
    agree += (f >= 0.8) == cov.segments[i].covered;
    max_diff = std::max(max_diff, std::abs(f - cov.segments[i].fraction) * segs[i].length_m);
  }
  const double t_peer_cov = now() - t0;
  t0 = now();
  auto qi = db.prepare(
      "SELECT count(*) FROM b_segs s JOIN b_inc i ON i.ROWID IN (SELECT ROWID FROM SpatialIndex "
      "WHERE f_table_name = 'b_inc' AND search_frame = ST_Buffer(s.geom, 5000)) AND "
      "ST_Distance(s.geom, i.geom) <= 5000 AND ((i.day BETWEEN ? AND ?) OR (i.day BETWEEN ? AND "
      "?))");
  qi.bind(1, cur.from).bind(2, cur.to).bind(3, base.from).bind(4, base.to);
  qi.step();
  const int64_t peer_pairs = qi.column_int(0);
  const double t_peer_inc = now() - t0;
  std::printf("SpatiaLite: coverage %.1f ms + incidents %.1f ms = %.1f ms\n", t_peer_cov * 1e3,
              t_peer_inc * 1e3, (t_peer_cov + t_peer_inc) * 1e3);
  std::printf(
      "            %zu segments covered (agrees on %zu/%zu; largest covered-length "
      "difference %.2f m, GEOS buffers are polygons), %lld pairs\n",
      peer_covered, agree, segs.size(), max_diff, static_cast<long long>(peer_pairs));
  std::printf("ratio SpatiaLite / secmap: %.1fx\n", (t_peer_cov + t_peer_inc) / (t_cov + t_inc));
  return 0;
}
