// Incident binning (issue 3 §1): the GPU grid counts exactly the incidents the filter accepts,
// cell by cell as the grid's definition places them; the grid stays on the ground while panning;
// classes and legend cover every count; auto mode bins a dense province and not a close-up.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/incident_bins.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::test {
namespace {

using namespace secmap::render;

const std::filesystem::path& demo_db() {
  static const std::filesystem::path db = [] {
    const auto path = scratch_dir("render_binning") / "demo.sqlite";
    const auto r = run_command(secmap_binary().string() + " demo " + path.string() +
                               " --synthetic --force --incidents 20000");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return path;
  }();
  return db;
}

TEST(Binning, ClassBoundsAscendAndCoverTheMaximum) {
  for (double max : {1.0, 3.0, 6.0, 7.0, 40.0, 999.0, 123456.0}) {
    const auto b = bin_class_bounds(max);
    ASSERT_FALSE(b.empty()) << max;
    EXPECT_LE(b.size(), 6u);
    EXPECT_GE(b.front(), 1.0);
    EXPECT_DOUBLE_EQ(b.back(), max);
    for (size_t k = 1; k < b.size(); ++k) EXPECT_GT(b[k], b[k - 1]) << max;
  }
  EXPECT_TRUE(bin_class_bounds(0).empty());
}

TEST(Binning, GridEdgesStayOnTheGroundWhilePanning) {
  View a;
  a.centre = {11.5e6, 2.55e6};
  a.m_per_px = 37.3;
  a.width = 800;
  a.height = 600;
  View b = a;
  b.pan_pixels(123.4, -56.7);
  const BinGrid ga = bin_grid(a, 14), gb = bin_grid(b, 14);
  // Ground x of the first cell edge left of the view: a multiple of the cell size on both.
  auto edge_x = [](const View& v, const BinGrid& g) {
    return v.centre.x - 0.5 * v.width * v.m_per_px - g.phase_x * v.m_per_px;
  };
  const double cell_m = 14 * a.m_per_px;
  const double ka = edge_x(a, ga) / cell_m, kb = edge_x(b, gb) / cell_m;
  EXPECT_NEAR(ka, std::round(ka), 1e-6);
  EXPECT_NEAR(kb, std::round(kb), 1e-6);
  EXPECT_GE(ga.columns * 14.0, a.width + ga.phase_x);
}

TEST(Binning, GpuCellsCountWhatTheFilterAcceptsCellByCell) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  constexpr int W = 900, H = 700;
  Framebuffer fb(W, H, 1);
  fb.bind();
  MapRenderer renderer(d);
  View v = View::fit(d.extent, W, H);
  v.pan_pixels(17.3, -9.6);  // a grid phase that is not zero
  MapOptions o;
  o.layers = {"communes", "incidents"};
  o.binning = MapOptions::Binning::On;
  o.severity_mask = ~(1u << d.severities.index_of("it_nghiem_trong"));
  o.days = {*day_number("2024-06-01"), *day_number("2025-12-31")};
  const uint64_t uploads = renderer.geometry_uploads();
  renderer.render(v, o);
  const BinStats& s = renderer.bins();
  ASSERT_TRUE(s.drawn);
  EXPECT_EQ(renderer.geometry_uploads(), uploads);

  // The grid's definition on the CPU, in double precision.
  const BinGrid g = bin_grid(v, kBinCellPx);
  ASSERT_EQ(s.columns, g.columns);
  ASSERT_EQ(s.rows, g.rows);
  const IncidentFilter f = o.incident_filter();
  std::map<std::pair<int, int>, int> want;
  size_t in_grid = 0, near_edge = 0;
  for (size_t i = 0; i < d.incidents.size(); ++i) {
    if (!f.accepts(d.incidents, i)) continue;
    const geo::Point p = v.to_pixel(d.incidents.at[i]);
    const double x = p.x + g.phase_x, y = (H - p.y) + g.phase_y;  // GL pixels, y up
    const int cx = static_cast<int>(std::floor(x / g.cell_px));
    const int cy = static_cast<int>(std::floor(y / g.cell_px));
    if (cx < 0 || cy < 0 || cx >= g.columns || cy >= g.rows) continue;
    ++in_grid;
    ++want[{cx, cy}];
    const double fx = x / g.cell_px - cx, fy = y / g.cell_px - cy;
    if (std::min({fx, fy, 1 - fx, 1 - fy}) * g.cell_px < 0.01) ++near_edge;  // float rounding
  }
  ASSERT_GT(in_grid, 1000u);
  EXPECT_NEAR(s.total, static_cast<double>(in_grid), static_cast<double>(near_edge));
  const std::vector<float>& got = renderer.bin_counts();
  ASSERT_EQ(got.size(), static_cast<size_t>(g.columns) * g.rows);
  double misplaced = 0;
  for (int cy = 0; cy < g.rows; ++cy)
    for (int cx = 0; cx < g.columns; ++cx) {
      auto it = want.find({cx, cy});
      const double w = it == want.end() ? 0 : it->second;
      misplaced += std::abs(got[static_cast<size_t>(cy) * g.columns + cx] - w);
    }
  EXPECT_LE(misplaced, 2.0 * near_edge) << "cells disagree with the CPU grid";
  // The legend's classes cover the largest cell.
  EXPECT_DOUBLE_EQ(s.upper.back(), s.max);
  const LegendSection leg = bin_legend(s, Lang::Vi);
  EXPECT_EQ(leg.entries.size(), s.upper.size());
  const auto sections = renderer.legend(o);
  bool found = false;
  for (const auto& sec : sections) found |= sec.title == leg.title;
  EXPECT_TRUE(found) << "the map legend does not describe the bins";
}

TEST(Binning, AutoBinsTheDenseProvinceAndNotACloseUp) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  MapOptions o;
  const View wide = View::fit(d.extent, 1280, 800);
  EXPECT_TRUE(incidents_binned(d, wide, o));
  View close = wide;
  close.centre = d.incidents.at[0];
  close.m_per_px = 2;  // a few hundred metres across
  EXPECT_FALSE(incidents_binned(d, close, o));
  // A filter that leaves few incidents draws them one by one even province-wide.
  MapOptions few = o;
  few.days = {d.incidents.day[0], d.incidents.day[0]};
  EXPECT_FALSE(incidents_binned(d, wide, few));
  MapOptions off = o;
  off.binning = MapOptions::Binning::Off;
  EXPECT_FALSE(incidents_binned(d, wide, off));
}

}  // namespace
}  // namespace secmap::test
