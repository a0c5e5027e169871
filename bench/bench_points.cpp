// Drawing many incidents headless through EGL: N synthetic incidents
// (clustered like real ones, with days, groups and codes) over a province-sized extent at
// W×H, timed per frame three ways:
//   1. points:          every incident as an antialiased GL_POINTS symbol (the unbinned path)
//   2. binned (raster): hexagon bins counted by rasterising 1-pixel points (GL 3.3)
//   3. binned (compute): hexagon bins counted in a compute shader (GL 4.3)
// The binned frames include counting, the class read-back and drawing the hexagons.
// Prints ms per frame (median of the frames after one warm-up); never fails on time.
//   bench_points [--points N] [--size WxH] [--frames F]    e.g. --points 10000000 --size 3840x2160
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/incident_bins.h"
#include "render/map_renderer.h"
#include "render/point_layer.h"
#include "render/style.h"

using namespace secmap;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Timing {
  double median = 0, mean = 0, min = 0;
};

template <class F>
Timing time_frames(int frames, F&& frame) {
  frame();  // warm-up: shader compilation, first-use allocations
  glFinish();
  std::vector<double> ms;
  for (int i = 0; i < frames; ++i) {
    const auto t0 = Clock::now();
    frame();
    glFinish();
    ms.push_back(ms_since(t0));
  }
  std::sort(ms.begin(), ms.end());
  Timing t;
  t.median = ms[ms.size() / 2];
  t.min = ms.front();
  for (double v : ms) t.mean += v / ms.size();
  return t;
}

void print(const char* what, const Timing& t) {
  std::printf("  %-26s median %9.2f ms/frame  mean %9.2f  min %9.2f  (%.1f fps)\n", what, t.median,
              t.mean, t.min, 1000.0 / t.median);
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1'000'000;
  int width = 3840, height = 2160, frames = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--points" && i + 1 < argc) {
      n = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--size" && i + 1 < argc) {
      if (std::sscanf(argv[++i], "%dx%d", &width, &height) != 2 || width < 16 || height < 16) {
        std::fprintf(stderr, "bench_points: --size must be WIDTHxHEIGHT, e.g. 3840x2160\n");
        return 2;
      }
    } else if (a == "--frames" && i + 1 < argc) {
      frames = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: bench_points [--points N] [--size WxH] [--frames F]\n");
      return 2;
    }
  }
  try {
    render::EglContext context;
    std::printf("GL_RENDERER: %s, GL %s (EGL %s)\n", context.renderer().c_str(),
                reinterpret_cast<const char*>(glGetString(GL_VERSION)), context.platform().c_str());

    // Incidents around 40 hot spots over 200 × 150 km (Lào Cai-sized), two years of days.
    std::mt19937_64 rng(20250701);
    const geo::Point origin{11'560'000, 2'540'000};
    std::vector<geo::Point> centres;
    std::uniform_real_distribution<double> ux(-100'000, 100'000), uy(-75'000, 75'000);
    for (int k = 0; k < 40; ++k) centres.push_back({origin.x + ux(rng), origin.y + uy(rng)});
    std::normal_distribution<double> spread(0, 6'000);
    std::uniform_int_distribution<int> pick(0, 39), day(20'000, 20'730), group(0, 5);
    std::uniform_int_distribution<uint32_t> code(0, 0xFFFFF);
    std::vector<geo::Point> at(n);
    std::vector<int32_t> days(n);
    std::vector<uint8_t> groups(n);
    std::vector<uint32_t> codes(n);
    for (size_t i = 0; i < n; ++i) {
      const geo::Point& c = centres[pick(rng)];
      at[i] = {c.x + spread(rng), c.y + spread(rng)};
      days[i] = day(rng);
      groups[i] = static_cast<uint8_t>(group(rng));
      codes[i] = code(rng) & 0x000F007Fu;  // a category, severity 0 and a status 0-15
    }
    render::PointLayer layer;
    auto t0 = Clock::now();
    layer.set_points(at, days, groups, origin, codes);
    glFinish();
    std::printf("%zu incidents at %dx%d: upload %.1f ms\n", n, width, height, ms_since(t0));

    geo::BBox box;
    box.add(geo::Point{origin.x - 110'000, origin.y - 85'000});
    box.add(geo::Point{origin.x + 110'000, origin.y + 85'000});
    const render::View view = render::View::fit(box, width, height);
    render::Framebuffer fb(width, height, 1);
    fb.bind();
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    auto clear = [] {
      glClearColor(0.92f, 0.94f, 0.96f, 1.f);
      glClear(GL_COLOR_BUFFER_BIT);
    };

    render::PointStyle style;  // the map's incident symbols
    style.size_px = 5;
    style.outline_px = 0.6f;
    style.outline = {255, 255, 255, 200};
    for (int c = 0; c < render::PointStyle::kMaxClasses; ++c)
      style.classes[c] = {render::Shape::Circle, render::incident_group_colour(c), 1.f};

    print("points (GL_POINTS)", time_frames(frames, [&] {
            clear();
            layer.draw(view, origin, style);
          }));
    render::IncidentBins bins;
    render::BinStats last;
    bins.set_method(render::IncidentBins::Method::Raster);
    print("binned, raster counting", time_frames(frames, [&] {
            clear();
            last = bins.draw(layer, view, origin, style, render::kBinCellPx, 1.f);
          }));
    const double raster_total = last.total;
    GLint major = 0, minor = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    if (major > 4 || (major == 4 && minor >= 3)) {
      bins.set_method(render::IncidentBins::Method::Compute);
      print("binned, compute counting", time_frames(frames, [&] {
              clear();
              last = bins.draw(layer, view, origin, style, render::kBinCellPx, 1.f);
            }));
      std::printf(
          "  hexagons: %d used, at most %.0f incidents in one; %.0f counted (raster %.0f)\n",
          last.cells_used, last.max, last.total, raster_total);
    } else {
      std::printf("  binned, compute counting: needs GL 4.3 (this context is %d.%d)\n", major,
                  minor);
    }
    render::check_gl("bench_points");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_points: %s\n", e.what());
    return 1;
  }
  return 0;
}
