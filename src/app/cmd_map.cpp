// `secmap map [DB]`: the desktop map window (GLFW + Dear ImGui) on a database, by default the
// last one opened.

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "ui/app_window.h"

namespace secmap::app {

int cmd_map(const Args& args) {
  CLI::App app{"Open the map window (needs a display with OpenGL 3.3)", "secmap map"};
  std::string db, size = "1280x800", script;
  bool no_restore = false;
  app.add_option("DB", db, "secmap database (default: the last one opened)");
  app.add_option("--size", size, "window size WxH (default 1280x800)");
  app.add_flag("--no-restore", no_restore,
               "start with the defaults and do not save the settings on exit");
  app.add_option("--script", script,
                 "run window actions from a file, one per frame (test hook; also "
                 "SECMAP_UI_SCRIPT; see src/ui/script.h)");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  ui::WindowOptions o;
  char x = 0;
  std::istringstream in(size);
  if (!(in >> o.width >> x >> o.height) || (x != 'x' && x != 'X') || o.width < 320 ||
      o.height < 240 || o.width > 16384 || o.height > 16384) {
    std::fprintf(stderr, "secmap map: --size '%s' is not WxH (at least 320x240)\n", size.c_str());
    return 2;
  }
  if (!db.empty()) o.database = db;
  if (!script.empty()) o.script = script;
  o.restore = !no_restore;
  // A window must not freeze for minutes behind another writer (a long import): its saves wait
  // 10 s, then say the database is busy and keep the form (a user's own setting wins).
  setenv("SECMAP_BUSY_TIMEOUT_S", "10", 0);
  return ui::run_map_window(o);
}

}  // namespace secmap::app
