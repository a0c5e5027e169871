// One map image without a window: EGL context, offscreen framebuffer, the map layers and the
// ImGui overlay, read back as RGBA. What `secmap render` and the render tests call.
#pragma once
#include <optional>
#include <ostream>
#include <string>

#include "io/png.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "render/overlay.h"

namespace secmap::render {

struct HeadlessRequest {
  int width = 1280, height = 800;
  std::optional<geo::BBox> bbox_lonlat;  // default: the data extent
  MapOptions map;
  int samples = 0;       // multisampling; 0 = auto (4 on a GPU, 1 on a software renderer); plain: 1
  bool verbose = false;  // timings on the log stream
};

struct HeadlessResult {
  io::Image image;
  std::string gl_renderer;
  View view;
  OverlayStats overlay;
  size_t incidents_drawn = 0;
};

// Throws ContextError (no GL), GlError, FontError with a message for the user.
HeadlessResult render_headless(const MapData& data, const HeadlessRequest& request,
                               std::ostream& log);

}  // namespace secmap::render
