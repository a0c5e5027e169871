// The editing commands of the window's test scripts (ui/script.h), run through EditSession like
// the form, the menu, the keys and the mouse. Map positions are map pixels (top-left origin).
//
//   edit-new-incident X Y        the incident form for a new incident at X, Y
//   edit-new TABLE [X Y]         the form for a new record of TABLE (at X, Y for point tables)
//   edit-status CODE             record commune CODE's status for a new period
//   edit-open ID                 the form on incident ID
//   edit-open-record TABLE ID    the form on record ID of TABLE
//   edit-field NAME VALUE…       set a form field; no VALUE clears it
//   edit-save, edit-cancel
//   edit-keep mine|theirs        after a conflict
//   edit-move TABLE ID X Y       move a point record to X, Y (as dragging it)
//   edit-delete TABLE ID         delete, answering the confirmation with Delete
//   route-start                  draw a patrol route (Edit › Add a record › Draw a patrol route)
//   route-point X Y              a click adding a vertex
//   route-finish, route-cancel   as Enter / Esc (the `key` command presses the real keys)
//   select-record TABLE ID       select the record's feature, as a click on it (communes: CODE)
//   undo, redo
#pragma once
#include <map>
#include <string>
#include <vector>

#include "ui/app_state.h"

namespace secmap::ui {

// Command name → number of arguments (-1: one or more).
const std::map<std::string, int, std::less<>>& edit_command_arity();
// Runs one editing command; throws std::invalid_argument saying why it could not be done.
void run_edit_command(AppState& state, const std::string& name,
                      const std::vector<std::string>& args, const std::string& rest);

}  // namespace secmap::ui
