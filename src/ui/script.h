// The test hook: a script of window actions run one per frame, named by SECMAP_UI_SCRIPT or
// `secmap map --script FILE`. GUI tests and the frame benchmark drive the real window with it.
//
//   pan DX DY              drag the map by DX, DY pixels
//   zoom F X Y             zoom by factor F (> 1 in) about map pixel X, Y
//   click X Y              identify at map pixel X, Y (pixels of the map area, top-left origin)
//   search TEXT…           type TEXT into the search box
//   fly N                  fly to search result N (0-based)
//   set-time FROM TO       incident window, YYYY-MM-DD (or "all")
//   groups MASK            incident-group bit mask (decimal or 0x…)
//   categories LIST        show only these incident categories: codes (a group code stands for
//                          its categories) comma-separated, or "all"
//   severities LIST        show only these severities (codes, "none" for no severity) or "all"
//   statuses LIST          show only these case statuses (codes) or "all"
//   clear-filters          every group, category, severity and status shown again
//   bins auto|on|off       incidents as a grid of counts per cell (auto: when they overlap)
//   layer-order LIST       drawing order, bottom first (e.g. communes,incidents,border)
//   opacity LAYER V        layer opacity, 0 … 1
//   targets-year YEAR      the plan year the targets panel shows
//   panel ID on|off        opens or closes a sidebar section (patrol, cooperation, targets …)
//   layer NAME on|off      show or hide a layer
//   style drugfree|antt|incidents
//   lang vi|en             interface language
//   large-text on|off
//   fit                    fit the province
//   key NAME               press and release a key in the next frame, through ImGui like a real
//                          key: Right, Left, Up, Down, PageDown, PageUp, Escape, F5, Home, Space,
//                          Enter (presentation mode: Right/PageDown next slide, Left/PageUp
//                          previous, Escape leaves; F5 starts it)
//   present on|current|off presentation mode (full screen on the chosen monitor), from the
//                          first slide (F5) or the current one (Shift+F5)
//   slide-save TITLE…      save the current view as a new slide titled TITLE
//   slide-go N             show slide N (0-based), flying to it; the fly-to advances 1/60 s a
//                          frame in scripts, so `wait 50` lets it land
//   split on|off [FROM TO] side-by-side panes; FROM TO (YYYY-MM-DD) is the second pane's window,
//                          default the same window a year earlier
//   edit-new-incident X Y  open the incident form for a new incident at map pixel X, Y (as a
//                          click in "add incident" mode)
//   edit-open ID           open the form on incident ID
//   edit-field NAME VALUE… set a form field (category, occurred_at, severity, status,
//                          case_number, cross_border, campaign_tags, description,
//                          accept_outside); no VALUE clears it
//   edit-save              save the form (a failure names the fields and counts as failed)
//   edit-cancel            close the form without saving
//   undo, redo             as Ctrl+Z / Ctrl+Y and the Edit menu
//   edit-new, edit-status, edit-open-record, edit-keep, edit-move, edit-delete, route-*,
//   select-record          the other editing commands: see ui/edit_script.h
//   patrol-import, patrol-routes-table, patrol-speed, patrol-export, patrol-sheet
//                          the Patrol panel: see ui/patrol_script.h
//   wait N                 let N frames pass
//   screenshot PATH        PNG of the whole window, after this frame
//   dump-state PATH        JSON of the window state, after this frame
//   quit                   close the window (exit code 3 if a command failed); with an unsaved
//                          form it asks first, as Ctrl+Q does (a script that ends there keeps
//                          the form as a draft)
//   quit-answer A          answers that question: save, draft, discard or back
//   log-text FILE          every text this frame shows, a line per line of text, to FILE
//                          (ui/drawn_text.h), for scans of the interface's language
// Blank lines and lines starting with # are skipped.
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ui/app_state.h"
#include "ui/slide_show.h"

namespace secmap::ui {

class ScriptError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ScriptCommand {
  std::string name;
  std::vector<std::string> args;
  std::string rest;  // everything after the name (search text keeps its spaces)
  int line = 0;
};

// What a step asks of the window after the frame is drawn.
struct ScriptStep {
  std::string command;  // the line run, for logs ("" while waiting or when done)
  std::optional<std::filesystem::path> screenshot, dump_state, log_text;
  bool quit = false;
  std::string quit_answer;  // save, draft, discard or back ("" none)
  bool moves_map = false;   // a pan or zoom: drawn like a drag (quick render)
  int key = 0;              // GLFW key code to press in the next frame (0: none)
};

class Script {
 public:
  // Reads and checks the whole file first. Throws ScriptError naming file:line.
  static Script load(const std::filesystem::path& file);
  static Script parse(const std::string& text, const std::string& name = "script");

  bool done() const { return next_ >= commands_.size() && wait_ == 0; }
  // Runs the next command. A command that cannot be done (no such result, bad date) is reported
  // on stderr and counted in failures().
  // `show` (slides, presentation, split) may be null for scripts that use none of them.
  ScriptStep step(AppState& state, SlideShow* show = nullptr);
  int failures() const { return failures_; }
  size_t size() const { return commands_.size(); }

 private:
  std::string name_;
  std::vector<ScriptCommand> commands_;
  size_t next_ = 0;
  int wait_ = 0;
  int failures_ = 0;
};

}  // namespace secmap::ui
