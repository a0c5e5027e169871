// Briefing exports on the demo database: one view at 1920×1080 and at 7680×4320 (tiled), the
// demo deck to PDF, and a weekly GIF through the Tết 2025 window. Prints seconds; never fails on
// time. Usage: bench_briefing [DEMO.sqlite] (default: builds one in a temporary folder).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "briefing/animation.h"
#include "briefing/deck_export.h"
#include "briefing/view_render.h"
#include "demo/demo_builder.h"
#include "render/map_data.h"
#include "store/database.h"

using namespace secmap;
namespace fs = std::filesystem;

namespace {
double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
  const fs::path dir = fs::temp_directory_path() / "secmap_bench_briefing";
  fs::create_directories(dir);
  fs::path db_path = argc > 1 ? fs::path(argv[1]) : dir / "demo.sqlite";
  if (argc <= 1) {
    demo::DemoOptions o;
    o.replace = true;
    o.realdata = fs::path(SECMAP_REALDATA_DIR);
    if (!demo::find_realdata(o.realdata)) o.realdata.reset();
    demo::build_demo(db_path, o);
  }
  auto db = store::Database::open(db_path);
  std::ostringstream log;
  auto t0 = std::chrono::steady_clock::now();
  const render::MapData data = render::load_map_data(db);
  std::printf("load map data: %.2f s (%zu incidents)\n", since(t0), data.incidents.size());

  briefing::SlideView v;  // the whole province, every layer, drug-free style
  for (auto [w, h] : {std::pair{1920, 1080}, std::pair{3840, 2160}, std::pair{7680, 4320}}) {
    t0 = std::chrono::steady_clock::now();
    auto panes = briefing::render_view(data, v, w, h, false, true, log);
    std::printf("view %dx%d: %.2f s\n", w, h, since(t0));
  }
  t0 = std::chrono::steady_clock::now();
  briefing::DeckExportOptions d;
  d.out = dir / "deck.pdf";
  auto r = briefing::export_deck(db, d, log);
  std::printf("demo deck → PDF (%d pages, maps 1465x824): %.2f s\n", r.pages, since(t0));
  briefing::AnimationOptions a;
  a.out = dir / "tet.gif";
  a.from = "2024-12-15";
  a.to = "2025-02-14";
  a.step_days = 7;
  t0 = std::chrono::steady_clock::now();
  auto g = briefing::write_animation(data, a, log);
  std::printf("Tết 2025 weekly GIF 1280x720 (%d frames): %.2f s\n", g.frames, since(t0));
  return 0;
}
