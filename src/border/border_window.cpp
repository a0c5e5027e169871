#include "border/border_window.h"

#include <stdexcept>

#include "model/incidents.h"

namespace secmap::border {

analysis::Window command_window(store::Database& db, const std::string& from,
                                const std::string& to) {
  analysis::Window w;
  if (!to.empty()) {
    w.to = analysis::parse_day_or_throw(to);
  } else {
    const auto day = model::last_incident_day(db);
    w.to = day ? *day : analysis::parse_day_or_throw("2026-01-01");
  }
  w.from = from.empty() ? w.to - 364 : analysis::parse_day_or_throw(from);
  if (w.from > w.to)
    throw std::invalid_argument("--from " + analysis::format_day(w.from) + " is after --to " +
                                analysis::format_day(w.to));
  w.label = analysis::format_day(w.from) + "/" + analysis::format_day(w.to);
  return w;
}

}  // namespace secmap::border
