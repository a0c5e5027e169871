// Public-safe rendering enforced by the renderer, small-count suppression, and high-resolution
// exports (tiled) that look like the 1920-wide export enlarged.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "briefing/animation.h"
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

TEST(PublicSafe, SmallCommuneCountsAreSuppressedAndHatched) {
  Fixture f = load("public_counts");
  const render::DayRange year{*render::day_number("2025-01-01"), *render::day_number("2025-12-31")};
  auto counts = f.data.incident_counts(year.from, year.to);
  ASSERT_EQ(counts.size(), 4u);
  render::StyleParams params;
  params.suppress_below = 5;
  auto open = render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, year);
  auto safe =
      render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, year, params);
  ASSERT_EQ(safe.hatched.size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    const int n = counts[i];
    EXPECT_EQ(n, test::kBriefingCounts[std::stoi(f.data.communes[i].code) - 91001]);
    if (n > 0 && n < 5) {
      EXPECT_EQ(safe.cls[i], -1) << f.data.communes[i].name;
      EXPECT_EQ(safe.hatched[i], 1) << f.data.communes[i].name;
      EXPECT_EQ(safe.fill[i], render::kHatchFill);
      EXPECT_GE(open.cls[i], 1) << "without suppression the commune is classed";
    } else {
      EXPECT_GE(safe.cls[i], 0) << f.data.communes[i].name;
      EXPECT_EQ(safe.hatched[i], 0) << f.data.communes[i].name;
    }
  }
  EXPECT_TRUE(open.hatched.empty() || std::count(open.hatched.begin(), open.hatched.end(), 1) == 0);
  // No public class starts below the threshold: what is under it is hidden ("5 – 7", not "1 – 7").
  int public_classes = 0;
  for (const auto& e : safe.legend.entries) {
    if (e.kind != render::LegendEntry::Kind::Fill || e.label.rfind("0 ", 0) == 0 ||
        e.label[0] < '0' || e.label[0] > '9')
      continue;
    ++public_classes;
    EXPECT_GE(std::stoi(e.label), 5) << e.label;
  }
  EXPECT_GE(public_classes, 1);
  // The legend has a hatched entry saying what it means, in both languages; no no-data entry
  // counts the hidden communes.
  auto hatch_entry = [](const render::CommuneColours& c) {
    const render::LegendEntry* e = nullptr;
    for (const auto& x : c.legend.entries)
      if (x.kind == render::LegendEntry::Kind::Hatch) e = &x;
    return e;
  };
  ASSERT_NE(hatch_entry(safe), nullptr);
  EXPECT_EQ(hatch_entry(safe)->label, "Dưới 5 — ẩn");
  EXPECT_EQ(hatch_entry(open), nullptr);
  auto safe_en =
      render::style_communes(f.data, render::StyleKind::Count, render::Lang::En, year, params);
  ASSERT_NE(hatch_entry(safe_en), nullptr);
  EXPECT_EQ(hatch_entry(safe_en)->label, "Under 5 — hidden");

  // The renderer draws it: inside the commune with 2 incidents the public render shows stripes
  // of the hatch ink over the hatch fill (neither the no-data grey nor a class colour); the one
  // with 12 keeps one flat class colour.
  const SlideView v = fixture_view({"communes"}, "count");
  auto pub = draw(f.data, v, 800, 800, true);
  auto internal = draw(f.data, v, 800, 800, false);
  auto box_colours = [&](const render::HeadlessResult& r, double lon, double lat) {
    geo::Point p = r.view.to_pixel(geo::lonlat_to_mercator({lon, lat}));
    std::map<std::array<int, 3>, int> seen;
    for (int dy = -12; dy <= 12; ++dy)
      for (int dx = -12; dx <= 12; ++dx) {
        const uint8_t* px = r.image.pixel(static_cast<int>(p.x) + dx, static_cast<int>(p.y) + dy);
        ++seen[{px[0], px[1], px[2]}];
      }
    return seen;
  };
  auto near = [](const std::array<int, 3>& c, render::Rgba want) {
    return std::abs(c[0] - want.r) + std::abs(c[1] - want.g) + std::abs(c[2] - want.b) <= 6;
  };
  // Communes 91001 (2 incidents) at 104.0–104.1 × 22.1–22.2; 91004 (12) at 104.1–104.2 × 22.0–22.1.
  const auto hidden = box_colours(pub, 104.02, 22.12);
  int ink = 0, paper = 0;
  for (const auto& [c, n] : hidden) {
    if (near(c, render::kHatchInk)) ink += n;
    if (near(c, render::kHatchFill)) paper += n;
  }
  EXPECT_GT(ink, 625 / 6) << "hatch stripes";
  EXPECT_GT(paper, 625 / 4) << "hatch background";
  const auto classed = box_colours(internal, 104.02, 22.12);
  for (const auto& [c, n] : classed) EXPECT_FALSE(near(c, render::kHatchInk));
  const auto shown = box_colours(pub, 104.12, 22.02);
  EXPECT_EQ(shown.size(), 1u) << "a classed commune is one flat colour";
  bool legend_says = false;
  for (const auto& s : pub.legend)
    for (const auto& e : s.entries)
      legend_says =
          legend_says || (e.kind == render::LegendEntry::Kind::Hatch && e.label == "Dưới 5 — ẩn");
  EXPECT_TRUE(legend_says);
  // Still nothing of the incidents layer in public: pixel-identical to a blank render.
  auto pub_incidents = draw(f.data, fixture_view({"incidents"}, "count"), 800, 800, true);
  auto blank = draw(f.data, fixture_view({}, "count"), 800, 800, true);
  EXPECT_EQ(differing(pub_incidents.image, blank.image, 0), 0u);
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

// Issue 7 §3: side by side, both panes class their counts with one set of breaks, so a colour
// means the same numbers in both; each window alone would be classed differently.
TEST(SideBySide, PanesShareOneSetOfClassBreaks) {
  Fixture f = load("side_by_side");
  SlideView v = fixture_view({"communes"}, "count");
  v.date_from = "2025-07-01";
  v.date_to = "2025-12-31";
  v.compare = ComparisonWindow{"2025-01-01", "2025-06-30", ""};
  std::ostringstream log;
  const auto panes = render_view(f.data, v, 1600, 800, false, true, log);
  ASSERT_EQ(panes.size(), 2u);
  // In the window's order: the comparison window left, the view's own right.
  EXPECT_EQ(panes[0].label, window_text("2025-01-01", "2025-06-30"));
  EXPECT_EQ(panes[1].label, window_text("2025-07-01", "2025-12-31"));
  // Colour → the class's range ("1 – 2", without the commune count).
  auto ranges = [](const std::vector<render::LegendEntry>& entries) {
    std::map<uint32_t, std::string> m;
    for (const auto& e : entries)
      if (e.kind == render::LegendEntry::Kind::Fill)
        m[e.colour.abgr()] = e.label.substr(0, e.label.find(" ("));
    return m;
  };
  ASSERT_FALSE(panes[0].legend.empty());
  ASSERT_FALSE(panes[1].legend.empty());
  const auto a = ranges(panes[0].legend[0].entries), b = ranges(panes[1].legend[0].entries);
  int common = 0;
  for (const auto& [colour, label] : a)
    if (b.count(colour)) {
      ++common;
      EXPECT_EQ(label, b.at(colour)) << "one colour, two meanings";
    }
  EXPECT_GE(common, 2);
  // Alone, the two windows' natural breaks differ: the test would catch per-pane classes.
  const render::DayRange first{*render::day_number("2025-01-01"),
                               *render::day_number("2025-06-30")};
  const render::DayRange second{*render::day_number("2025-07-01"),
                                *render::day_number("2025-12-31")};
  const auto alone_a =
      ranges(render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, second)
                 .legend.entries);
  const auto alone_b =
      ranges(render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, first)
                 .legend.entries);
  int conflicts = 0;
  for (const auto& [colour, label] : alone_a)
    conflicts += alone_b.count(colour) && alone_b.at(colour) != label;
  EXPECT_GT(conflicts, 0) << "the fixture should class the two halves differently alone";
  // Commune 91004 has 6 incidents in each half: the same colour in both panes.
  auto pixel_at = [](const PaneImage& p, double lon, double lat) {
    geo::Point q = p.view.to_pixel(geo::lonlat_to_mercator({lon, lat}));
    const uint8_t* px = p.image.pixel(static_cast<int>(q.x), static_cast<int>(q.y));
    return render::Rgba{px[0], px[1], px[2], 255};
  };
  EXPECT_EQ(pixel_at(panes[0], 104.12, 22.02), pixel_at(panes[1], 104.12, 22.02));
}

// Every frame of an animation uses one set of classes, so a colour means the same count in
// frame 1 and frame 4 (each quarter alone would be classed differently).
TEST(Animation, AllFramesShareClassBreaks) {
  Fixture f = load("animation");
  AnimationOptions o;
  o.view = fixture_view({"communes"}, "count");
  o.from = "2025-01-01";
  o.to = "2025-12-31";
  o.step_days = 92;  // four quarters
  o.width = 800, o.height = 450;
  const auto views = frame_views(o);
  const auto reqs = animation_requests(f.data, o);
  ASSERT_EQ(reqs.size(), 4u);
  ASSERT_EQ(views.size(), 4u);
  ASSERT_FALSE(reqs[0].map.commune_breaks.empty());
  for (const auto& r : reqs) EXPECT_EQ(r.map.commune_breaks, reqs[0].map.commune_breaks);
  // The breaks are those of all four windows together.
  std::vector<render::IncidentFilter> filters;
  for (const auto& r : reqs) filters.push_back(r.map.incident_filter());
  EXPECT_EQ(reqs[0].map.commune_breaks,
            render::shared_class_breaks(f.data, render::StyleKind::Count, filters, {}));
  // Alone, the quarters' natural breaks differ: per-frame classes would be caught.
  std::set<std::vector<std::string>> alone;
  for (const auto& r : reqs) {
    std::vector<std::string> labels;
    for (const auto& e :
         render::style_communes(f.data, render::StyleKind::Count, render::Lang::Vi, r.map.days)
             .legend.entries)
      labels.push_back(e.label.substr(0, e.label.find(" (")));
    alone.insert(labels);
  }
  EXPECT_GT(alone.size(), 1u) << "the fixture should class its quarters differently alone";
  // And in the legends drawn on every frame, a colour reads the same range (a legend lists the
  // classes its frame uses).
  std::ostringstream log;
  std::map<uint32_t, std::string> meaning;
  int shared = 0;
  for (size_t i = 0; i < reqs.size(); ++i) {
    const auto panes = render_panes(f.data, views[i], {reqs[i]}, o.width, true, log);
    for (const auto& e : panes.at(0).legend.at(0).entries) {
      if (e.kind != render::LegendEntry::Kind::Fill) continue;
      const std::string range = e.label.substr(0, e.label.find(" ("));
      const auto [it, fresh] = meaning.emplace(e.colour.abgr(), range);
      if (!fresh) {
        ++shared;
        EXPECT_EQ(it->second, range) << "one colour, two meanings in frame " << i + 1;
      }
    }
  }
  EXPECT_GE(shared, 3);
}

}  // namespace
}  // namespace secmap::briefing
