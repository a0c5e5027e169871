// Incident binning: the GPU hexagons count exactly the incidents the filter
// accepts, as the lattice's definition places them; the lattice stays on the ground while
// panning; the commune fills show between and through the hexagons;
// classes and legend cover every count; auto mode bins a dense province and not a close-up.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <sstream>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/headless.h"
#include "render/incident_bins.h"
#include "render/incident_filter.h"
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

TEST(Binning, HexagonsStayOnTheGroundWhilePanning) {
  View a;
  a.centre = {11.5e6, 2.55e6};
  a.m_per_px = 37.3;
  a.width = 800;
  a.height = 600;
  View b = a;
  b.pan_pixels(123.4, -56.7);
  const BinGrid ga = bin_grid(a, 16), gb = bin_grid(b, 16);
  // Ground position of a GL pixel (y up) of a view.
  auto ground = [](const View& v, double x, double y) {
    return geo::Point{v.centre.x + (x - 0.5 * v.width) * v.m_per_px,
                      v.centre.y + (y - 0.5 * v.height) * v.m_per_px};
  };
  int checked = 0;
  for (int row = 2; row < ga.rows - 2; row += 3)
    for (int col = 2; col < ga.columns - 2; col += 5) {
      // A hexagon centre of view a, found in view b: b's hexagon there has the same centre.
      const auto [ax, ay] = hex_centre(ga, col, row);
      const geo::Point g = ground(a, ax, ay);
      const double bx = (g.x - b.centre.x) / b.m_per_px + 0.5 * b.width;
      const double by = (g.y - b.centre.y) / b.m_per_px + 0.5 * b.height;
      const HexTexel t = hex_texel(gb, bx, by);
      if (t.column < 0) continue;
      const auto [cx, cy] = hex_centre(gb, t.column, t.row);
      const geo::Point h = ground(b, cx, cy);
      EXPECT_NEAR(h.x, g.x, 1e-3 * a.m_per_px);
      EXPECT_NEAR(h.y, g.y, 1e-3 * a.m_per_px);
      // Each hexagon's centre lies in that hexagon.
      const HexTexel self = hex_texel(ga, ax, ay);
      EXPECT_EQ(self.column, col);
      EXPECT_EQ(self.row, row);
      ++checked;
    }
  EXPECT_GT(checked, 50);
  // Every pixel of the view is in a texel of the grid.
  for (double x : {0.0, 0.5, 400.0, 799.5})
    for (double y : {0.0, 0.5, 300.0, 599.5}) EXPECT_GE(hex_texel(ga, x, y).column, 0);
}

TEST(Binning, GpuHexagonsCountWhatTheFilterAcceptsHexagonByHexagon) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  constexpr int W = 900, H = 700;
  Framebuffer fb(W, H, 1);
  fb.bind();
  MapRenderer renderer(d);
  View v = View::fit(d.extent, W, H);
  v.pan_pixels(17.3, -9.6);  // a lattice phase that is not zero
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

  // The lattice's definition on the CPU, in double precision.
  const BinGrid g = bin_grid(v, kBinCellPx);
  ASSERT_EQ(s.columns, g.columns);
  ASSERT_EQ(s.rows, g.rows);
  const IncidentFilter f = o.incident_filter();
  std::map<std::pair<int, int>, int> want;
  size_t in_grid = 0, near_edge = 0;
  for (size_t i = 0; i < d.incidents.size(); ++i) {
    if (!f.accepts(d.incidents, i)) continue;
    const geo::Point p = v.to_pixel(d.incidents.at[i]);
    const double x = p.x, y = H - p.y;  // GL pixels, y up
    const HexTexel t = hex_texel(g, x, y);
    if (t.column < 0) continue;
    ++in_grid;
    ++want[{t.column, t.row}];
    // Float rounding on the GPU may put a point on a hexagon edge next door.
    for (double dx : {-0.02, 0.02})
      for (double dy : {-0.02, 0.02}) {
        const HexTexel u = hex_texel(g, x + dx, y + dy);
        if (u.column != t.column || u.row != t.row) {
          ++near_edge;
          dx = dy = 1;  // once per point
        }
      }
  }
  ASSERT_GT(in_grid, 1000u);
  const std::vector<float>& got = renderer.bin_counts();
  ASSERT_EQ(got.size(), static_cast<size_t>(g.columns) * g.rows);
  double misplaced = 0, total = 0;
  for (int cy = 0; cy < g.rows; ++cy)
    for (int cx = 0; cx < g.columns; ++cx) {
      auto it = want.find({cx, cy});
      const double w = it == want.end() ? 0 : it->second;
      const float n = got[static_cast<size_t>(cy) * g.columns + cx];
      misplaced += std::abs(n - w);
      total += n;
    }
  EXPECT_NEAR(total, static_cast<double>(in_grid), static_cast<double>(near_edge));
  EXPECT_LE(misplaced, 2.0 * near_edge) << "hexagons disagree with the CPU lattice";
  EXPECT_LE(s.total, total);
  // The legend's classes cover the largest hexagon and describe hexagons.
  EXPECT_DOUBLE_EQ(s.upper.back(), s.max);
  const LegendSection leg = bin_legend(s, Lang::Vi);
  ASSERT_EQ(leg.entries.size(), s.upper.size());
  for (size_t k = 0; k < leg.entries.size(); ++k) {
    EXPECT_EQ(leg.entries[k].kind, LegendEntry::Kind::Hex);
    EXPECT_EQ(leg.entries[k].colour, s.colour[k]);
    EXPECT_EQ(leg.entries[k].colour.a, kBinFillAlpha);
    if (k > 0) {
      EXPECT_GT(leg.entries[k].symbol.scale, leg.entries[k - 1].symbol.scale);
    }
  }
  const auto sections = renderer.legend(o);
  bool found = false;
  for (const auto& sec : sections) found |= sec.title == leg.title;
  EXPECT_TRUE(found) << "the map legend does not describe the bins";
}

// Issue 3: at province zoom the bins must not hide the commune style. Every non-empty hexagon
// is drawn see-through at its centre (the commune fill mixed with the class colour at the
// legend's alpha) and leaves the commune fill untouched at its corners (gaps between hexagons).
TEST(Binning, CommuneFillsShowBetweenAndThroughTheHexagons) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  constexpr int W = 1000, H = 760;
  Framebuffer fb(W, H, 1);
  MapRenderer renderer(d);
  const View v = View::fit(d.extent, W, H);
  MapOptions o;
  o.style = StyleKind::DrugFree;
  o.layers = {"communes", "incidents"};
  o.binning = MapOptions::Binning::Auto;
  ASSERT_TRUE(incidents_binned(d, v, o)) << "province zoom should bin";
  fb.bind();
  renderer.render(v, o);
  const std::vector<uint8_t> with_bins = fb.read_rgba();
  const BinStats s = renderer.bins();
  const std::vector<float> counts = renderer.bin_counts();
  ASSERT_TRUE(s.drawn);
  MapOptions base = o;
  base.layers = {"communes"};
  renderer.render(v, base);
  const std::vector<uint8_t> communes = fb.read_rgba();
  auto px = [&](const std::vector<uint8_t>& img, int x, int y) {  // GL y up, rows from the top
    const size_t at = (static_cast<size_t>(H - 1 - y) * W + x) * 4;
    return std::array<int, 3>{img[at], img[at + 1], img[at + 2]};
  };
  const BinGrid g = bin_grid(v, kBinCellPx);
  int hexes = 0, see_through = 0;
  long gap = 0, gap_clear = 0;
  for (int row = 0; row < g.rows; ++row)
    for (int col = 0; col < g.columns; ++col) {
      const float n = counts[static_cast<size_t>(row) * g.columns + col];
      if (n < 0.5f) continue;
      const auto [cx, cy] = hex_centre(g, col, row);
      const int x = static_cast<int>(std::floor(cx)), y = static_cast<int>(std::floor(cy));
      if (x < 12 || y < 12 || x >= W - 12 || y >= H - 12) continue;
      ++hexes;
      // The centre: under = commune fill, top = the class colour; drawn = mix at the alpha.
      int k = 0;
      while (k + 1 < static_cast<int>(s.upper.size()) && n > s.upper[k]) ++k;
      const auto under = px(communes, x, y), drawn = px(with_bins, x, y);
      const Rgba top = s.colour[k];
      const int tc[3] = {top.r, top.g, top.b};
      const double a = top.a / 255.0;
      bool mixed = drawn != under;
      for (int c = 0; c < 3; ++c)
        mixed = mixed && std::abs(drawn[c] - ((1 - a) * under[c] + a * tc[c])) <= 6;
      see_through += mixed;
      // The pixels of this hexagon's cell outside its drawn (inset) hexagon keep the fill.
      const double apothem = 0.5 * g.cell_px * s.size[k];
      for (int py = y - 10; py <= y + 10; ++py)
        for (int qx = x - 10; qx <= x + 10; ++qx) {
          const HexTexel t = hex_texel(g, qx + 0.5, py + 0.5);
          if (t.column != col || t.row != row) continue;
          const double dx = std::abs(qx + 0.5 - cx), dy = std::abs(py + 0.5 - cy);
          if (std::max(dx, 0.5 * dx + 0.8660254 * dy) < apothem + 1) continue;
          ++gap;
          gap_clear += px(with_bins, qx, py) == px(communes, qx, py);
        }
    }
  ASSERT_GT(hexes, 30);
  EXPECT_GE(see_through, hexes * 9 / 10) << "hexagon centres should blend with the fill";
  EXPECT_GT(gap, hexes * 10L) << "the hexagons should leave gaps";
  EXPECT_EQ(gap_clear, gap) << "the fill should show unchanged between hexagons";
  // Filter changes keep the geometry: only uniforms.
  const uint64_t uploads = renderer.geometry_uploads();
  MapOptions few = o;
  few.status_mask = 1u;
  renderer.render(v, few);
  EXPECT_EQ(renderer.geometry_uploads(), uploads);
}

// Given classes (tiles of one export, side-by-side panes) are the ones drawn and in the legend;
// bin_classes counts a view without drawing, as render() would.
TEST(Binning, FixedClassesAreDrawnAndBinClassesMatchARender) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  constexpr int W = 800, H = 600;
  Framebuffer fb(W, H, 1);
  fb.bind();
  MapRenderer renderer(d);
  const View v = View::fit(d.extent, W, H);
  MapOptions o;
  o.layers = {"communes", "incidents"};
  o.binning = MapOptions::Binning::On;
  const std::vector<double> counted = renderer.bin_classes(v, o);
  renderer.render(v, o);
  EXPECT_EQ(counted, renderer.bins().upper);
  MapOptions fixed = o;
  fixed.bin_upper = {1, 1000, 100000};
  renderer.render(v, fixed);
  EXPECT_EQ(renderer.bins().upper, fixed.bin_upper);
  const LegendSection leg = bin_legend(renderer.bins(), Lang::En);
  ASSERT_EQ(leg.entries.size(), 3u);
  EXPECT_EQ(leg.entries[0].label, "1");
  EXPECT_EQ(leg.entries[1].label, "2 – 1,000");
  EXPECT_EQ(leg.entries[2].label, "> 1,000");
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

// Issue 7: a tiled export (here 1600×900 in tiles of at most 512 px) classes its bins once for
// the whole image: the same legend and (but for seams' antialiasing) the same pixels as one
// framebuffer. Classed per tile, a tile with fewer incidents would colour them darker.
TEST(Binning, TiledExportClassesTheBinsOnceForTheWholeImage) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  HeadlessRequest req;
  req.width = 1600;
  req.height = 900;
  req.map.layers = {"communes", "incidents"};
  req.map.binning = MapOptions::Binning::On;
  req.labels = false;
  std::ostringstream log;
  const HeadlessResult whole = render_headless(d, req, log);
  req.max_tile = 512;
  const HeadlessResult tiled = render_headless(d, req, log);
  EXPECT_EQ(whole.tiles, 1);
  ASSERT_GT(tiled.tiles, 4);
  auto bins_section = [&](const HeadlessResult& r) {
    for (const auto& s : r.legend)
      if (s.title == tr(Text::IncidentsBinned, Lang::Vi)) return s;
    ADD_FAILURE() << "no bin legend";
    return LegendSection{};
  };
  const LegendSection a = bins_section(whole), b = bins_section(tiled);
  ASSERT_FALSE(a.entries.empty());
  ASSERT_EQ(a.entries.size(), b.entries.size());
  for (size_t k = 0; k < a.entries.size(); ++k) {
    EXPECT_EQ(a.entries[k].label, b.entries[k].label);
    EXPECT_EQ(a.entries[k].colour, b.entries[k].colour);
  }
  size_t differ = 0;
  for (size_t i = 0; i < whole.image.rgba.size(); i += 4)
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(whole.image.rgba[i + c]) - int(tiled.image.rgba[i + c])) > 40) {
        ++differ;
        break;
      }
  EXPECT_LT(differ, whole.image.rgba.size() / 4 / 1000) << "tiles coloured bins differently";
}

// The compute-shader counting pass (GL 4.3) counts what the rasterised pass counts.
TEST(Binning, ComputeShaderCountsAgreeWithTheRasterPass) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  ASSERT_TRUE(major > 4 || (major == 4 && minor >= 3)) << "EGL gave GL " << major << "." << minor;
  constexpr int W = 900, H = 700;
  Framebuffer fb(W, H, 1);
  fb.bind();
  PointLayer points;
  points.set_points(d.incidents.at, d.incidents.day, d.incidents.group, d.origin,
                    packed_incident_codes(d.incidents));
  View v = View::fit(d.extent, W, H);
  v.pan_pixels(-31.7, 12.2);
  PointStyle filter;
  filter.days = {*day_number("2024-03-01"), *day_number("2025-10-31")};
  filter.status_mask = ~(1u << d.case_statuses.index_of("solved"));
  IncidentBins bins;
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  auto draw = [&](IncidentBins::Method m, BinStats& stats) {
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    bins.set_method(m);
    stats = bins.draw(points, v, d.origin, filter, kBinCellPx, 1.f);
    return fb.read_rgba();
  };
  BinStats raster, compute;
  const std::vector<uint8_t> raster_image = draw(IncidentBins::Method::Raster, raster);
  EXPECT_FALSE(bins.used_compute());
  const std::vector<float> raster_counts = bins.counts();
  const std::vector<uint8_t> compute_image = draw(IncidentBins::Method::Compute, compute);
  EXPECT_TRUE(bins.used_compute());
  const std::vector<float>& compute_counts = bins.counts();
  ASSERT_EQ(raster_counts.size(), compute_counts.size());
  ASSERT_GT(raster.total, 1000);
  double diff = 0;
  for (size_t i = 0; i < raster_counts.size(); ++i)
    diff += std::abs(raster_counts[i] - compute_counts[i]);
  EXPECT_LE(diff, 0.002 * raster.total) << "the two passes disagree";
  EXPECT_NEAR(compute.total, raster.total, 0.002 * raster.total);
  EXPECT_EQ(compute.upper, raster.upper);
  // Both draw the same hexagons.
  size_t differ = 0, inked = 0;
  for (size_t i = 0; i < raster_image.size(); i += 4) {
    inked += raster_image[i + 2] < 250;
    differ += raster_image[i] != compute_image[i] || raster_image[i + 1] != compute_image[i + 1] ||
              raster_image[i + 2] != compute_image[i + 2];
  }
  EXPECT_GT(inked, 2000u);
  EXPECT_LT(differ, inked / 100);
}

// The layers panel's KDE controls: the bandwidth and the cell size reach the density layer
// (the raster is rebuilt on that grid), a change re-renders the window, and no geometry moves.
TEST(DensityControls, BandwidthAndCellSizeReachTheDensityLayer) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  Framebuffer fb(400, 300, 1);
  fb.bind();
  MapRenderer renderer(d);
  const View v = View::fit(d.extent, 400, 300);
  MapOptions o;
  o.style = StyleKind::Kde;
  o.layers = {"communes"};
  o.kde_bandwidth_m = 1500;
  renderer.render(v, o);
  ASSERT_NE(renderer.density(), nullptr);
  EXPECT_DOUBLE_EQ(renderer.density()->cell(), 1500 / 4.0);  // automatic: a quarter of σ
  const uint64_t uploads = renderer.geometry_uploads();
  MapOptions fine = o;
  fine.kde_cell_m = 250;
  EXPECT_FALSE(same_incident_options(o, fine)) << "the window would not re-render";
  renderer.render(v, fine);
  EXPECT_DOUBLE_EQ(renderer.density()->cell(), 250);
  EXPECT_DOUBLE_EQ(renderer.density()->bandwidth(), 1500);
  MapOptions wide = fine;
  wide.kde_bandwidth_m = 4000;
  EXPECT_FALSE(same_incident_options(fine, wide));
  renderer.render(v, wide);
  EXPECT_DOUBLE_EQ(renderer.density()->bandwidth(), 4000);
  EXPECT_EQ(renderer.geometry_uploads(), uploads);
  // The legend names the bandwidth drawn.
  const auto legend = renderer.legend(wide);
  ASSERT_FALSE(legend.empty());
  EXPECT_NE(legend[0].title.find("4"), std::string::npos) << legend[0].title;
}

}  // namespace
}  // namespace secmap::test
