// The window's ImGui panels, one file each: the menu bar, the sidebar sections (search, layers,
// time and filters, identify), the status bar and the messages (errors, no database, open
// dialog). They read and change the window only through AppState.
#pragma once
#include <imgui.h>

#include <array>
#include <string>

#include "geo/geometry.h"
#include "ui/app_state.h"

namespace secmap::ui {

struct FrameStats {
  double frame_ms = 0, map_ms = 0;
  uint64_t map_renders = 0;
  bool cursor_in_map = false;
  geo::Point cursor_lonlat;
};

struct PanelContext {
  AppState& state;
  bool show_sidebar = true;
  bool quit = false;
  bool open_dialog = false;
  std::array<char, 1024> open_path{};
  std::array<char, 256> search_text{};
  bool search_active = false;  // the query box has the keyboard
};

void draw_main_menu(PanelContext& ctx);
// The sidebar window at pos/size holding the sections below.
void draw_sidebar(PanelContext& ctx, ImVec2 pos, ImVec2 size);
void draw_search_section(PanelContext& ctx);
void draw_layers_section(PanelContext& ctx);
void draw_time_section(PanelContext& ctx);
void draw_identify_section(PanelContext& ctx);
void draw_status_bar(PanelContext& ctx, ImVec2 pos, float width, const FrameStats& stats);
// Errors, the no-database notice and the open dialog, centred on the map area.
void draw_messages(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max);

// Height of the status bar for the current font.
float status_bar_height();

}  // namespace secmap::ui
