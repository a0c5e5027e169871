// The window's state as JSON, for GUI tests (script `dump-state PATH`): the view, the selection,
// the incidents shown, the search results, the filters and a few interface labels in the
// current language.
#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

#include "ui/app_state.h"
#include "ui/slide_show.h"

namespace secmap::ui {

struct DumpExtras {
  uint64_t map_renders = 0;  // times the map layers were rendered (not just copied)
  double frame_ms = 0, map_ms = 0;
  int map_x = 0, map_y = 0;  // the map area's top-left in the window (pixels)
  float ui_scale = 1;
  const SlideShow* show = nullptr;  // slides, presentation and side-by-side state
  bool full_screen = false;
};

std::string state_json(AppState& state, const DumpExtras& extras);
// Writes state_json to the file; throws std::runtime_error naming it on failure.
void write_state(const std::filesystem::path& file, AppState& state, const DumpExtras& extras);

}  // namespace secmap::ui
