// `secmap render DB --out FILE.png ...`: the map as a PNG through a headless EGL context.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "io/png.h"
#include "render/egl_context.h"
#include "render/fonts.h"
#include "render/gl_util.h"
#include "render/headless.h"
#include "render/style.h"
#include "store/database.h"
#include "ui/patrol_planning.h"

namespace secmap::app {
namespace {

bool parse_size(const std::string& s, int& w, int& h) {
  char x = 0;
  std::istringstream in(s);
  return (in >> w >> x >> h) && (x == 'x' || x == 'X') && in.peek() == EOF && w > 0 && h > 0 &&
         w <= 16384 && h <= 16384;
}

bool parse_bbox(const std::string& s, geo::BBox& b) {
  double v[4];
  char c[3] = {};
  std::istringstream in(s);
  if (!(in >> v[0] >> c[0] >> v[1] >> c[1] >> v[2] >> c[2] >> v[3]) || in.peek() != EOF)
    return false;
  if (c[0] != ',' || c[1] != ',' || c[2] != ',') return false;
  if (!(v[0] < v[2] && v[1] < v[3]) || v[0] < -180 || v[2] > 180 || v[1] < -85.06 || v[3] > 85.06)
    return false;
  b = {v[0], v[1], v[2], v[3]};
  return true;
}

}  // namespace

int cmd_render(const Args& args) {
  CLI::App app{"Render the map to a PNG (headless OpenGL through EGL)", "secmap render"};
  std::string db_path, out, size = "1280x800", bbox_s, layers_s, style_s = "drugfree", from_s, to_s,
                            lang_s = "vi";
  bool plain = false, verbose = false;
  render::HeadlessRequest req;
  app.add_option("DB", db_path, "secmap database")->required();
  app.add_option("--out", out, "output PNG file")->required();
  app.add_option("--size", size, "image size WxH (default 1280x800)");
  app.add_option("--bbox", bbox_s, "minlon,minlat,maxlon,maxlat (default: the data extent)");
  app.add_option("--layers", layers_s,
                 "comma-separated: communes,border,facilities,incidents,crossings (default all)");
  app.add_option("--style", style_s,
                 "commune styling: drugfree (default), antt, movement, designations, count, rate, "
                 "change (against the same window a year earlier), hotspots (Gi*), kde (density), "
                 "plain");
  app.add_option("--bandwidth", req.map.kde_bandwidth_m,
                 "kde: Gaussian sigma in metres (default 2000)")
      ->check(CLI::Range(50.0, 100000.0));
  app.add_option("--from", from_s, "first day of incidents shown (YYYY-MM-DD)")
      ->check(calendar_day());
  app.add_option("--to", to_s, "last day of incidents shown (YYYY-MM-DD)")->check(calendar_day());
  app.add_flag("--plain", plain, "only the layers asked for, in one colour, no decorations");
  app.add_option("--lang", lang_s, "legend language: vi (default) or en");
  app.add_option(
         "--msaa", req.samples,
         "multisample count for styled maps (default: 4 on a GPU, 1 on a software renderer)")
      ->check(CLI::Range(1, 16));
  std::string bins_s = "auto";
  app.add_option("--bins", bins_s,
                 "incidents as a grid of counts per cell: auto (default: when more than a few "
                 "thousand would overlap in the view), on, off");
  bool coverage = false;
  app.add_flag("--coverage", coverage,
               "colour the border's 5 km segments by patrol coverage in the --from/--to window "
               "(layer coverage, sensitive: never in public views) and link the BLO offices "
               "(layer links); also when --layers names coverage or links");
  app.add_flag("--verbose,-v", verbose, "print timings");
  if (auto rc = parse_or_exit(app, args)) return *rc;

  auto fail = [](const std::string& msg) {
    std::fprintf(stderr, "secmap render: %s\n", msg.c_str());
    return 1;
  };
  if (!parse_size(size, req.width, req.height))
    return fail("--size '" + size + "' is not WxH (e.g. 1920x1080, at most 16384 each side)");
  if (!bbox_s.empty()) {
    geo::BBox b;
    if (!parse_bbox(bbox_s, b))
      return fail("--bbox '" + bbox_s +
                  "' is not minlon,minlat,maxlon,maxlat with min < max in degrees");
    req.bbox_lonlat = b;
  }
  auto style = render::parse_style(style_s);
  if (!style)
    return fail("--style '" + style_s +
                "' is unknown (drugfree, antt, movement, designations, count, rate, change, "
                "hotspots, kde, plain)");
  if (lang_s != "vi" && lang_s != "en")
    return fail("--lang must be vi or en, not '" + lang_s + "'");
  if (bins_s != "auto" && bins_s != "on" && bins_s != "off")
    return fail("--bins must be auto, on or off, not '" + bins_s + "'");
  req.map.binning = bins_s == "on"    ? render::MapOptions::Binning::On
                    : bins_s == "off" ? render::MapOptions::Binning::Off
                                      : render::MapOptions::Binning::Auto;
  req.map.style = *style;
  req.map.plain = plain || *style == render::StyleKind::Plain;
  req.map.lang = lang_s == "en" ? render::Lang::En : render::Lang::Vi;
  req.verbose = verbose;
  if (!from_s.empty()) {
    auto d = render::day_number(from_s);
    if (!d) return fail("--from '" + from_s + "' is not a date YYYY-MM-DD");
    req.map.days.from = *d;
  }
  if (!to_s.empty()) {
    auto d = render::day_number(to_s);
    if (!d) return fail("--to '" + to_s + "' is not a date YYYY-MM-DD");
    req.map.days.to = *d;
  }
  if (req.map.days.from > req.map.days.to) return fail("--from is after --to");

  const auto t0 = std::chrono::steady_clock::now();
  try {
    render::LoadOptions lo;
    if (!layers_s.empty()) lo.layers = render::parse_layers(layers_s);
    if (lo.layers.empty()) return fail("--layers names no layer");
    req.map.layers = lo.layers;
    // Count, rate, change, hotspots and kde need the incidents even when they are not drawn.
    if (render::style_uses_incidents(req.map.style) && lo.layers.count("communes"))
      lo.layers.insert("incidents");

    auto db = store::Database::open(db_path);
    const auto tl = std::chrono::steady_clock::now();
    render::MapData data = render::load_map_data(db, lo);
    const double load_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tl).count();
    if (verbose)
      std::fprintf(stderr,
                   "loaded %zu communes, %zu border lines, %zu crossings, %zu facilities, %zu "
                   "incidents in %.1f ms\n",
                   data.communes.size(), data.border.size(), data.crossings.size(),
                   data.facilities.size(), data.incidents.size(), load_ms);
    if (coverage ||
        (!layers_s.empty() && (lo.layers.count("coverage") || lo.layers.count("links")))) {
      ui::PatrolPlanning patrol;  // the window's Patrol panel computes the same
      patrol.open(db);
      if (!patrol.available()) return fail("--coverage: " + patrol.error());
      req.map.coverage = patrol.plan(db, req.map.days).layer;
      req.map.links = patrol.links();
      if (coverage) req.map.layers.insert({"coverage", "links"});
    }
    render::HeadlessResult r = render::render_headless(data, req, std::cerr);
    io::write_png(out, r.image);
    const double total =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (verbose) std::fprintf(stderr, "total %.1f ms (incl. PNG)\n", total);
    std::fprintf(stderr, "wrote %s (%dx%d)\n", out.c_str(), req.width, req.height);
    return 0;
  } catch (const std::invalid_argument& e) {
    return fail(e.what());
  } catch (const render::ContextError& e) {
    return fail(std::string(e.what()) + "; a headless render needs EGL with Mesa or a GPU driver");
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace secmap::app
