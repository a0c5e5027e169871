// Presentation mode's screen: no menus, sidebar or editing chrome; a classification banner
// (public slides "CÔNG KHAI", others "MẬT — lưu hành nội bộ"), the slide's title and subtitle in
// large high-contrast text, the map, and a footer with the date range, the data source and the
// slide number. Every size is a share of the screen height, so the layout reads the same on a
// laptop and on an 8K wall.
#pragma once
#include <imgui.h>

#include "ui/app_state.h"
#include "ui/presentation_fonts.h"
#include "ui/slide_show.h"

namespace secmap::ui {

// Bands above and below the map, in ImGui (display) units.
struct PresentationLayout {
  float banner = 0;  // classification strip at the very top
  float header = 0;  // title and subtitle band under it
  float footer = 0;  // date range, data source, slide number
  float top() const { return banner + header; }
};

PresentationLayout presentation_layout(float display_h);

// Draws the banner, header and footer over the whole display (fb_scale: framebuffer pixels per
// display unit).
void draw_presentation_chrome(ImDrawList& dl, const PresentationFonts& fonts, const AppState& st,
                              const SlideShow& show, ImVec2 display, float fb_scale);

// Presentation keys (clickers send Page Up/Down): Right, Down, Page Down and Space go to the next
// slide; Left, Up and Page Up to the previous one; Home to the first; Escape leaves.
void handle_presentation_keys(SlideShow& show, AppState& st);

// Whether the slide shown is public (and so rendered public-safe).
bool showing_public(const SlideShow& show);

}  // namespace secmap::ui
