#include "ui/patrol_script.h"

#include <stdexcept>

#include "ui/patrol_exports.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {

const std::map<std::string, int, std::less<>>& patrol_command_arity() {
  static const std::map<std::string, int, std::less<>> a = {{"patrol-import", -1},
                                                            {"patrol-routes-table", 0},
                                                            {"patrol-speed", 2},
                                                            {"patrol-export", -1},
                                                            {"patrol-sheet", -1}};
  return a;
}

void run_patrol_command(AppState& st, const std::string& name, const std::vector<std::string>& args,
                        const std::string& rest) {
  PatrolPlanning& pp = st.patrol();
  if (!pp.available()) throw std::invalid_argument("no border data: " + pp.error());
  if (name == "patrol-import") {
    if (!pp.import_routes(rest)) throw std::invalid_argument(pp.error());
  } else if (name == "patrol-routes-table") {
    pp.use_database_routes();
  } else if (name == "patrol-speed") {
    size_t used = 0;
    const double kmh = std::stod(args[1], &used);
    if (used != args[1].size() || !(kmh > 0))
      throw std::invalid_argument("speed must be a positive number, not " + args[1]);
    if (!pp.speeds().count(args[0])) throw std::invalid_argument("unknown mode " + args[0]);
    pp.set_speed(args[0], kmh);
  } else if (name == "patrol-export" || name == "patrol-sheet") {
    bool ok = false;
    const std::string msg = name == "patrol-export" ? export_patrol_routes(st, rest, &ok)
                                                    : export_patrol_sheet(st, rest, &ok);
    if (!ok) throw std::invalid_argument(msg);
  }
}

}  // namespace secmap::ui
