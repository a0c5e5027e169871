// Side-by-side panes: the map area cut into two panes of the same pixel size that share one
// view (same centre and zoom, so a pan or zoom in either moves both), the left one showing the
// comparison window and the right one the main window, each labelled with its window and its
// incident count.
#pragma once
#include <imgui.h>

#include <string>

#include "ui/map_input.h"
#include "ui/strings.h"

namespace secmap::ui {

struct SplitAreas {
  MapArea left, right;  // left: comparison window, right: the main window
};

// Two equal panes with a gap of gap_fb framebuffer pixels between them.
SplitAreas split_areas(const MapArea& whole, int gap_fb);

// "15/12/2024 – 14/02/2025 · 123 vụ việc"
std::string pane_label(const std::string& window, size_t incidents, Lang lang);

// The label centred at the bottom of the pane, dark on a light box; scale multiplies margins.
void draw_pane_label(ImDrawList& dl, ImFont* font, float size, ImVec2 pane_min, ImVec2 pane_max,
                     const std::string& text, float scale);

}  // namespace secmap::ui
