// Map-window frame times: the real `secmap map` driven by a script (the
// SECMAP_UI_SCRIPT hook) under Xvfb — Mesa llvmpipe when there is no GPU — on the real 137
// communes + N incidents (synthetic province when ../shared/realdata is absent). Prints figures;
// never fails on time.
//   build/bench/bench_frames [--incidents N] [--size WxH] [--keep DIR]
//
// 1. panning: a drag of 150 frames                          target ≥ 30 frames per second
// 2. applying a new time window (campaign-like windows)      target ≤ 50 ms
// 3. wheel zoom (30 steps) and idle frames, for reference
// 4. saving one incident field in the edit form, to the next drawn frame  target ≤ 50 ms
// 5. new time windows with the Patrol and Cooperation panels open       target ≤ 50 ms
// All of it twice: incidents as symbols (`bins off`, how the window drew them before binning)
// and as drawn by default (binned when they would overlap).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "store/database.h"

namespace fs = std::filesystem;

namespace {

struct Frame {
  double ms = 0, map_ms = 0;
  std::string command;
};

int sh(const std::string& cmd) {
  const int rc = std::system(cmd.c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

void summary(const char* what, std::vector<double> v, const char* unit = "ms") {
  if (v.empty()) {
    std::printf("  %-34s (no frames)\n", what);
    return;
  }
  std::sort(v.begin(), v.end());
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / v.size();
  const double p95 = v[std::min(v.size() - 1, v.size() * 95 / 100)];
  std::printf("  %-34s n=%-4zu mean %7.1f %s  median %7.1f  p95 %7.1f  max %7.1f", what, v.size(),
              mean, unit, v[v.size() / 2], p95, v.back());
  if (std::string(unit) == "ms") std::printf("  (%.1f fps)", 1000.0 / mean);
  std::printf("\n");
}

// Runs the window on the script for one binning mode and prints its frame figures.
// Runs the window on the script for one binning mode and prints its frame figures.
int run_script(const fs::path& dir, const fs::path& db, const std::string& size, const char* bins,
               const std::vector<int64_t>& edit_ids) {
  // The script: settle, drag, settle, time windows, wheel zoom, idle.
  std::ostringstream s;
  // The border panels closed first (they start open), opened for the last part.
  s << "bins " << bins << "\npanel patrol off\npanel cooperation off\nwait 5\n";
  for (int i = 0; i < 150; ++i)
    s << "pan " << (i < 75 ? 6 : -6) << " " << (i % 50 < 25 ? 3 : -3) << "\n";
  s << "wait 5\n";
  const char* windows[][2] = {{"2024-12-15", "2025-02-14"}, {"2023-12-15", "2024-02-14"},
                              {"2025-01-01", "2025-12-31"}, {"2025-06-01", "2025-06-30"},
                              {"2024-01-01", "2026-12-31"}, {"2025-03-01", "2025-05-31"}};
  for (const auto& w : windows) s << "set-time " << w[0] << " " << w[1] << "\nwait 3\n";
  for (int i = 0; i < 30; ++i) s << "zoom " << (i < 15 ? 1.08 : 1 / 1.08) << " 500 350\n";
  s << "wait 20\n";
  // One field of one incident saved from the form, as an analyst would, six times.
  for (size_t i = 0; i < edit_ids.size(); ++i)
    s << "edit-open " << edit_ids[i] << "\nedit-field description Bench " << bins << " " << i
      << "\nedit-save\nwait 5\n";
  // The time windows again with both border panels open.
  s << "panel patrol on\npanel cooperation on\nwait 10\n";
  for (const auto& w : windows) s << "set-time " << w[0] << " " << w[1] << "\nwait 3\n";
  s << "panel patrol off\npanel cooperation off\nwait 5\nquit\n";
  const fs::path script = dir / (std::string("frames-script-") + bins + ".txt"),
                 log = dir / (std::string("frames-") + bins + ".tsv");
  std::ofstream(script) << s.str();

  const bool display = std::getenv("DISPLAY") != nullptr;
  const std::string cmd = std::string(display ? "" : "xvfb-run -a ") + "env XDG_CONFIG_HOME='" +
                          (dir / "config").string() + "' SECMAP_UI_FRAME_LOG='" + log.string() +
                          "' '" + SECMAP_BINARY + "' map '" + db.string() +
                          "' --no-restore --size " + size + " --script '" + script.string() +
                          "' 2>&1";
  std::printf("  running: %s\n", cmd.c_str());
  std::fflush(stdout);
  if (sh(cmd) != 0) {
    std::fprintf(stderr, "bench_frames: the map window failed (is xvfb-run installed?)\n");
    return 1;
  }

  std::vector<Frame> frames;
  std::ifstream in(log);
  for (std::string line; std::getline(in, line);) {
    std::istringstream ls(line);
    Frame f;
    std::string index;
    std::getline(ls, index, '\t');
    ls >> f.ms >> f.map_ms;
    ls.get();
    std::getline(ls, f.command);
    frames.push_back(f);
  }
  // A frame that runs no command of its own (a `wait` step, or none).
  auto idle_step = [](const Frame& f) {
    return f.command.empty() || f.command.rfind("wait", 0) == 0;
  };
  std::vector<double> pan, pan_render, window_apply, window_render, zoom, idle, save_to_frame,
      panels_window, panels_after;
  size_t pan_renders = 0;
  bool panels_open = false;
  for (size_t i = 1; i < frames.size(); ++i) {
    const Frame& f = frames[i];
    if (f.command.rfind("panel ", 0) == 0) {
      panels_open = f.command.find(" on") != std::string::npos;
    } else if (f.command == "edit-save") {
      // From the save to the first frame that draws the map again (that frame included).
      double ms = f.ms;
      size_t j = i;
      while (frames[j].map_ms <= 0 && j + 1 < frames.size() && idle_step(frames[j + 1]))
        ms += frames[++j].ms;
      save_to_frame.push_back(ms);
    } else if (panels_open && f.command.rfind("set-time", 0) == 0) {
      panels_window.push_back(f.ms);
      // The frames after it until the next command: the panels' results arriving.
      for (size_t j = i + 1; j < frames.size() && idle_step(frames[j]); ++j)
        panels_after.push_back(frames[j].ms);
    } else if (panels_open) {
      continue;
    } else if (f.command.rfind("pan ", 0) == 0) {
      pan.push_back(f.ms);
      if (f.map_ms > 0) ++pan_renders, pan_render.push_back(f.map_ms);
    } else if (f.command.rfind("set-time", 0) == 0) {
      window_apply.push_back(f.ms);
      window_render.push_back(f.map_ms);
    } else if (f.command.rfind("zoom", 0) == 0) {
      zoom.push_back(f.ms);
    } else if (f.map_ms == 0 && f.command.empty()) {
      idle.push_back(f.ms);
    }
  }
  std::printf("results with `bins %s` (whole frame: script step, ImGui, map, blit, swap):\n", bins);
  summary("panning, every frame", pan);
  std::printf("  %-34s %zu of %zu frames re-rendered the map layers\n", "", pan_renders,
              pan.size());
  summary("panning, frames that re-rendered", pan_render);
  summary("new time window: frame", window_apply);
  summary("new time window: map render", window_render);
  summary("wheel zoom, every frame", zoom);
  summary("idle frame (cached map)", idle);
  summary("save one incident field -> drawn", save_to_frame);
  summary("new window, border panels open", panels_window);
  summary("  frames after it, panels open", panels_after);
  std::printf(
      "targets: panning >= 30 fps; new time window <= 50 ms; save -> next frame <= 50 ms; new "
      "window with the border panels open <= 50 ms a frame\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  size_t incidents = 100000;
  std::string size = "1280x800";
  fs::path keep;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--incidents" && i + 1 < argc)
      incidents = std::stoul(argv[++i]);
    else if (a == "--size" && i + 1 < argc)
      size = argv[++i];
    else if (a == "--keep" && i + 1 < argc)
      keep = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench_frames [--incidents N] [--size WxH] [--keep DIR]\n");
      return 2;
    }
  }
  const fs::path dir = keep.empty() ? fs::temp_directory_path() / "secmap-bench-frames" : keep;
  fs::create_directories(dir);
  const bool real =
      fs::exists(fs::path(SECMAP_REALDATA_DIR) / "vn2025_communes_laocai_laichau.geojson");
  const fs::path db = dir / "frames.sqlite";
  std::printf("bench_frames: %s communes + %zu incidents, window %s\n",
              real ? "real Lào Cai + Lai Châu" : "SYNTHETIC (no ../shared/realdata)", incidents,
              size.c_str());
  if (sh(std::string("'") + SECMAP_BINARY + "' demo '" + db.string() + "' --force --incidents " +
         std::to_string(incidents) + (real ? "" : " --synthetic") + " > /dev/null") != 0) {
    std::fprintf(stderr, "bench_frames: secmap demo failed\n");
    return 1;
  }

  // The same script twice: every incident drawn as a symbol (`bins off`, as before binning),
  // then as the window draws them by default (binned on the GPU when they would overlap).
  // Incidents a form can save as they are (a received report needs no severity).
  std::vector<int64_t> edit_ids;
  {
    auto store = secmap::store::Database::open(db, secmap::store::Database::Mode::OpenExisting);
    auto st =
        store.prepare("SELECT id FROM incidents WHERE status = 'received' ORDER BY id LIMIT 6");
    while (st.step()) edit_ids.push_back(st.column_int(0));
  }
  for (const char* bins : {"off", "auto"}) {
    if (run_script(dir, db, size, bins, edit_ids) != 0) return 1;
  }
  if (!keep.empty()) std::printf("kept: %s (frames.tsv has every frame)\n", dir.string().c_str());
  return 0;
}
