// Public-safe rendering enforced by the renderer, small-count suppression, and high-resolution
// exports (tiled) that look like the 1920-wide export enlarged.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <sstream>

#include "briefing/view_render.h"
#include "briefing_fixture.h"
#include "geo/crs.h"
#include "render/headless.h"
#include "render/style.h"
#include "test_support.h"

namespace secmap::briefing {
namespace {

struct Fixture {
  std::filesystem::path db_path;
  render::MapData data;
};

Fixture load(const std::string& name, bool with_gate = false) {
  Fixture f;
  f.db_path = test::scratch_dir(name) / "b.sqlite";
  test::build_briefing_fixture(f.db_path);
  if (with_gate) test::add_public_gate(f.db_path);
  auto db = store::Database::open(f.db_path);
  f.data = render::load_map_data(db);
  return f;
}

SlideView fixture_view(std::vector<std::string> layers, std::string style = "drugfree") {
  SlideView v;
  v.bbox_lonlat = geo::BBox{103.95, 21.95, 104.25, 22.25};
  v.layers = std::move(layers);
  v.style = std::move(style);
  v.date_from = "2025-01-01";
  v.date_to = "2025-12-31";
  return v;
}

render::HeadlessResult draw(const render::MapData& data, const SlideView& v, int w, int h, bool pub,
                            int max_tile = 0) {
  auto req = view_request(data, v, w, h, pub);
  req.max_tile = max_tile;
  std::ostringstream log;
  return render::render_headless(data, req, log);
}

// Pixels with any channel differing by more than `level`.
size_t differing(const io::Image& a, const io::Image& b, int level) {
  EXPECT_EQ(a.width, b.width);
  EXPECT_EQ(a.height, b.height);
  size_t n = 0;
  for (size_t i = 0; i + 3 < a.rgba.size() && i + 3 < b.rgba.size(); i += 4)
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])) > level) {
        ++n;
        break;
      }
  return n;
}

io::Image downscale(const io::Image& big, int factor) {
  io::Image out;
  out.width = big.width / factor;
  out.height = big.height / factor;
  out.rgba.resize(static_cast<size_t>(out.width) * out.height * 4);
  for (int y = 0; y < out.height; ++y)
    for (int x = 0; x < out.width; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int dy = 0; dy < factor; ++dy)
          for (int dx = 0; dx < factor; ++dx) sum += big.pixel(x * factor + dx, y * factor + dy)[c];
        out.pixel(x, y)[c] = static_cast<uint8_t>(sum / (factor * factor));
      }
  return out;
}

TEST(PublicSafe, IncidentsAndSensitiveCrossingsDrawNothing) {
  Fixture f = load("public_blank");
  ASSERT_EQ(f.data.crossings.size(), 3u);
  for (const auto& c : f.data.crossings) EXPECT_TRUE(c.sensitive) << c.name;
  ASSERT_EQ(f.data.facilities.size(), 1u);
  EXPECT_TRUE(f.data.facilities[0].sensitive);

  const SlideView sensitive = fixture_view({"incidents", "crossings", "facilities", "patrols"});
  const SlideView blank = fixture_view({});
  auto internal = draw(f.data, sensitive, 800, 600, false);
  auto pub = draw(f.data, sensitive, 800, 600, true);
  auto empty = draw(f.data, blank, 800, 600, true);
  // Internally the layers draw (points, symbols, legend); in public nothing of them is left.
  EXPECT_GT(differing(internal.image, empty.image, 8), 500u);
  EXPECT_EQ(differing(pub.image, empty.image, 0), 0u);
  EXPECT_TRUE(pub.legend.empty());
  EXPECT_EQ(pub.incidents_drawn, 0u);
  // The same view marked public in its JSON is public whatever the caller asks.
  SlideView marked = sensitive;
  marked.public_safe = true;
  EXPECT_EQ(differing(draw(f.data, marked, 800, 600, false).image, empty.image, 0), 0u);
}

TEST(PublicSafe, PublicGateStaysVisible) {
  Fixture f = load("public_gate", true);
  const SlideView v = fixture_view({"crossings"});
  auto pub = draw(f.data, v, 800, 600, true);
  auto empty = draw(f.data, fixture_view({}), 800, 600, true);
  EXPECT_GT(differing(pub.image, empty.image, 8), 50u);  // the gate and its legend
  ASSERT_EQ(pub.legend.size(), 1u);
  ASSERT_EQ(pub.legend[0].entries.size(), 1u);  // only the gate's kind, not trail or opening
}

TEST(PublicSafe, SmallCommuneCountsAreSuppressed) {
  Fixture f = load("public_counts");
  const render::DayRange year{*render::day_number("2025-01-01"), *render::day_number("2025-12-31")};
  auto counts = f.data.incident_counts(year.from, year.to);
  ASSERT_EQ(counts.size(), 4u);
  render::StyleParams params;
  params.suppress_below = 5;
  auto open = render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, year);
  auto safe =
      render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, year, params);
  const render::Rgba no_data = safe.fill[0];
  for (size_t i = 0; i < 4; ++i) {
    const int n = counts[i];
    EXPECT_EQ(n, test::kBriefingCounts[std::stoi(f.data.communes[i].code) - 91001]);
    if (n > 0 && n < 5) {
      EXPECT_EQ(safe.cls[i], -1) << f.data.communes[i].name;
      EXPECT_GE(open.cls[i], 1) << "without suppression the commune is classed";
    } else {
      EXPECT_GE(safe.cls[i], 0) << f.data.communes[i].name;
      EXPECT_FALSE(safe.fill[i] == no_data && n > 0);
    }
  }
  bool says = false;
  for (const auto& e : safe.legend.entries) says = says || e.label.find("< 5") != std::string::npos;
  EXPECT_TRUE(says) << "the legend states the rule";
  for (const auto& e : open.legend.entries) EXPECT_EQ(e.label.find("< 5"), std::string::npos);

  // The renderer applies it: the commune with 2 incidents is drawn in the no-data grey only in
  // the public render; the one with 12 keeps its class colour.
  const SlideView v = fixture_view({"communes"}, "count");
  auto pub = draw(f.data, v, 800, 800, true);
  auto internal = draw(f.data, v, 800, 800, false);
  auto pixel_at = [&](const render::HeadlessResult& r, double lon, double lat) {
    geo::Point p = r.view.to_pixel(geo::lonlat_to_mercator({lon, lat}));
    const uint8_t* px = r.image.pixel(static_cast<int>(p.x), static_cast<int>(p.y));
    return render::Rgba{px[0], px[1], px[2], 255};
  };
  // Communes 91001 (2 incidents) at 104.0–104.1 × 22.1–22.2; 91004 (12) at 104.1–104.2 × 22.0–22.1.
  EXPECT_EQ(pixel_at(pub, 104.09, 22.115), (render::Rgba{no_data.r, no_data.g, no_data.b, 255}));
  EXPECT_FALSE(pixel_at(internal, 104.09, 22.115) == pixel_at(pub, 104.09, 22.115));
  // Classes are recomputed over the shown counts only, so the colour may change, but it is one.
  EXPECT_FALSE(pixel_at(pub, 104.19, 22.01) ==
               (render::Rgba{no_data.r, no_data.g, no_data.b, 255}));
  bool legend_says = false;
  for (const auto& s : pub.legend)
    for (const auto& e : s.entries)
      legend_says = legend_says || e.label.find("< 5") != std::string::npos;
  EXPECT_TRUE(legend_says);
}

TEST(HighResolution, TilesMatchOneFramebuffer) {
  Fixture f = load("tiles_seams");
  const SlideView v = fixture_view({"communes", "border", "crossings", "incidents"});
  auto whole = draw(f.data, v, 1600, 900, false);
  auto tiled = draw(f.data, v, 1600, 900, false, 512);
  EXPECT_EQ(whole.tiles, 1);
  EXPECT_GT(tiled.tiles, 4);
  // Tiles overlap by a margin, so symbols and labels on seams are whole: (almost) the same image.
  EXPECT_LT(differing(whole.image, tiled.image, 40), whole.image.rgba.size() / 4 / 1000);
}

TEST(HighResolution, Export7680MatchesThe1920ExportScaledUp) {
  Fixture f = load("hires");
  const SlideView v = fixture_view({"communes", "border", "crossings", "incidents"});
  auto small = draw(f.data, v, 1920, 1080, false);
  const auto t0 = std::chrono::steady_clock::now();
  auto big = draw(f.data, v, 7680, 4320, false);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "7680x4320 export: " << s << " s, " << big.tiles << " tiles\n";
  ASSERT_EQ(big.image.width, 7680);
  ASSERT_EQ(big.image.height, 4320);
  EXPECT_GT(big.tiles, 1) << "above 4096 the export is tiled";
  io::Image down = downscale(big.image, 4);
  const size_t total = static_cast<size_t>(1920) * 1080;
  const size_t far = differing(down, small.image, 64);
  std::cout << "pixels differing by > 64 levels: " << far << " of " << total << "\n";
  EXPECT_LT(far, total * 2 / 100);  // edges of text and symbols antialias differently
  // And it is not trivially equal to a different view: a shifted extent differs a lot.
  SlideView shifted = v;
  shifted.bbox_lonlat = geo::BBox{104.0, 22.0, 104.3, 22.3};
  EXPECT_GT(differing(draw(f.data, shifted, 1920, 1080, false).image, small.image, 64), total / 20);
}

TEST(HighResolution, SizeParsing) {
  EXPECT_EQ(parse_size("7680x4320"), (std::pair<int, int>{7680, 4320}));
  EXPECT_THROW(parse_size("7681x4320"), SlideError);
  EXPECT_THROW(parse_size("1920*1080"), SlideError);
  EXPECT_THROW(parse_size("x1080"), SlideError);
}

}  // namespace
}  // namespace secmap::briefing
