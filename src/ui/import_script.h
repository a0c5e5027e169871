// The import dialog's commands in the window's test scripts (ui/script.h), run through
// ImportSession like the dialog's own controls.
//
//   import-open FILE…            File › Import data, then the file read (its head, the mapping)
//   import-layer LAYER           the secmap layer the rows go to
//   import-sheet NAME…           the sheet of a spreadsheet
//   import-map FIELD COLUMN…     the column's field in the mapping table; FIELD "-" keeps the
//                                column as extra
//   import-date-format F         auto, dd/mm/yyyy or mm/dd/yyyy
//   import-check                 Check (nothing written); import-confirm: Import
//   import-wait                  until the running check or import ends
//   import-close                 closes the dialog
#pragma once
#include <map>
#include <string>
#include <vector>

#include "ui/app_state.h"

namespace secmap::ui {

// Command name → number of arguments (-1: one or more).
const std::map<std::string, int, std::less<>>& import_command_arity();
// Runs one import command; throws std::invalid_argument saying why it could not be done.
void run_import_command(AppState& state, const std::string& name,
                        const std::vector<std::string>& args, const std::string& rest);

}  // namespace secmap::ui
