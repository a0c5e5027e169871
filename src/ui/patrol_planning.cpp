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

void PatrolPlanning::close() {
  available_ = reload_routes_ = false;
  error_.clear();
  source_.clear();
  frame_.reset();
  segs_.clear();
  crossings_.clear();
  routes_.clear();
  speeds_.clear();
  communes_ = {};
  links_.reset();
  kinds_.clear();
  kind_names_.clear();
  plan_.reset();
  coop_.reset();
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
    frame_.emplace(border::MetricFrame::for_database(db));
    const auto line = border::load_border_line(db, *frame_);
    segs_ = border::segments_for(db, *frame_, line, "fixed", 5000);
    crossings_ = border::load_crossings(db, *frame_);
    routes_ = border::load_patrols(db, *frame_);
    speeds_ = border::mode_speeds(db, {});
    communes_ = analysis::load_communes(db);
    available_ = true;
  } catch (const std::exception& e) {
    error_ = e.what();
    available_ = false;
  }
}

bool PatrolPlanning::import_routes(const std::filesystem::path& file) {
  if (!frame_) return false;
  try {
    auto routes = border::load_route_file(file, *frame_, speeds_);
    routes_ = std::move(routes);
    source_ = file.string();
    error_.clear();
    invalidate();
    return true;
  } catch (const std::exception& e) {
    error_ = e.what();
    return false;
  }
}

void PatrolPlanning::use_database_routes() {
  source_.clear();
  invalidate();
  routes_.clear();
  // Re-read on the next plan(): the table may have changed since opening.
  reload_routes_ = true;
}

void PatrolPlanning::set_speed(const std::string& mode, double kmh) {
  if (kmh <= 0 || speeds_[mode] == kmh) return;
  speeds_[mode] = kmh;
  invalidate();
}

analysis::Window PatrolPlanning::window_for(store::Database& db, render::DayRange days) const {
  const render::DayRange all;
  if (days.from == all.from && days.to == all.to) return border::command_window(db, "", "");
  analysis::Window w = border::command_window(db, "", "");
  if (days.to != all.to) w.to = days.to;
  w.from = days.from != all.from ? days.from : w.to - 364;
  w.label = analysis::format_day(w.from) + "/" + analysis::format_day(w.to);
  return w;
}

const PatrolWindow& PatrolPlanning::plan(store::Database& db, render::DayRange days) {
  const analysis::Window w = window_for(db, days);
  if (plan_ && plan_->window.from == w.from && plan_->window.to == w.to) return *plan_;
  if (reload_routes_ && frame_) {
    routes_ = border::load_patrols(db, *frame_);
    reload_routes_ = false;
  }
  PatrolWindow p;
  p.window = w;
  for (const auto& r : routes_)
    if (r.in_window(w)) p.routes.push_back(r);
  p.coverage = border::compute_coverage(segs_, crossings_, p.routes, {buffer_m, min_fraction});
  if (!p.routes.empty()) {
    try {
      p.hotspots = border::hotspot_communes(db, communes_, w);
    } catch (const std::exception& e) {
      error_ = e.what();  // the plan still lists routes, lengths and crossings
    }
    p.plan = border::plan_routes(p.routes, speeds_, communes_, p.hotspots, crossings_, p.coverage,
                                 *frame_, {buffer_m});
  }
  for (size_t i = 0; i < segs_.size(); ++i)
    if (!p.coverage.segments[i].covered) p.uncovered_segments.push_back(int(i));
  for (size_t i = 0; i < crossings_.size(); ++i)
    if (!p.coverage.crossings[i].covered) p.uncovered_crossings.push_back(int(i));
  auto layer = std::make_shared<render::CoverageSegments>();
  layer->recent_days = recent_days;
  for (size_t i = 0; i < segs_.size(); ++i) {
    render::CoverageSegment s;
    for (const auto& q : segs_[i].lonlat) s.line.push_back(geo::lonlat_to_mercator(q));
    const auto& c = p.coverage.segments[i];
    s.state = int(border::coverage_state(c, w.to, {min_fraction, recent_days}));
    s.done_routes = c.done_routes;
    layer->segments.push_back(std::move(s));
  }
  p.layer = std::move(layer);
  plan_ = std::move(p);
  return *plan_;
}

const CooperationWindow& PatrolPlanning::cooperation(store::Database& db, render::DayRange days) {
  const analysis::Window w = window_for(db, days);
  if (coop_ && coop_->window.from == w.from && coop_->window.to == w.to) return *coop_;
  CooperationWindow c;
  c.window = w;
  if (frame_) {
    c.events = border::load_cooperation(db, *frame_, w.from, w.to);
    c.by_crossing = border::cooperation_by_crossing(c.events, crossings_);
    c.by_segment = border::cooperation_by_segment(c.events, crossings_, segs_, coop_radius_m);
    for (const auto& e : c.events) ++c.by_quarter[{border::quarter_label(e.day), e.kind}];
  }
  coop_ = std::move(c);
  return *coop_;
}

size_t PatrolPlanning::export_routes(const std::filesystem::path& out, bool include_sensitive) {
  if (!plan_) throw std::runtime_error("no patrol plan computed yet");
  std::vector<border::Route> keep;
  for (const auto& r : plan_->routes)
    if (!source_.empty() || !r.sensitive || include_sensitive) keep.push_back(r);
  if (keep.empty())
    throw std::runtime_error("không có tuyến nào để xuất / no routes to export in " +
                             window_text(plan_->window));
  io::write_routes(out, border::to_records(keep));
  return keep.size();
}

std::string PatrolPlanning::kind_name(const std::string& code, render::Lang lang) const {
  const auto it = kind_names_.find(code);
  if (it == kind_names_.end()) return code;
  const std::string& name = lang == render::Lang::Vi ? it->second.first : it->second.second;
  return name.empty() ? code : name;
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
                   join(cross, "; ")});
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
