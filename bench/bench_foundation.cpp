// Foundation benchmarks: prints figures and ratios against SpatiaLite run in the same
// go. Never fails on time.
//   build/bench/bench_foundation [--points N] [--peer-points N] [--render-points N] [--keep DIR]
//
// 1. import of the 137 real communes (~420k vertices)          target ≤ 2 s
// 2. assigning N (default 1M) incidents to communes           target ≤ 0.5 s
//    peer: SpatiaLite's indexed ST_Within/ST_Contains join on the same points
// 3. `secmap render` of the communes + 100k incidents at 1920×1080 through EGL (llvmpipe
//    without a GPU), incidents as symbols (--bins off) and binned (default)  target ≤ 0.5 s
// 4. `secmap import` of an incident list (--import-rows, default 100k) written as an office
//    keeps it (Vietnamese headers, dd/mm/yyyy dates, categories in words) from CSV and from XLSX,
//    whole process, rows/s; peer: ogr2ogr of the same CSV into a SpatiaLite table
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/point_locator.h"
#include "io/importer.h"
#include "store/database.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Uniform points over the bbox; deterministic.
std::vector<secmap::geo::Point> random_points(const secmap::geo::BBox& box, size_t n,
                                              uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto unit = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  std::vector<secmap::geo::Point> pts(n);
  for (auto& p : pts)
    p = {box.min_x + unit() * (box.max_x - box.min_x),
         box.min_y + unit() * (box.max_y - box.min_y)};
  return pts;
}

void insert_points(secmap::store::Database& db, const std::vector<secmap::geo::Point>& pts,
                   size_t n) {
  secmap::store::Transaction tx(db);
  auto st = db.prepare(
      "INSERT INTO incidents(case_number, category, occurred_at, severity, status, geom, is_demo) "
      "VALUES (?, ?, ?, 'nghiem_trong', 'solved', MakePoint(?, ?, 4326), 1)");
  auto cats = db.prepare("SELECT code FROM incident_categories ORDER BY sort_order, code");
  std::vector<std::string> codes;
  while (cats.step()) codes.push_back(cats.column_text(0));
  for (size_t i = 0; i < n && i < pts.size(); ++i) {
    char date[32];
    std::snprintf(date, sizeof date, "2025-%02zu-%02zuT10:00:00", 1 + i % 12, 1 + i % 28);
    st.bind(1, "BENCH-" + std::to_string(i)).bind(2, codes[i % codes.size()]).bind(3, date);
    st.bind(4, pts[i].x).bind(5, pts[i].y).run();
    st.reset();
  }
  tx.commit();
}

}  // namespace

int main(int argc, char** argv) {
  size_t n_points = 1'000'000, peer_points = 200'000, render_points = 100'000,
         import_rows = 100'000;
  fs::path dir = fs::temp_directory_path() / "secmap-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--points")
      n_points = std::stoul(argv[i + 1]);
    else if (a == "--peer-points")
      peer_points = std::stoul(argv[i + 1]);
    else if (a == "--render-points")
      render_points = std::stoul(argv[i + 1]);
    else if (a == "--import-rows")
      import_rows = std::stoul(argv[i + 1]);
    else if (a == "--keep")
      dir = argv[i + 1];
  }
  const fs::path communes_file =
      fs::path(SECMAP_REALDATA_DIR) / "vn2025_communes_laocai_laichau.geojson";
  if (!fs::exists(communes_file)) {
    std::printf("bench_foundation: %s is absent; put ../shared/realdata beside the checkout\n",
                communes_file.c_str());
    return 0;
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path db_path = dir / "bench.sqlite";

  // 1. Import.
  auto db = secmap::store::Database::open(db_path, secmap::store::Database::Mode::CreateIfMissing);
  auto t0 = Clock::now();
  secmap::io::ImportOptions opt;
  opt.layer = "communes";
  opt.file = communes_file;
  auto report = secmap::io::import_file(db, opt);
  const double t_import = seconds_since(t0);
  std::printf("import communes: %zu communes in %.3f s (target ≤ 2 s)\n", report.imported,
              t_import);

  // 2. Assignment. Communes as geometries, as the importer sees them.
  std::vector<secmap::geo::Geometry> polys;
  std::vector<std::string> codes;
  {
    auto st = db.prepare("SELECT code, AsBinary(geom) FROM communes ORDER BY id");
    while (st.step()) {
      codes.push_back(st.column_text(0));
      auto blob = st.column_blob(1);
      polys.push_back(secmap::geo::from_wkb(blob));
    }
  }
  secmap::geo::BBox box;
  size_t vertices = 0;
  for (const auto& g : polys) box.add(g.bbox()), vertices += g.vertex_count();
  t0 = Clock::now();
  secmap::geo::PointLocator locator(polys);
  const double t_build = seconds_since(t0);
  auto pts = random_points(box, std::max(n_points, peer_points), 20251122);
  std::vector<secmap::geo::Point> ours(pts.begin(), pts.begin() + n_points);
  t0 = Clock::now();
  auto hits = locator.locate_all(ours);
  const double t_locate = seconds_since(t0);
  size_t inside = 0;
  for (auto h : hits) inside += h >= 0;
  std::printf(
      "assign %zu incidents to %zu communes (%zu vertices): index %.3f s + locate %.3f s "
      "= %.3f s (target ≤ 0.5 s); %zu inside a commune\n",
      n_points, polys.size(), vertices, t_build, t_locate, t_build + t_locate, inside);

  // Peer: SpatiaLite's indexed join over the same points (the rtree variant of
  // ../shared/peers/count_spatialite.py). It counts (point, commune) pairs: a few source communes
  // overlap, so a point there counts twice (count(DISTINCT) makes SQLite's plan ~25x slower).
  insert_points(db, pts, peer_points);
  db.exec("PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY;");
  t0 = Clock::now();
  auto st = db.prepare(
      "SELECT count(*) FROM communes AS c JOIN idx_incidents_geom AS r "
      "ON r.xmin <= MbrMaxX(c.geom) AND r.xmax >= MbrMinX(c.geom) "
      "AND r.ymin <= MbrMaxY(c.geom) AND r.ymax >= MbrMinY(c.geom) "
      "JOIN incidents AS i ON i.id = r.pkid AND ST_Contains(c.geom, i.geom) = 1");
  st.step();
  const long long peer_inside = st.column_int(0);
  const double t_peer = seconds_since(t0);
  size_t ours_on_peer_set = 0;
  {
    std::vector<secmap::geo::Point> same(pts.begin(), pts.begin() + peer_points);
    auto h = locator.locate_all(same);
    for (auto x : h) ours_on_peer_set += x >= 0;
  }
  std::printf(
      "peer SpatiaLite indexed ST_Contains join, %zu points: %.3f s, %lld (point, commune) pairs "
      "(secmap: %zu points inside; the difference is points in overlapping communes)\n",
      peer_points, t_peer, peer_inside, ours_on_peer_set);
  std::printf("ratio: SpatiaLite / secmap per point = %.1f×\n",
              (t_peer / static_cast<double>(peer_points)) /
                  ((t_build + t_locate) / static_cast<double>(n_points)));

  // 3. Render through the real binary: communes + render_points incidents.
  db.exec("DELETE FROM incidents");
  insert_points(db, pts, render_points);
  // Twice: every incident as a symbol (--bins off, the old way) and as drawn by default (binned
  // on the GPU when they overlap at this zoom).
  for (const char* bins : {"off", "auto"}) {
    const fs::path png = dir / (std::string("bench-bins-") + bins + ".png");
    const std::string cmd = std::string(SECMAP_BINARY) + " render " + db_path.string() + " --out " +
                            png.string() + " --size 1920x1080 --bins " + bins + " --verbose 2>&1";
    std::printf("render with --bins %s:\n", bins);
    std::fflush(stdout);
    t0 = Clock::now();
    int rc = std::system(cmd.c_str());
    const double t_render = seconds_since(t0);
    std::printf(
        "render %zu communes + %zu incidents at 1920x1080, --bins %s: %.3f s for the whole "
        "process (exit %d; target ≤ 0.5 s for the render itself: the \"draw\" figure above)\n",
        polys.size(), render_points, bins, t_render, rc);
  }

  // 4. Import of an office's incident list, CSV and XLSX, whole process.
  {
    const fs::path csv = dir / "ds_vu_viec.csv", xlsx = dir / "ds_vu_viec.xlsx";
    {
      std::FILE* f = std::fopen(csv.c_str(), "w");
      std::fprintf(f, "Số hồ sơ,Ngày xảy ra,Loại vụ việc,Mức độ,Kinh độ,Vĩ độ,Ghi chú\n");
      const char* kinds[] = {"Trộm cắp tài sản", "Đánh bạc", "SO-02", "Đường dây ma túy"};
      for (size_t i = 0; i < import_rows && i < pts.size(); ++i)
        std::fprintf(
            f, "HS-%zu,%02zu/%02zu/2025 %02zu:%02zu,%s,ít nghiêm trọng,%.6f,%.6f,ghi chú %zu\n", i,
            1 + i % 28, 1 + i % 12, i % 24, i % 60, kinds[i % 4], pts[i].x, pts[i].y, i);
      std::fclose(f);
    }
    const std::string to_xlsx = "ogr2ogr -f XLSX " + xlsx.string() + " " + csv.string() +
                                " -oo AUTODETECT_TYPE=YES > /dev/null 2>&1";
    if (std::system(to_xlsx.c_str()) != 0)
      std::printf("import: ogr2ogr could not write %s\n", xlsx.c_str());
    auto run = [&](const std::string& label, const std::string& cmd) {
      t0 = Clock::now();
      const int rc = std::system(cmd.c_str());
      const double t = seconds_since(t0);
      std::printf("import %zu rows %s: %.2f s, %.0f rows/s for the whole process (exit %d)\n",
                  import_rows, label.c_str(), t, static_cast<double>(import_rows) / t, rc);
      return t;
    };
    double t_csv = 0, t_xlsx = 0;
    for (const auto& [label, file] : {std::pair{"from CSV", csv}, std::pair{"from XLSX", xlsx}}) {
      const fs::path target = dir / "import-bench.sqlite";
      fs::remove(target);
      std::error_code ec;
      fs::copy_file(db_path, target, ec);  // the communes are there; the incidents are replaced
      secmap::store::Database::open(target).exec("DELETE FROM incidents");
      const double t =
          run(label, std::string(SECMAP_BINARY) + " import " + target.string() + " incidents " +
                         file.string() + " --accept-outside > /dev/null");
      (std::string(label) == "from CSV" ? t_csv : t_xlsx) = t;
    }
    const fs::path peer_db = dir / "import-peer.sqlite";
    fs::remove(peer_db);
    const double t_ogr =
        run("by ogr2ogr → SpatiaLite (peer: no checks, no commune, no audit)",
            "ogr2ogr -f SQLite -dsco SPATIALITE=YES " + peer_db.string() + " " + csv.string() +
                " -oo X_POSSIBLE_NAMES=Kinh* -oo Y_POSSIBLE_NAMES=Vĩ* -a_srs EPSG:4326 > "
                "/dev/null 2>&1");
    std::printf("ratio: ogr2ogr / secmap = %.2f× (CSV), %.2f× (XLSX)\n", t_ogr / t_csv,
                t_ogr / t_xlsx);
  }
  return 0;
}
