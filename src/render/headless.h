// One map image without a window: EGL context, offscreen framebuffer, the map layers and the
// ImGui overlay, read back as RGBA. What `secmap render` and the render tests call.
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "io/png.h"
#include "render/map_data.h"
#include "render/map_options.h"
#include "render/overlay_stats.h"

namespace secmap::render {

struct HeadlessRequest {
  int width = 1280, height = 800;
  std::optional<geo::BBox> bbox_lonlat;  // default: the data extent
  MapOptions map;
  int samples = 0;       // multisampling; 0 = auto (4 on a GPU, 1 on a software renderer); plain: 1
  bool verbose = false;  // timings on the log stream
  // An exact view (centre and m/px; its size is replaced by width × height); overrides bbox.
  std::optional<View> view;
  // Overlay scale (text 15 px × ui_scale, margins and symbols × ui_scale); 0 = from the image
  // size and map.symbol_scale. Exports at several sizes pass width / 1920 × the 1920 scale so a
  // large image is the small one enlarged.
  float ui_scale = 0;
  bool legend = true;  // the overlay legend (a PDF page draws its own)
  bool labels = true;  // commune labels
  // Images larger than this (either side) are drawn in tiles; 0 = auto (4096, or less when the
  // GL limits are smaller). Tiles overlap so symbols on a seam are drawn whole.
  int max_tile = 0;
};

// The overlay scale render_headless uses for an image of this size when ui_scale is 0.
float auto_ui_scale(int width, int height);

struct HeadlessResult {
  io::Image image;
  std::string gl_renderer;
  View view;
  OverlayStats overlay;
  size_t incidents_drawn = 0;
  std::vector<LegendSection> legend;  // what the map shows (drawn or not)
  int tiles = 1;                      // framebuffers drawn
};

// Throws ContextError (no GL), GlError, FontError with a message for the user.
HeadlessResult render_headless(const MapData& data, const HeadlessRequest& request,
                               std::ostream& log);

}  // namespace secmap::render
