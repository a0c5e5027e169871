#include "render/headless.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/imgui_offscreen.h"

namespace secmap::render {
namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
}  // namespace

HeadlessResult render_headless(const MapData& data, const HeadlessRequest& req, std::ostream& log) {
  HeadlessResult out;
  auto t0 = Clock::now();
  EglContext context;
  out.gl_renderer = context.renderer();
  log << "GL_RENDERER: " << context.renderer() << " (EGL " << context.platform() << ")\n";
  const double context_ms = ms_since(t0);

  geo::BBox bbox;
  if (req.bbox_lonlat)
    bbox = lonlat_bbox_to_mercator(*req.bbox_lonlat);
  else if (!data.extent.empty())
    bbox = data.extent;
  else
    bbox = lonlat_bbox_to_mercator({102.0, 21.0, 105.0, 23.5});  // nothing loaded: the region
  out.view = View::fit(bbox, req.width, req.height);

  t0 = Clock::now();
  const bool plain = req.map.plain;
  // On llvmpipe multisampling doubles the draw and adds a resolve, while symbols and lines are
  // already antialiased in their shaders: only GPUs get it by default.
  const bool software = out.gl_renderer.find("llvmpipe") != std::string::npos ||
                        out.gl_renderer.find("softpipe") != std::string::npos;
  const int samples = req.samples > 0 ? req.samples : (software ? 1 : 4);
  Framebuffer fb(req.width, req.height, plain ? 1 : samples);
  fb.bind();
  MapRenderer renderer(data);
  const double setup_ms = ms_since(t0);
  renderer.render(out.view, req.map);
  out.incidents_drawn = req.map.layers.count("incidents") ? renderer.visible_incidents(req.map) : 0;

  t0 = Clock::now();
  if (!plain) {
    // Text and symbols grow with the image so a 4K render reads like a 1080p one.
    const float ui = std::clamp(std::min(req.width, req.height) / 900.f, 0.8f, 2.5f);
    ImGuiOffscreen gui(req.width, req.height, std::round(15.f * ui));
    ImDrawList& dl = gui.begin();
    OverlayOptions oo;
    oo.lang = req.map.lang;
    oo.scale = ui * req.map.symbol_scale;
    out.overlay = draw_overlay(dl, gui.fonts(), out.view, data, renderer.legend(req.map), oo);
    gui.render();
    check_gl("drawing the overlay");
  }
  const double overlay_ms = ms_since(t0);
  t0 = Clock::now();
  out.image.width = req.width;
  out.image.height = req.height;
  out.image.rgba = fb.read_rgba();
  const double read_ms = ms_since(t0);

  if (req.verbose) {
    const auto& t = renderer.timings();
    log << "render: context " << context_ms << " ms, upload points " << setup_ms
        << " ms, simplify+triangulate " << t.tessellate_ms << " ms (" << t.vertices_in << " → "
        << t.vertices_drawn << " vertices, " << t.triangles << " triangles), upload polygons "
        << t.upload_ms << " ms, draw " << t.draw_ms << " ms, overlay " << overlay_ms
        << " ms, read back " << read_ms << " ms; labels " << out.overlay.labels_drawn << " drawn, "
        << out.overlay.labels_skipped << " skipped; incidents shown " << out.incidents_drawn
        << "\n";
  }
  return out;
}

}  // namespace secmap::render
