// The border side of the window: what the Patrol and Cooperation panels, the "coverage" layer
// and the BLO links show, computed with the border module's own functions for the window's time
// controls (the numbers `secmap patrol plan|coverage` and `secmap border cooperation` print with
// the same --from/--to). What does not depend on the window (border line, 5 km segments,
// crossings, routes, speeds, communes, BLO links) is read once per database. GL-free.
#pragma once
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "analysis/dates.h"
#include "border/border_data.h"
#include "border/cooperation_stats.h"
#include "border/coverage.h"
#include "border/patrol_plan.h"
#include "border/routes.h"
#include "render/coverage_segments.h"
#include "render/style.h"
#include "store/database.h"
#include "ui/latest_job.h"

namespace secmap::ui {

// The patrol plan of one window.
struct PatrolWindow {
  analysis::Window window;
  std::vector<border::Route> routes;  // of the window
  border::Coverage coverage;
  std::vector<border::PlanRow> plan;        // per route
  std::map<int32_t, std::string> hotspots;  // commune index → Gi* class
  std::vector<int> uncovered_segments, uncovered_crossings;
  std::shared_ptr<const render::CoverageSegments> layer;  // for MapOptions::coverage
};

// Cooperation events of one window, counted as `secmap border cooperation` counts them.
struct CooperationWindow {
  analysis::Window window;
  std::vector<border::CooperationEvent> events;  // by day
  border::CooperationCounts by_crossing, by_segment;
  // Per quarter ("2025-Q1") and kind: events in it.
  std::map<std::pair<std::string, std::string>, int64_t> by_quarter;
};

class PatrolPlanning {
 public:
  // Reads the border data of the open database; afterwards available() tells whether it has a
  // border line (else error() says what is missing).
  void open(store::Database& db);
  void close();
  bool available() const { return available_; }
  const std::string& error() const { return error_; }

  // Routes from an imported file (GPX, KML, GeoJSON, GPKG) instead of the patrols table; on a
  // bad file keeps the current routes and returns false with error() naming file and route.
  bool import_routes(const std::filesystem::path& file);
  void use_database_routes();
  const std::string& routes_source() const { return source_; }  // "" = the patrols table
  // Planning speed for a mode (km/h > 0), as `--speed mode=kmh`.
  void set_speed(const std::string& mode, double kmh);
  const std::map<std::string, double>& speeds() const;

  // The window of the time controls: both ends unbounded means the commands' default window
  // (365 days to the latest incident).
  analysis::Window window_for(store::Database& db, render::DayRange days) const;
  // The window's results, computed on a background thread (the window never waits for them):
  // those of exactly this window, or nullptr while they are being computed (asked for here
  // when needed; updating() tells).
  const PatrolWindow* plan_if_ready(store::Database& db, render::DayRange days);
  const CooperationWindow* cooperation_if_ready(store::Database& db, render::DayRange days);
  bool updating() const;
  // The same, waiting for them (scripts, exports, the state dump, tests).
  const PatrolWindow& plan(store::Database& db, render::DayRange days);
  const CooperationWindow& cooperation(store::Database& db, render::DayRange days);
  // Writes the window's routes (GPX or GeoJSON by extension); sensitive patrols from the
  // database only with include_sensitive. Returns how many were written; throws on failure.
  size_t export_routes(const std::filesystem::path& out, bool include_sensitive);

  const std::vector<border::Segment>& segments() const { return in_->segs; }
  const std::vector<border::Crossing>& crossings() const { return in_->crossings; }
  const analysis::CommuneSet& communes() const { return in_->communes; }
  const std::shared_ptr<const render::FacilityLinks>& links() const { return links_; }
  const border::MetricFrame& frame() const { return *in_->frame; }
  // A cooperation kind's name (code list cooperation_kinds); the code when unknown.
  std::string kind_name(const std::string& code, render::Lang lang) const;
  // A patrol mode's name ("đi bộ", "xe máy") in the language; the code when it has none.
  std::string mode_name(const std::string& code, render::Lang lang) const;
  // Cooperation kinds in the code list's order.
  const std::vector<std::string>& kinds() const { return kinds_; }

  // The data under the window's results changed (incidents, cooperation events): recompute
  // them on the next call; what does not depend on the window stays.
  void invalidate_results() { invalidate(); }

  // Tuning of the coverage rule and layer, as the commands' defaults.
  double buffer_m = 1000, min_fraction = 0.8, coop_radius_m = 5000;
  int recent_days = 30;

 private:
  // What the window's results are computed from, shared read-only with the worker; replaced
  // (never changed) when the database, the routes or the speeds change.
  struct Inputs {
    std::shared_ptr<const border::MetricFrame> frame;  // the window's thread only (PROJ)
    std::vector<border::Segment> segs;
    std::vector<border::Crossing> crossings;
    std::vector<border::Route> routes;  // all, from the table or the file
    std::map<std::string, double> speeds;
    analysis::CommuneSet communes;
  };
  struct Results;
  // Results computed from older inputs or data are never shown again.
  void invalidate() { ++epoch_; }
  // The finished results for days (waiting for them when asked), or nullptr.
  const Results* results(store::Database& db, render::DayRange days, bool wait);
  Inputs& change_inputs();  // a copy to change, the worker keeps the old one

  bool available_ = false;
  bool reload_routes_ = false;  // back to the patrols table: read it again
  std::string error_, source_;
  std::shared_ptr<const Inputs> in_ = std::make_shared<Inputs>();
  std::shared_ptr<const render::FacilityLinks> links_;
  std::vector<std::string> kinds_;
  std::map<std::string, std::pair<std::string, std::string>> kind_names_;  // code → (vi, en)
  std::map<std::string, std::pair<std::string, std::string>> mode_names_;  // code → (vi, en)
  std::filesystem::path db_path_;
  uint64_t epoch_ = 0;
  struct Request {
    uint64_t epoch = 0;
    render::DayRange days;
    bool operator==(const Request& o) const {
      return epoch == o.epoch && days.from == o.days.from && days.to == o.days.to;
    }
  };
  std::optional<Request> requested_;
  std::shared_ptr<const Results> shown_;  // the results the panels draw (window's thread)
  mutable std::mutex mutex_;              // guards finished_
  std::shared_ptr<const Results> finished_;
  struct WorkerDatabase;  // the worker's own connection, used on its thread only
  std::shared_ptr<WorkerDatabase> worker_db_;
  LatestJob worker_;  // last: stopped (joined) before everything it uses goes
};

// "2025-01-01 – 2025-12-31"
std::string window_text(const analysis::Window& w);

// One row of the Patrol panel's route table as shown (the state dump gives the same text).
// A route's row as `secmap patrol plan` writes it (codes, "0 h 34 min"), and its duration in
// hours for the panel's own language.
struct PatrolRowText {
  std::string name, mode, state, length_km, duration, hotspots, crossings;
  double hours = 0;
};
std::vector<PatrolRowText> patrol_rows(const PatrolPlanning& pp, const PatrolWindow& w);
// Segment ids and crossing names no route covers in the window.
std::vector<std::string> uncovered_segment_ids(const PatrolPlanning& pp, const PatrolWindow& w);
std::vector<std::string> uncovered_crossing_names(const PatrolPlanning& pp, const PatrolWindow& w);

// The Cooperation panel's totals: per crossing (or segment) and kind over the window.
struct CoopTotal {
  std::string target;  // crossing name or segment id
  std::map<std::string, int64_t> by_kind;
};
// Names of the crossings, ids of the segments (the targets of the counts).
std::vector<std::string> crossing_names(const PatrolPlanning& pp);
std::vector<std::string> segment_ids(const PatrolPlanning& pp);
std::vector<CoopTotal> coop_totals(const border::CooperationCounts& counts,
                                   const std::vector<std::string>& target_names);

}  // namespace secmap::ui
