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
//   layer NAME on|off      show or hide a layer
//   style drugfree|antt|incidents
//   lang vi|en             interface language
//   large-text on|off
//   fit                    fit the province
//   wait N                 let N frames pass
//   screenshot PATH        PNG of the whole window, after this frame
//   dump-state PATH        JSON of the window state, after this frame
//   quit                   close the window (exit code 3 if a command failed)
// Blank lines and lines starting with # are skipped.
#pragma once
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ui/app_state.h"

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
  std::optional<std::filesystem::path> screenshot, dump_state;
  bool quit = false;
  bool moves_map = false;  // a pan or zoom: drawn like a drag (quick render)
};

class Script {
 public:
  // Reads and checks the whole file first. Throws ScriptError naming file:line.
  static Script load(const std::filesystem::path& file);
  static Script parse(const std::string& text, const std::string& name = "script");

  bool done() const { return next_ >= commands_.size() && wait_ == 0; }
  // Runs the next command. A command that cannot be done (no such result, bad date) is reported
  // on stderr and counted in failures().
  ScriptStep step(AppState& state);
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
