// The Patrol panel's commands for the window's test scripts (ui/script.h), run through the same
// functions as the panel's buttons:
//
//   patrol-import FILE       import routes from a GPX, KML, GeoJSON or GPKG file
//   patrol-routes-table      back to the routes of the patrols table
//   patrol-speed MODE KMH    planning speed of a mode
//   patrol-export FILE       the window's routes as GPX or GeoJSON
//   patrol-sheet FILE        the patrol sheet as PDF or PNG
#pragma once
#include <map>
#include <string>
#include <vector>

#include "ui/app_state.h"

namespace secmap::ui {

// Command name → number of arguments (-1: the rest of the line).
const std::map<std::string, int, std::less<>>& patrol_command_arity();
// Throws std::invalid_argument saying why the command could not be done.
void run_patrol_command(AppState& state, const std::string& name,
                        const std::vector<std::string>& args, const std::string& rest);

}  // namespace secmap::ui
