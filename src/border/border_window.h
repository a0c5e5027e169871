// The time window of a border or patrol command: --from/--to when given, else the 365 days
// ending on the latest incident (today's data, as the analysis commands see it).
#pragma once
#include <string>

#include "analysis/dates.h"
#include "store/database.h"

namespace secmap::border {

// Throws std::invalid_argument for a bad date or from > to.
analysis::Window command_window(store::Database& db, const std::string& from,
                                const std::string& to);

}  // namespace secmap::border
