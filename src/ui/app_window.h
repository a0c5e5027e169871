// The desktop map window: a GLFW 3.3 window with an OpenGL 3.3 core context, Dear ImGui panels
// around the map, settings restored on start and saved on exit, and the script test hook.
#pragma once
#include <filesystem>
#include <optional>

namespace secmap::ui {

struct WindowOptions {
  std::optional<std::filesystem::path> database;   // default: the last one (from the settings)
  int width = 1280, height = 800;                  // window size in screen units
  bool restore = true;                             // read and write the settings file
  std::optional<std::filesystem::path> script;     // default: $SECMAP_UI_SCRIPT
  std::optional<std::filesystem::path> frame_log;  // default: $SECMAP_UI_FRAME_LOG
};

// Runs the window until it is closed. Returns the exit code: 0, 1 when no window could be opened
// (no display, no GL 3.3), 2 for a bad script, 3 when a script command failed. Messages go to
// stderr; errors once the window is up are shown in it.
int run_map_window(const WindowOptions& options);

}  // namespace secmap::ui
