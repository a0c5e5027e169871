// One slide as a printed page (a PDF page or a PNG of the same layout): classification banner,
// title and subtitle, the map (one pane or two labelled panes side by side), the legend drawn as
// vector text, the date range, the data source line and the page number.
#pragma once
#include <string>
#include <vector>

#include "briefing/slide.h"
#include "briefing/view_render.h"
#include "report/pdf_document.h"

namespace secmap::briefing {

// A 16:9 page (a wall screen's shape) in millimetres.
inline constexpr double kPageWidthMm = 297, kPageHeightMm = 297.0 * 9 / 16;
// The map box within the page; the map is rendered at this aspect ratio.
inline constexpr double kMapX = 8, kMapY = 27, kMapW = 212, kMapH = 212.0 * 9 / 16;

// Pixel size of the map image for a page rendered `page_width_px` wide.
std::pair<int, int> map_pixels(int page_width_px);

struct PageText {
  std::string source;  // "Nguồn: …" line
  int page = 1, pages = 1;
  bool is_public = false;
};

// Classification banner text: "MẬT — NỘI BỘ / INTERNAL" or "CÔNG KHAI / PUBLIC".
std::string classification(bool is_public);

// A page made public-safe from an internal slide (deck --public) leaves out the slide's own
// wording: its subtitle and note were written for an internal audience. A slide marked public
// was written for the public, and keeps its subtitle. Notes never reach a public page.
bool public_page_shows_subtitle(const Slide& slide, bool page_public);

void draw_slide_page(report::Document& doc, const Slide& slide, const std::vector<PaneImage>& panes,
                     const PageText& text);

}  // namespace secmap::briefing
