#include "border/routes.h"

#include <stdexcept>

#include "border/planar.h"

namespace secmap::border {

bool Route::in_window(const analysis::Window& w) const {
  if (!start_day && !end_day) return true;
  const int32_t a = start_day.value_or(*end_day), b = end_day.value_or(a);
  return a <= w.to && b >= w.from;
}

namespace {
void finish(Route& r, const MetricFrame& frame) {
  r.m = frame.to_metric(r.lonlat);
  r.length_m = line_length(r.m);
}
}  // namespace

std::vector<Route> load_patrols(store::Database& db, const MetricFrame& frame) {
  auto st = db.prepare(
      "SELECT id, name, coalesce(unit, ''), mode, state, coalesce(starts_at, ''), "
      "coalesce(ends_at, ''), sensitive, AsBinary(geom) FROM patrols WHERE geom IS NOT NULL "
      "ORDER BY id");
  std::vector<Route> out;
  while (st.step()) {
    Route r;
    r.id = st.column_int(0);
    r.name = st.column_text(1);
    r.unit = st.column_text(2);
    r.mode = st.column_text(3);
    r.state = st.column_text(4);
    r.starts_at = st.column_text(5);
    r.ends_at = st.column_text(6);
    r.start_day = analysis::parse_day(r.starts_at);
    r.end_day = analysis::parse_day(r.ends_at);
    r.sensitive = st.column_int(7) != 0;
    size_t n = 0;
    const uint8_t* wkb = st.column_blob_data(8, &n);
    const geo::Geometry g = geo::from_wkb({wkb, n});
    if (g.lines.empty() || g.lines[0].size() < 2) continue;
    r.lonlat = g.lines[0];
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
  auto st = db.prepare("SELECT code, speed_kmh FROM patrol_modes");
  while (st.step()) speeds[st.column_text(0)] = st.column_double(1);
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
