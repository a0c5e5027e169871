// The window's ImGui panels, one file each: the menu bar, the sidebar sections (search, layers,
// time and filters, identify), the status bar and the messages (errors, no database, open
// dialog). They read and change the window only through AppState.
#pragma once
#include <imgui.h>

#include <array>
#include <optional>
#include <string>

#include "geo/geometry.h"
#include "ui/app_state.h"
#include "ui/slide_show.h"

namespace secmap::ui {

class PatrolPlanning;

struct FrameStats {
  double frame_ms = 0, map_ms = 0;
  uint64_t map_renders = 0;
  bool cursor_in_map = false;
  geo::Point cursor_lonlat;
};

// What the slides section is typing: a new slide's text, or a new title for one.
struct SlideForm {
  std::array<char, 256> title{}, subtitle{};
  std::array<char, 1024> note{};
  bool is_public = false;
  int renaming = -1;
  std::array<char, 256> new_title{};
};

struct PanelContext {
  AppState& state;
  SlideShow* show = nullptr;  // slides, presentation, side by side
  SlideForm slide_form;
  bool show_sidebar = true;
  bool quit = false;
  // Quitting with an unsaved form asks first (draw_quit_question); answered: quit for real.
  bool quit_question = false, quit_confirmed = false;
  bool open_dialog = false;
  std::array<char, 1024> open_path{};
  std::array<char, 1024> import_path{};  // the import dialog's file
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
// Plan targets of the province for a year, and layer order and opacity.
void draw_targets_section(PanelContext& ctx);
void draw_layer_order_section(PanelContext& ctx);
// "87,5 %" / "87.5%"; green, amber or grey for a target state (targets panel and Identify).
std::string format_percent(double v, Lang lang);
ImVec4 target_state_colour(analysis::TargetState s);
void draw_slides_section(PanelContext& ctx);
// Border patrol plan and coverage, and border cooperation with the BLO links.
void draw_patrol_section(PanelContext& ctx);
// The border model both border sections read, or nullptr after saying in the panel why there is
// none (no data, no border line).
PatrolPlanning* border_planning(PanelContext& ctx);
void draw_cooperation_section(PanelContext& ctx);
void draw_status_bar(PanelContext& ctx, ImVec2 pos, float width, const FrameStats& stats);
// The record form over the map area, the delete confirmation, and the hints while
// placing a record or drawing a route.
void draw_edit_window(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max);
// Edit menu › Add a record: one item per editable table (point records are placed by a click,
// patrol routes drawn).
class EditSession;
void draw_add_record_menu(EditSession& ed, Lang lang);
// File › Import data: file, sheet, layer, preview with the column mapping, check, import.
void draw_import_dialog(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max);
// Quit with an unsaved form: save, keep it as a draft (it returns on the next start), discard
// it, or go back. answer_quit is what the buttons and the test scripts' quit-answer do.
enum class QuitAnswer { Save, KeepDraft, Discard, Back };
std::optional<QuitAnswer> parse_quit_answer(const std::string& word);
void answer_quit(PanelContext& ctx, QuitAnswer answer);
void draw_quit_question(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max);
// Errors, the no-database notice and the open dialog, centred on the map area.
void draw_messages(PanelContext& ctx, ImVec2 map_min, ImVec2 map_max);

// Height of the status bar for the current font.
float status_bar_height();

}  // namespace secmap::ui
