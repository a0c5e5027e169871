#include "border/routes.h"

#include <stdexcept>

#include "border/planar.h"
#include "model/layer_records.h"

namespace secmap::border {

bool Route::in_window(const analysis::Window& w) const {
  return model::route_in_window(start_day, end_day, w.from, w.to);
}

namespace {
void finish(Route& r, const MetricFrame& frame) {
  r.m = frame.to_metric(r.lonlat);
  r.length_m = line_length(r.m);
}
}  // namespace

std::vector<Route> load_patrols(store::Database& db, const MetricFrame& frame) {
  std::vector<Route> out;
  for (model::PatrolRecord& p : model::load_patrol_records(db)) {
    Route r;
    r.id = p.id;
    r.name = std::move(p.name);
    r.unit = std::move(p.unit);
    r.mode = std::move(p.mode);
    r.state = std::move(p.state);
    r.starts_at = std::move(p.starts_at);
    r.ends_at = std::move(p.ends_at);
    r.start_day = analysis::parse_day(r.starts_at);
    r.end_day = analysis::parse_day(r.ends_at);
    r.sensitive = p.sensitive;
    r.lonlat = std::move(p.parts.front());  // a route is planned along its first part
    finish(r, frame);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Route> load_route_file(const std::filesystem::path& file, const MetricFrame& frame,
                                   const std::map<std::string, double>& speeds) {
  const auto records = io::read_routes(file);
  std::vector<Route> out;
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& rec = records[i];
    const std::string where =
        file.string() + ": route " + std::to_string(i + 1) + " (\"" + rec.name + "\")";
    Route r;
    r.id = int64_t(i + 1);
    r.name = rec.name;
    r.unit = rec.unit;
    r.mode = rec.mode.empty() ? "foot" : rec.mode;
    if (!speeds.contains(r.mode))
      throw io::RouteFileError(where + ": unknown mode \"" + r.mode + "\" (patrol_modes)");
    r.state = rec.state.empty() ? "planned" : rec.state;
    if (r.state != "planned" && r.state != "done")
      throw io::RouteFileError(where + ": state must be planned or done, not \"" + r.state + "\"");
    r.starts_at = rec.starts_at;
    r.ends_at = rec.ends_at;
    if (!rec.starts_at.empty() && !(r.start_day = analysis::parse_day(rec.starts_at)))
      throw io::RouteFileError(where + ": starts_at \"" + rec.starts_at + "\" is not a date");
    if (!rec.ends_at.empty() && !(r.end_day = analysis::parse_day(rec.ends_at)))
      throw io::RouteFileError(where + ": ends_at \"" + rec.ends_at + "\" is not a date");
    r.lonlat = rec.line;
    finish(r, frame);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<io::RouteRecord> to_records(const std::vector<Route>& routes) {
  std::vector<io::RouteRecord> out;
  for (const auto& r : routes)
    out.push_back({r.name, r.unit, r.mode, r.state, r.starts_at, r.ends_at, r.lonlat});
  return out;
}

std::map<std::string, double> mode_speeds(store::Database& db,
                                          const std::vector<std::string>& overrides) {
  std::map<std::string, double> speeds;
  for (const auto& [mode, kmh] : model::load_mode_speeds(db)) speeds[mode] = kmh;
  for (const auto& o : overrides) {
    const auto eq = o.find('=');
    if (eq == std::string::npos)
      throw std::invalid_argument("--speed \"" + o + "\": expected MODE=KMH, e.g. foot=4");
    const std::string mode = o.substr(0, eq);
    if (!speeds.contains(mode))
      throw std::invalid_argument("--speed \"" + o + "\": unknown mode \"" + mode + "\"");
    double v = 0;
    try {
      v = std::stod(o.substr(eq + 1));
    } catch (const std::exception&) {
      v = -1;
    }
    if (!(v > 0)) throw std::invalid_argument("--speed \"" + o + "\": speed must be > 0 km/h");
    speeds[mode] = v;
  }
  return speeds;
}

}  // namespace secmap::border
