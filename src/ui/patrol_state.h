// The Patrol and Cooperation panels' content as JSON, for the state dump of GUI tests: the same
// rows and lists the panels draw (ui/patrol_planning.h), for the current time window.
#pragma once
#include <nlohmann/json.hpp>

#include "ui/app_state.h"

namespace secmap::ui {

// null when no database with a border line is open.
nlohmann::json patrol_state_json(AppState& state);

}  // namespace secmap::ui
