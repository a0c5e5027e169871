// The Patrol panel's exports (and the script verbs that press them): the window's routes as GPX
// or GeoJSON, and the one-page patrol sheet as PDF or PNG. The sheet is drawn by `secmap patrol
// DB sheet` run as a child process with the same window and routes, so it is the very sheet the
// command line makes and its headless EGL context never meets the window's GL context.
#pragma once
#include <string>

#include "ui/app_state.h"

namespace secmap::ui {

// Each returns what it wrote, or why it could not, in the interface language; ok is set to
// whether it wrote the file.
std::string export_patrol_routes(AppState& st, const std::string& path, bool* ok = nullptr);
std::string export_patrol_sheet(AppState& st, const std::string& path, bool* ok = nullptr);

}  // namespace secmap::ui
