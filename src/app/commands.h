// The subcommands of the `secmap` binary. Each lives in its own cmd_<name>.cpp, parses its own
// arguments (CLI11) and returns the process exit code: 0 on success, non-zero with a message on
// stderr that names the file, row or field and what is wrong.
#pragma once
#include <string>
#include <vector>

namespace secmap::app {

using Args = std::vector<std::string>;  // arguments after the subcommand name

// Exit codes every command shares: 2 bad arguments, 4 an edit conflict, and this one when the
// database stayed busy (another program writing) past the wait: nothing was written, a retry
// later works (sysexits' EX_TEMPFAIL).
inline constexpr int kExitBusy = 75;

int cmd_import(const Args& args);   // secmap import DB LAYER FILE [--crs EPSG:N] [--map f=c ...]
int cmd_export(const Args& args);   // secmap export DB LAYER FILE
int cmd_demo(const Args& args);     // secmap demo DB
int cmd_render(const Args& args);   // secmap render DB --out FILE.png ...
int cmd_info(const Args& args);     // secmap info DB: schema version and row counts
int cmd_audit(const Args& args);    // secmap audit DB verify|log [--since DATE] [--table T]
int cmd_edit(const Args& args);     // secmap edit DB TABLE ID|new --set f=v [--expect-version N]
int cmd_map(const Args& args);      // secmap map [DB]: the map window (GLFW + ImGui)
int cmd_border(const Args& args);   // secmap border DB segments|crossings|coverage|cooperation
int cmd_patrol(const Args& args);   // secmap patrol DB plan|coverage|export|sheet
int cmd_slides(const Args& args);   // secmap slides DB list|export --out DIR|FILE.pdf
int cmd_animate(const Args& args);  // secmap animate DB --from --to --step 7d --out F.gif|mp4
int cmd_analyze(
    const Args& args);  // secmap analyze DB counts|compare|targets|kde|hotspots|emerging

struct Command {
  const char* name;
  int (*run)(const Args&);
  const char* summary;  // one line, shown by `secmap help`
};
const std::vector<Command>& commands();

}  // namespace secmap::app
