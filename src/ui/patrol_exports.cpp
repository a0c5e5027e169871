#include "ui/patrol_exports.h"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "analysis/dates.h"
#include "ui/patrol_planning.h"

extern char** environ;

namespace secmap::ui {

std::string export_patrol_routes(AppState& st, const std::string& path, bool* ok) {
  if (ok) *ok = false;
  store::Database* db = st.database();
  if (!db || !st.patrol().available()) return tr(S::NoBorderData, st.lang());
  try {
    st.patrol().plan(*db, st.options().days);
    // The window is for internal use: it exports what it shows, sensitive patrols included,
    // unless the view is public-safe.
    const size_t n = st.patrol().export_routes(path, !st.options().public_safe);
    if (ok) *ok = true;
    return std::string(tr(S::Exported, st.lang())) + " " + path + " (" + std::to_string(n) + ")";
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::string export_patrol_sheet(AppState& st, const std::string& path, bool* ok) {
  if (ok) *ok = false;
  store::Database* db = st.database();
  if (!db || !st.patrol().available()) return tr(S::NoBorderData, st.lang());
  const analysis::Window w = st.patrol().window_for(*db, st.options().days);
  std::error_code ec;
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  if (ec) return "cannot find the secmap program: " + ec.message();
  std::vector<std::string> args = {exe,
                                   "patrol",
                                   st.database_path().string(),
                                   "sheet",
                                   "--from",
                                   analysis::format_day(w.from),
                                   "--to",
                                   analysis::format_day(w.to),
                                   "--out",
                                   path};
  if (!st.patrol().routes_source().empty()) {
    args.push_back("--routes");
    args.push_back(st.patrol().routes_source());
  }
  // As the routes export: what the internal window shows, unless the view is public-safe.
  if (!st.options().public_safe) args.push_back("--include-sensitive");
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
    return "cannot start " + exe;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return "secmap patrol sheet failed for " + path + " (see the terminal)";
  if (ok) *ok = true;
  return std::string(tr(S::Exported, st.lang())) + " " + path;
}

}  // namespace secmap::ui
