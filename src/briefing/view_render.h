// Rendering a slide's view through the headless renderer: the view's extent, layers, style,
// window and filters as render options, at any size up to 7680×4320 with text and symbols
// scaled so a large export is the 1920-wide one enlarged, public-safe when asked, and the
// side-by-side comparison as two panes with the same extent.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "briefing/slide.h"
#include "io/png.h"
#include "render/headless.h"
#include "render/map_data.h"

namespace secmap::briefing {

inline constexpr int kMaxExportWidth = 7680, kMaxExportHeight = 4320;
// The width whose look every export reproduces (text and symbols scale with width / this).
inline constexpr int kReferenceWidth = 1920;

// Parses "1920x1080"; throws SlideError naming the text for a bad size or one above 7680×4320.
std::pair<int, int> parse_size(std::string_view text);

// Render options for the view's main window (compare = false) or its comparison window.
// Throws SlideError naming the field for an unknown layer, style, group code or a bad date.
render::HeadlessRequest view_request(const render::MapData& data, const SlideView& view, int width,
                                     int height, bool public_safe, bool compare = false);

struct PaneImage {
  io::Image image;
  std::vector<render::LegendSection> legend;
  std::string label;  // the window's label (or its dates)
  render::View view;
};

// The view drawn at width × height (one pane, or two side by side of width/2 each when the view
// has a comparison window: the comparison window left, the view's own right, as in the
// window); overlay legend drawn on the image when with_legend.
std::vector<PaneImage> render_view(const render::MapData& data, const SlideView& view, int width,
                                   int height, bool public_safe, bool with_legend,
                                   std::ostream& log);

// Draws prepared requests (one per pane: the view's window; or its comparison window, then the
// view's) as
// render_view does; for callers that set the classes themselves (an animation's frames).
std::vector<PaneImage> render_panes(const render::MapData& data, const SlideView& view,
                                    std::vector<render::HeadlessRequest> requests, int width,
                                    bool with_legend, std::ostream& log);

// Panes composed into one image (side by side, a 4-pixel white gutter).
io::Image compose_panes(const std::vector<PaneImage>& panes);

// The text of a window's dates, "01/01/2025 – 14/02/2025" (or "toàn bộ thời gian").
std::string window_text(const std::string& from, const std::string& to);

}  // namespace secmap::briefing
