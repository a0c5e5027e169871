// secmap animate DB --from --to --step 7d --out FILE.gif|mp4: the incidents of a window step by
// step (e.g. week by week through a Tết campaign), one frame per step.
#include <cstdio>
#include <iostream>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "briefing/animation.h"
#include "briefing/video_writer.h"
#include "briefing/view_render.h"
#include "render/map_data.h"
#include "store/database.h"

namespace secmap::app {

int cmd_animate(const Args& args) {
  CLI::App app{"A time animation of the incidents to an animated GIF or an MP4 (ffmpeg)",
               "secmap animate"};
  std::string db_path, from, to, step = "7d", size = "1280x720", out, style = "count",
                                 layers = "communes,border,incidents", bbox;
  int64_t slide_id = 0;
  bool pub = false, quiet = false;
  int frame_ms = 800;
  app.add_option("DB", db_path, "secmap database")->required();
  app.add_option("--from", from, "first day (YYYY-MM-DD)")->check(calendar_day())->required();
  app.add_option("--to", to, "last day (YYYY-MM-DD)")->check(calendar_day())->required();
  app.add_option("--step", step, "step length: 7d (default), 1d, 2w …");
  app.add_option("--size", size, "frame size WxH (default 1280x720, at most 7680x4320)");
  app.add_option("--out", out, "FILE.gif or FILE.mp4 (MP4 needs the ffmpeg program)")->required();
  app.add_flag("--public", pub, "public-safe frames: incidents only as commune counts");
  app.add_option("--style", style, "commune style (default count)");
  app.add_option("--layers", layers, "layers (default communes,border,incidents)");
  app.add_option("--bbox", bbox, "minlon,minlat,maxlon,maxlat (default: the data extent)");
  app.add_option("--slide", slide_id, "take extent, layers and style from this slide id");
  app.add_option("--frame-ms", frame_ms, "milliseconds per frame (default 800)")
      ->check(CLI::Range(20, 10000));
  app.add_flag("--quiet,-q", quiet, "no progress lines");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  try {
    auto db = store::Database::open(db_path);
    briefing::AnimationOptions o;
    o.out = out;
    o.from = from;
    o.to = to;
    o.step_days = briefing::parse_step(step);
    std::tie(o.width, o.height) = briefing::parse_size(size);
    o.public_safe = pub;
    o.frame_ms = frame_ms;
    if (slide_id > 0) {
      auto s = briefing::find_slide(db, slide_id);
      if (!s) throw briefing::SlideError("no slide with id " + std::to_string(slide_id));
      o.view = s->view;
      o.public_safe = o.public_safe || s->is_public;
    } else {
      o.view.style = style;
      o.view.layers.clear();
      for (size_t a = 0; a <= layers.size();) {
        size_t b = std::min(layers.find(',', a), layers.size());
        if (b > a) o.view.layers.push_back(layers.substr(a, b - a));
        a = b + 1;
      }
      if (!bbox.empty()) {
        double v[4];
        if (std::sscanf(bbox.c_str(), "%lf,%lf,%lf,%lf", &v[0], &v[1], &v[2], &v[3]) != 4 ||
            !(v[0] < v[2] && v[1] < v[3]))
          throw briefing::SlideError("--bbox '" + bbox + "' must be minlon,minlat,maxlon,maxlat");
        o.view.bbox_lonlat = geo::BBox{v[0], v[1], v[2], v[3]};
      }
    }
    // Checked before the (slow) load so a typo fails at once.
    briefing::frame_count(o.from, o.to, o.step_days);
    briefing::check_video_path(o.out);
    const render::MapData data = render::load_map_data(db);
    std::ostringstream sink;
    auto r =
        briefing::write_animation(data, o, quiet ? static_cast<std::ostream&>(sink) : std::cerr);
    std::printf("%d frames → %s in %.1f s\n", r.frames, out.c_str(), r.seconds);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secmap animate: %s\n", e.what());
    return 1;
  }
}

}  // namespace secmap::app
