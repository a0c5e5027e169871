// Kernel density, CPU path: the surface integrates to the number of incidents, a single point
// gives the analytic 2-D Gaussian, the result is symmetric and independent of the thread count,
// the filters match the other subcommands, and the .asc/.prj and CSV outputs parse.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <numbers>
#include <random>
#include <sstream>

#include "analysis/dates.h"
#include "analysis/kde.h"
#include "analysis_fixture.h"
#include "geo/crs.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

std::vector<geo::Point> random_points(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> cx(500000, 3000), cy(2500000, 2000);
  std::uniform_real_distribution<double> ux(480000, 520000), uy(2480000, 2520000);
  std::vector<geo::Point> pts(n);
  for (size_t i = 0; i < n; ++i)
    pts[i] = i % 3 ? geo::Point{cx(rng), cy(rng)} : geo::Point{ux(rng), uy(rng)};
  return pts;
}

}  // namespace

TEST(Kde, TapsAreNormalisedAndTruncatedAtFourSigma) {
  const auto w = gaussian_taps(2.5);
  EXPECT_EQ(w.size(), 21u);  // r = floor(10)
  double s = 0;
  for (double v : w) s += v;
  EXPECT_NEAR(s, 1.0, 1e-15);
  EXPECT_EQ(gaussian_taps(0).size(), 1u);
}

TEST(Kde, IntegralEqualsIncidentCount) {
  const auto pts = random_points(20000, 7);
  const double bw = 400, cell = 100;
  KdeGrid g = kde_grid_around(pts, cell, 4 * bw + cell);  // ≥ 4σ of margin: nothing leaks
  const KdeStats st = kde_density(g, pts, bw, 2);
  EXPECT_EQ(st.binned, pts.size());
  EXPECT_EQ(st.outside, 0u);
  EXPECT_NEAR(kde_integral(g) / double(pts.size()), 1.0, 1e-6);

  // A box that cuts the data: the integral is the number of points binned inside.
  KdeGrid small = kde_grid_box(495000, 2495000, 505000, 2505000, cell);
  const KdeStats s2 = kde_density(small, pts, bw, 2);
  EXPECT_GT(s2.outside, 0u);
  EXPECT_LT(kde_integral(small), double(s2.binned));  // mass blurred out of the box is lost
}

TEST(Kde, SinglePointMatchesAnalyticGaussian) {
  const double cell = 50, bw = 250;  // σ = 5 cells
  KdeGrid g = kde_grid_box(0, 0, 101 * cell, 101 * cell, cell);
  ASSERT_EQ(g.nx, 101);
  const int c = 50;  // the point at a cell centre, so binning moves it nowhere
  const geo::Point p{(c + 0.5) * cell, (c + 0.5) * cell};
  kde_density(g, std::span(&p, 1), bw, 1);
  for (auto [di, dj] : {std::pair{0, 0}, {3, 0}, {0, -4}, {5, 5}, {-7, 7}, {10, 2}}) {
    const double d2 = (di * di + dj * dj) * cell * cell;
    const double analytic =
        std::exp(-d2 / (2 * bw * bw)) / (2 * std::numbers::pi * bw * bw) * 1e6;  // per km²
    EXPECT_NEAR(g.at(c + di, c + dj) / analytic, 1.0, 1e-3) << di << "," << dj;
  }
  EXPECT_NEAR(kde_integral(g), 1.0, 1e-6);  // float passes
}

TEST(Kde, SymmetricAndIndependentOfThreads) {
  const double cell = 10;
  KdeGrid g = kde_grid_box(0, 0, 81 * cell, 81 * cell, cell);
  const geo::Point p{40.5 * cell, 40.5 * cell};
  const std::vector<geo::Point> pts{p,
                                    {20.5 * cell, 40.5 * cell},
                                    {60.5 * cell, 40.5 * cell},
                                    {40.5 * cell, 20.5 * cell},
                                    {40.5 * cell, 60.5 * cell}};
  kde_density(g, pts, 55, 1);
  for (int j = 0; j < g.ny; ++j)
    for (int i = 0; i < g.nx; ++i) {
      // Mirrors are exact (taps are applied in symmetric pairs); the transpose swaps the order
      // of the two float passes, so it holds to float rounding.
      const double v = g.at(i, j);
      EXPECT_EQ(v, g.at(g.nx - 1 - i, j));
      EXPECT_EQ(v, g.at(i, g.ny - 1 - j));
      EXPECT_NEAR(v, g.at(j, i), 1e-6 * std::max(1e-3, v));
    }
  const auto many = random_points(5000, 3);
  KdeGrid a = kde_grid_around(many, 100, 1000), b = a;
  kde_density(a, many, 300, 1);
  kde_density(b, many, 300, 3);
  EXPECT_EQ(a.values, b.values);
}

TEST(Kde, FilteredPointsAndOutputs) {
  auto db = fresh_db("kde_outputs");
  add_square(db, "C00", 104.0, 22.0, 0.1);
  add_incident(db, {.category = "SO-06", .date = "2025-01-05", .x = 104.05, .y = 22.05});
  add_incident(db, {.category = "SO-06", .date = "2025-02-05", .x = 104.06, .y = 22.05});
  add_incident(db, {.category = "DR-01", .date = "2025-01-10", .x = 104.07, .y = 22.04});
  IncidentFilter f;
  EXPECT_EQ(load_filtered_incident_points(db, f).size(), 3u);
  f.categories = {"SO-06"};
  EXPECT_EQ(load_filtered_incident_points(db, f).size(), 2u);
  f.to = parse_day("2025-01-31");
  const auto pts = load_filtered_incident_points(db, f);
  ASSERT_EQ(pts.size(), 1u);
  EXPECT_DOUBLE_EQ(pts[0].x, 104.05);
  f.categories = {"XX-99"};
  EXPECT_THROW(load_filtered_incident_points(db, f), std::invalid_argument);

  KdeGrid g = kde_grid_box(0, 0, 300, 200, 10);
  const geo::Point p{155, 105};
  kde_density(g, std::span(&p, 1), 20, 1);
  const auto dir = secmap::test::scratch_dir("kde_outputs_files");
  write_ascii_grid(dir / "k.asc", g, geo::crs_wkt("EPSG:9208", true));
  std::ifstream in(dir / "k.asc");
  std::string key;
  double ncols = 0, nrows = 0, xll = 0, yll = 0, size = 0, nodata = 0;
  in >> key >> ncols >> key >> nrows >> key >> xll >> key >> yll >> key >> size >> key >> nodata;
  EXPECT_EQ(ncols, 30);
  EXPECT_EQ(nrows, 20);
  EXPECT_EQ(size, 10);
  double sum = 0, v = 0, first_row_max = 0;
  size_t n = 0;
  while (in >> v) {
    if (n < 30) first_row_max = std::max(first_row_max, v);
    sum += v, ++n;
  }
  EXPECT_EQ(n, 600u);
  EXPECT_NEAR(sum * g.cell_area_km2(), kde_integral(g), 1e-6);
  EXPECT_NEAR(first_row_max, g.at(15, 19), 1e-9 * g.at(15, 19));  // north row first
  std::ifstream prj(dir / "k.prj");
  std::stringstream wkt;
  wkt << prj.rdbuf();
  EXPECT_EQ(wkt.str().rfind("PROJCS[\"VN-2000_TM-3_104-45\"", 0), 0u) << wkt.str();

  write_grid_csv(dir / "k.csv", g);
  std::ifstream csv(dir / "k.csv");
  std::string line;
  std::getline(csv, line);
  EXPECT_EQ(line, "x,y,density");
  double csv_sum = 0;
  while (std::getline(csv, line)) csv_sum += std::stod(line.substr(line.rfind(',') + 1));
  EXPECT_NEAR(csv_sum * g.cell_area_km2(), 1.0, 1e-6);
}

TEST(Kde, CommandWritesGridInProvinceZone) {
  const auto dir = secmap::test::scratch_dir("kde_cli");
  {
    auto db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
    add_square(db, "C00", 104.0, 22.0, 0.1);
    db.exec("UPDATE communes SET province_name = 'Lào Cai'");
    for (int k = 0; k < 50; ++k)
      add_incident(db, {.date = "2025-03-01", .x = 104.02 + 0.001 * k, .y = 22.05});
    add_incident(db, {.date = "2024-03-01", .x = 104.05, .y = 22.05});
  }
  const auto r = secmap::test::run_command(
      secmap::test::secmap_binary().string() + " analyze " + (dir / "t.sqlite").string() +
      " kde --bandwidth 300 --cell 50 --margin 4 --from 2025-01-01 --to 2025-12-31 --out " +
      (dir / "k.asc").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("kde of 50 incidents (0 outside the grid) in EPSG:9208"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("integral 50 incidents"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "k.prj"));
}

TEST(Kde, BandwidthWiderThanGridKeepsNormalisation) {
  // σ = 1000 cells on a 9×9 grid: the surface is nearly flat at the kernel's central height.
  KdeGrid g = kde_grid_box(0, 0, 90, 90, 10);
  const geo::Point p{45, 45};
  kde_density(g, std::span(&p, 1), 10000, 2);
  const double peak = 1e6 / (2 * std::numbers::pi * 1e8);  // per km²
  EXPECT_NEAR(g.at(4, 4) / peak, 1.0, 1e-3);
  EXPECT_NEAR(g.at(0, 8) / peak, 1.0, 1e-3);
}
