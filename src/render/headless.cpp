#include "render/headless.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/imgui_offscreen.h"
#include "render/map_renderer.h"
#include "render/overlay.h"

namespace secmap::render {
namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
}  // namespace

float auto_ui_scale(int width, int height) {
  return std::clamp(std::min(width, height) / 900.f, 0.8f, 2.5f);
}

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
  if (req.view) {
    out.view = *req.view;
    out.view.width = req.width;
    out.view.height = req.height;
  } else {
    out.view = View::fit(bbox, req.width, req.height);
  }

  t0 = Clock::now();
  const bool plain = req.map.plain;
  const int samples = req.samples > 0 ? req.samples : default_map_samples();

  // Tiles: no framebuffer side above the GL limits (or 4096, so the path is exercised on
  // llvmpipe too). Each tile is drawn with a margin and cropped, so a point symbol or label
  // crossing a seam is drawn whole in both tiles.
  GLint max_rb = 0, max_vp[2] = {0, 0}, max_tex = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_rb);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_vp);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_tex);
  int limit = std::min({max_rb, max_vp[0], max_vp[1], max_tex});
  if (limit <= 0) limit = 4096;
  limit = std::min(limit, req.max_tile > 0 ? req.max_tile : 4096);
  const bool tiled = req.width > limit || req.height > limit;
  const float ui = req.ui_scale > 0 ? req.ui_scale : auto_ui_scale(req.width, req.height);
  const int margin = tiled ? std::min(limit / 4, static_cast<int>(std::ceil(48 * ui))) : 0;
  const int inner = limit - 2 * margin;
  const int nx = tiled ? (req.width + inner - 1) / inner : 1;
  const int ny = tiled ? (req.height + inner - 1) / inner : 1;
  const int tile_w = (req.width + nx - 1) / nx, tile_h = (req.height + ny - 1) / ny;

  MapOptions map = req.map;
  if (tiled && map.binning == MapOptions::Binning::Auto)  // one decision for the whole image
    map.binning =
        incidents_binned(data, out.view, map) ? MapOptions::Binning::On : MapOptions::Binning::Off;
  MapRenderer renderer(data);
  // Tiles draw one image: the bins' classes are counted once over the whole view, not per tile
  // (commune classes come from the whole data set already).
  if (tiled && map.binning == MapOptions::Binning::On && map.bin_upper.empty())
    map.bin_upper = renderer.bin_classes(out.view, map);
  const double setup_ms = ms_since(t0);
  out.image.width = req.width;
  out.image.height = req.height;
  out.image.rgba.assign(static_cast<size_t>(req.width) * req.height * 4, 0);
  out.tiles = nx * ny;
  double overlay_ms = 0, read_ms = 0;
  for (int ty = 0; ty < ny; ++ty)
    for (int tx = 0; tx < nx; ++tx) {
      const int x0 = tx * tile_w, y0 = ty * tile_h;
      const int w = std::min(tile_w, req.width - x0), h = std::min(tile_h, req.height - y0);
      const int fx0 = x0 - margin, fy0 = y0 - margin;  // framebuffer origin in image pixels
      const int fw = w + 2 * margin, fh = h + 2 * margin;
      View tile = out.view;
      tile.width = fw;
      tile.height = fh;
      tile.centre = out.view.to_mercator({fx0 + fw / 2.0, fy0 + fh / 2.0});
      Framebuffer fb(fw, fh, plain ? 1 : samples);
      fb.bind();
      renderer.render(tile, map);
      auto t1 = Clock::now();
      if (!plain) {
        ImGuiOffscreen gui(fw, fh, std::round(15.f * ui));
        ImDrawList& dl = gui.begin();
        OverlayOptions oo;
        oo.lang = req.map.lang;
        // An explicit ui_scale already includes the symbol scale (exports at several sizes).
        oo.scale = req.ui_scale > 0 ? ui : ui * req.map.symbol_scale;
        oo.legend = req.legend;
        oo.labels = req.labels;
        oo.offset = ImVec2(static_cast<float>(-fx0), static_cast<float>(-fy0));
        out.overlay = draw_overlay(dl, gui.fonts(), out.view, data, renderer.legend(map), oo);
        gui.render();
        check_gl("drawing the overlay");
      }
      overlay_ms += ms_since(t1);
      t1 = Clock::now();
      const std::vector<uint8_t> px = fb.read_rgba();
      read_ms += ms_since(t1);
      for (int row = 0; row < h; ++row)
        std::copy_n(px.data() + (static_cast<size_t>(row + margin) * fw + margin) * 4,
                    static_cast<size_t>(w) * 4,
                    out.image.rgba.data() + (static_cast<size_t>(y0 + row) * req.width + x0) * 4);
    }
  out.incidents_drawn = map.layers.count("incidents") ? renderer.visible_incidents(map) : 0;
  if (!plain) out.legend = renderer.legend(map);

  if (req.verbose) {
    const auto& t = renderer.timings();
    log << "render: context " << context_ms << " ms, upload points " << setup_ms
        << " ms, simplify+triangulate " << t.tessellate_ms << " ms (" << t.vertices_in << " → "
        << t.vertices_drawn << " vertices, " << t.triangles << " triangles), upload polygons "
        << t.upload_ms << " ms, draw " << t.draw_ms << " ms, overlay " << overlay_ms
        << " ms, read back " << read_ms << " ms; labels " << out.overlay.labels_drawn << " drawn, "
        << out.overlay.labels_skipped << " skipped; incidents shown " << out.incidents_drawn;
    if (renderer.bins().drawn)
      log << " (binned: " << renderer.bins().cells_used << " cells of " << renderer.bins().cell_px
          << " px, at most " << renderer.bins().max << " per cell)";
    if (out.tiles > 1) log << "; " << out.tiles << " tiles of at most " << limit << " px";
    log << "\n";
    if (const DensityLayer* d = renderer.density())
      log << "density: " << d->timings().incidents << " incidents, "
          << (d->timings().gpu ? "GPU (compute shaders)" : "CPU") << " " << d->timings().compute_ms
          << " ms (binning, blur, classes), max " << d->timings().max_density
          << " incidents per km²\n";
  }
  return out;
}

}  // namespace secmap::render
