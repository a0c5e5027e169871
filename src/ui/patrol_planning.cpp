#include "ui/patrol_planning.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "border/border_window.h"
#include "border/coverage_state.h"
#include "border/segments.h"
#include "geo/crs.h"
#include "io/route_file.h"
#include "model/point_records.h"
#include "store/code_lists.h"

namespace secmap::ui {

namespace {

// The BLO offices (and any facility) linked to a counterpart, each pair once.
std::shared_ptr<const render::FacilityLinks> load_links(store::Database& db) {
  auto links = std::make_shared<render::FacilityLinks>();
  const store::CodeLists codes = store::CodeLists::load(db);
  const std::vector<model::PointRecord> fac =
      model::load_point_records(db, "facilities", model::SensitivityRule(codes));
  std::map<int64_t, const model::PointRecord*> by_id;
  for (const auto& f : fac) by_id.emplace(f.id, &f);
  std::set<std::pair<int64_t, int64_t>> seen;
  for (const auto& f : fac) {
    auto it = by_id.find(f.counterpart_id);
    if (f.counterpart_id == 0 || it == by_id.end()) continue;
    const model::PointRecord& c = *it->second;
    if (!seen.insert({std::min(f.id, c.id), std::max(f.id, c.id)}).second) continue;
    render::FacilityLink l;
    l.a = geo::lonlat_to_mercator(f.lonlat);
    l.b = geo::lonlat_to_mercator(c.lonlat);
    l.name = f.name + " ↔ " + c.name;
    l.sensitive = f.sensitive || c.sensitive;
    links->push_back(std::move(l));
  }
  return links;
}

}  // namespace

std::string window_text(const analysis::Window& w) {
  return analysis::format_day(w.from) + " – " + analysis::format_day(w.to);
}

struct PatrolPlanning::Results {
  Request request;
  PatrolWindow plan;
  CooperationWindow coop;
  std::string error;  // a part that failed (the rest still shows)
};

// The worker's connection and metric frame (a PROJ transform is used by one thread at a time).
struct PatrolPlanning::WorkerDatabase {
  std::filesystem::path path;
  std::optional<store::Database> db;
  std::optional<border::MetricFrame> frame;
  store::Database& get() {
    if (!db) db.emplace(store::Database::open(path, store::Database::Mode::OpenExisting));
    if (!frame) frame.emplace(border::MetricFrame::for_database(*db));
    return *db;
  }
};

namespace {

struct Tuning {
  double buffer_m, min_fraction, coop_radius_m;
  int recent_days;
};

analysis::Window window_of(store::Database& db, render::DayRange days) {
  const render::DayRange all;
  if (days.from == all.from && days.to == all.to) return border::command_window(db, "", "");
  analysis::Window w = border::command_window(db, "", "");
  if (days.to != all.to) w.to = days.to;
  w.from = days.from != all.from ? days.from : w.to - 364;
  w.label = analysis::format_day(w.from) + "/" + analysis::format_day(w.to);
  return w;
}

template <class Inputs>
PatrolWindow compute_plan(store::Database& db, const border::MetricFrame& frame, const Inputs& in,
                          const Tuning& t, const analysis::Window& w, std::string& error) {
  PatrolWindow p;
  p.window = w;
  for (const auto& r : in.routes)
    if (r.in_window(w)) p.routes.push_back(r);
  p.coverage =
      border::compute_coverage(in.segs, in.crossings, p.routes, {t.buffer_m, t.min_fraction});
  if (!p.routes.empty()) {
    try {
      p.hotspots = border::hotspot_communes(db, in.communes, w);
    } catch (const std::exception& e) {
      error = e.what();  // the plan still lists routes, lengths and crossings
    }
    p.plan = border::plan_routes(p.routes, in.speeds, in.communes, p.hotspots, in.crossings,
                                 p.coverage, frame, {t.buffer_m});
  }
  for (size_t i = 0; i < in.segs.size(); ++i)
    if (!p.coverage.segments[i].covered) p.uncovered_segments.push_back(int(i));
  for (size_t i = 0; i < in.crossings.size(); ++i)
    if (!p.coverage.crossings[i].covered) p.uncovered_crossings.push_back(int(i));
  auto layer = std::make_shared<render::CoverageSegments>();
  layer->recent_days = t.recent_days;
  for (size_t i = 0; i < in.segs.size(); ++i) {
    render::CoverageSegment s;
    for (const auto& q : in.segs[i].lonlat) s.line.push_back(geo::lonlat_to_mercator(q));
    const auto& c = p.coverage.segments[i];
    s.state = int(border::coverage_state(c, w.to, {t.min_fraction, t.recent_days}));
    s.done_routes = c.done_routes;
    layer->segments.push_back(std::move(s));
  }
  p.layer = std::move(layer);
  return p;
}

template <class Inputs>
CooperationWindow compute_cooperation(store::Database& db, const border::MetricFrame& frame,
                                      const Inputs& in, const Tuning& t,
                                      const analysis::Window& w) {
  CooperationWindow c;
  c.window = w;
  c.events = border::load_cooperation(db, frame, w.from, w.to);
  c.by_crossing = border::cooperation_by_crossing(c.events, in.crossings);
  c.by_segment = border::cooperation_by_segment(c.events, in.crossings, in.segs, t.coop_radius_m);
  for (const auto& e : c.events) ++c.by_quarter[{border::quarter_label(e.day), e.kind}];
  return c;
}

}  // namespace

void PatrolPlanning::close() {
  available_ = reload_routes_ = false;
  error_.clear();
  source_.clear();
  in_ = std::make_shared<Inputs>();
  links_.reset();
  kinds_.clear();
  kind_names_.clear();
  mode_names_.clear();
  invalidate();
  shown_.reset();
}

PatrolPlanning::Inputs& PatrolPlanning::change_inputs() {
  auto copy = std::make_shared<Inputs>(*in_);
  Inputs& ref = *copy;
  in_ = std::move(copy);
  invalidate();
  return ref;
}

void PatrolPlanning::open(store::Database& db) {
  close();
  try {
    links_ = load_links(db);
    const auto codes = store::CodeLists::load(db);
    for (const auto& k : codes.list("cooperation_kinds")) {
      kinds_.push_back(k.code);
      kind_names_[k.code] = {k.name_vi, k.name_en};
    }
    for (const auto& m : codes.list("patrol_modes")) mode_names_[m.code] = {m.name_vi, m.name_en};
    Inputs& in = change_inputs();
    in.frame = std::make_shared<const border::MetricFrame>(border::MetricFrame::for_database(db));
    const auto line = border::load_border_line(db, *in.frame);
    in.segs = border::segments_for(db, *in.frame, line, "fixed", 5000);
    in.crossings = border::load_crossings(db, *in.frame);
    in.routes = border::load_patrols(db, *in.frame);
    in.speeds = border::mode_speeds(db, {});
    in.communes = analysis::load_communes(db);
    // The worker reads the window's incidents and events through a connection of its own.
    worker_db_ = std::make_shared<WorkerDatabase>();
    worker_db_->path = db.path();
    available_ = true;
  } catch (const std::exception& e) {
    error_ = e.what();
    available_ = false;
  }
}

bool PatrolPlanning::import_routes(const std::filesystem::path& file) {
  if (!in_->frame) return false;
  try {
    auto routes = border::load_route_file(file, *in_->frame, in_->speeds);
    change_inputs().routes = std::move(routes);
    source_ = file.string();
    error_.clear();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

void PatrolPlanning::use_database_routes() {
  source_.clear();
  change_inputs().routes.clear();
  // Re-read on the next request: the table may have changed since opening.
  reload_routes_ = true;
}

void PatrolPlanning::set_speed(const std::string& mode, double kmh) {
  if (kmh <= 0 || (in_->speeds.count(mode) && in_->speeds.at(mode) == kmh)) return;
  change_inputs().speeds[mode] = kmh;
}

const std::map<std::string, double>& PatrolPlanning::speeds() const {
  return in_->speeds;
}

analysis::Window PatrolPlanning::window_for(store::Database& db, render::DayRange days) const {
  return window_of(db, days);
}

const PatrolPlanning::Results* PatrolPlanning::results(store::Database& db, render::DayRange days,
                                                       bool wait) {
  if (!available_) return nullptr;
  if (reload_routes_ && in_->frame) {
    change_inputs().routes = border::load_patrols(db, *in_->frame);
    reload_routes_ = false;
  }
  const Request want{epoch_, days};
  auto take_finished = [&] {
    std::lock_guard lock(mutex_);
    if (finished_ && finished_->request.epoch == epoch_) shown_ = finished_;
  };
  take_finished();
  if (shown_ && shown_->request == want) return shown_.get();
  if (!requested_ || !(*requested_ == want)) {
    requested_ = want;
    const Tuning t{buffer_m, min_fraction, coop_radius_m, recent_days};
    worker_.submit([this, in = in_, conn = worker_db_, t, want] {
      auto r = std::make_shared<Results>();
      r->request = want;
      try {
        store::Database& wdb = conn->get();
        const analysis::Window w = window_of(wdb, want.days);
        r->plan = compute_plan(wdb, *conn->frame, *in, t, w, r->error);
        r->coop = compute_cooperation(wdb, *conn->frame, *in, t, w);
      } catch (const std::exception& e) {
        r->error = e.what();
      }
      std::lock_guard lock(mutex_);
      finished_ = std::move(r);
    });
  }
  if (!wait) return nullptr;
  worker_.wait_idle();
  take_finished();
  return shown_ && shown_->request == want ? shown_.get() : nullptr;
}

bool PatrolPlanning::updating() const {
  return worker_.busy() || (requested_ && (!shown_ || !(shown_->request == *requested_)));
}

const PatrolWindow* PatrolPlanning::plan_if_ready(store::Database& db, render::DayRange days) {
  const Results* r = results(db, days, false);
  if (r && !r->error.empty()) error_ = r->error;
  return r ? &r->plan : nullptr;
}

const CooperationWindow* PatrolPlanning::cooperation_if_ready(store::Database& db,
                                                              render::DayRange days) {
  const Results* r = results(db, days, false);
  return r ? &r->coop : nullptr;
}

const PatrolWindow& PatrolPlanning::plan(store::Database& db, render::DayRange days) {
  static const PatrolWindow none;
  const Results* r = results(db, days, true);
  if (r && !r->error.empty()) error_ = r->error;
  return r ? r->plan : none;
}

const CooperationWindow& PatrolPlanning::cooperation(store::Database& db, render::DayRange days) {
  static const CooperationWindow none;
  const Results* r = results(db, days, true);
  return r ? r->coop : none;
}

size_t PatrolPlanning::export_routes(const std::filesystem::path& out, bool include_sensitive) {
  if (!shown_) throw std::runtime_error("no patrol plan computed yet");
  const PatrolWindow& plan = shown_->plan;
  std::vector<border::Route> keep;
  for (const auto& r : plan.routes)
    if (!source_.empty() || !r.sensitive || include_sensitive) keep.push_back(r);
  if (keep.empty())
    throw std::runtime_error("không có tuyến nào để xuất / no routes to export in " +
                             window_text(plan.window));
  io::write_routes(out, border::to_records(keep));
  return keep.size();
}

namespace {
std::string name_in(const std::map<std::string, std::pair<std::string, std::string>>& names,
                    const std::string& code, render::Lang lang) {
  const auto it = names.find(code);
  if (it == names.end()) return code;
  const std::string& name = lang == render::Lang::Vi ? it->second.first : it->second.second;
  return name.empty() ? code : name;
}
}  // namespace

std::string PatrolPlanning::kind_name(const std::string& code, render::Lang lang) const {
  return name_in(kind_names_, code, lang);
}

std::string PatrolPlanning::mode_name(const std::string& code, render::Lang lang) const {
  return name_in(mode_names_, code, lang);
}

namespace {
std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}
}  // namespace

std::vector<PatrolRowText> patrol_rows(const PatrolPlanning& pp, const PatrolWindow& w) {
  std::vector<PatrolRowText> out;
  for (size_t i = 0; i < w.routes.size() && i < w.plan.size(); ++i) {
    const auto& r = w.routes[i];
    const auto& p = w.plan[i];
    char km[32];
    std::snprintf(km, sizeof km, "%.2f", p.length_m / 1000);
    std::vector<std::string> hot, cross;
    for (int32_t k : p.hotspots) hot.push_back(pp.communes().names[size_t(k)]);
    for (int k : p.crossings) cross.push_back(pp.crossings()[size_t(k)].name);
    out.push_back({r.name, r.mode, r.state, km, border::format_hours(p.hours), join(hot, "; "),
                   join(cross, "; "), p.hours});
  }
  return out;
}

std::vector<std::string> uncovered_segment_ids(const PatrolPlanning& pp, const PatrolWindow& w) {
  std::vector<std::string> out;
  for (int i : w.uncovered_segments) out.push_back(pp.segments()[size_t(i)].segment_id);
  return out;
}

std::vector<std::string> uncovered_crossing_names(const PatrolPlanning& pp, const PatrolWindow& w) {
  std::vector<std::string> out;
  for (int i : w.uncovered_crossings) out.push_back(pp.crossings()[size_t(i)].name);
  return out;
}

std::vector<std::string> crossing_names(const PatrolPlanning& pp) {
  std::vector<std::string> out;
  for (const auto& c : pp.crossings()) out.push_back(c.name);
  return out;
}

std::vector<std::string> segment_ids(const PatrolPlanning& pp) {
  std::vector<std::string> out;
  for (const auto& s : pp.segments()) out.push_back(s.segment_id);
  return out;
}

std::vector<CoopTotal> coop_totals(const border::CooperationCounts& counts,
                                   const std::vector<std::string>& target_names) {
  std::map<int, CoopTotal> by_target;
  for (const auto& [key, n] : counts) {
    const int t = std::get<0>(key);
    auto& row = by_target[t];
    row.target = size_t(t) < target_names.size() ? target_names[size_t(t)] : std::to_string(t);
    row.by_kind[std::get<2>(key)] += n;
  }
  std::vector<CoopTotal> out;
  for (auto& [t, row] : by_target) out.push_back(std::move(row));
  return out;
}

}  // namespace secmap::ui
