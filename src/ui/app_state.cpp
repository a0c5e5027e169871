#include "ui/app_state.h"

#include <algorithm>
#include <cmath>

#include "render/style.h"
#include "ui/edit_session.h"
#include "ui/import_session.h"
#include "ui/incident_filters.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {
namespace {

// Closest and farthest zoom: a street corner, the whole of Indochina.
constexpr double kMinMPerPx = 0.1, kMaxMPerPx = 20000;

bool is_all_days(render::DayRange d) {
  return d.from <= render::DayRange{}.from && d.to >= render::DayRange{}.to;
}

}  // namespace

AppState::AppState() {
  options_.fill_opacity = 0.85f;
  options_.prefetch_lod = true;  // zooming finds the next level of detail ready
  options_.layers.erase("coverage");
  patrol_ = std::make_unique<PatrolPlanning>();
  importing_ = std::make_unique<ImportSession>();
}
AppState::~AppState() = default;

bool AppState::open_database(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path abs = std::filesystem::absolute(path, ec);
  try {
    if (!std::filesystem::exists(abs))
      throw store::StoreError(abs.string() + ": không có tệp này / no such file");
    auto db = std::make_unique<store::Database>(store::Database::open(abs));
    auto data = std::make_shared<render::MapData>(render::load_map_data(*db));
    auto index = std::make_unique<FeatureIndex>(*db, *data);
    // Everything loaded: switch over (the index refers to data, so data goes first; the edit
    // session refers to the database, so it goes before it).
    auto editing = std::make_unique<EditSession>(*db);
    index_.reset();
    editing_.reset();
    data_ = std::move(data);
    index_ = std::move(index);
    db_ = std::move(db);
    editing_ = std::move(editing);
  } catch (const std::exception& e) {
    set_error({tr(S::CannotOpenDatabase, lang()), e.what(), tr(S::CannotOpenHelp, lang())});
    return false;
  }
  db_path_ = abs;
  ++generation_;
  change_log_.clear();
  targets_.invalidate();
  patrol_->open(*db_);
  const auto& days = data_->incidents.day;
  if (days.empty())
    data_days_ = {0, 0};
  else
    data_days_ = {*std::min_element(days.begin(), days.end()),
                  *std::max_element(days.begin(), days.end())};
  view_fitted_ = false;
  pending_view_.reset();
  selected_ = {};
  details_.reset();
  search_results_ = search_features(*index_, search_query_);
  error_.reset();
  return true;
}

bool AppState::reload_data() {
  if (!db_) return false;
  try {
    auto data = std::make_shared<render::MapData>(render::load_map_data(*db_));
    auto index = std::make_unique<FeatureIndex>(*db_, *data);
    index_.reset();
    data_ = std::move(data);
    index_ = std::move(index);
  } catch (const std::exception& e) {
    set_error({tr(S::CannotOpenDatabase, lang()), e.what(), tr(S::CannotOpenHelp, lang())});
    return false;
  }
  ++generation_;  // the GL side rebuilds from the new data; the view stays
  change_log_.clear();
  targets_.invalidate();
  patrol_->open(*db_);  // patrols may have been edited
  const auto& days = data_->incidents.day;
  if (!days.empty())
    data_days_ = {*std::min_element(days.begin(), days.end()),
                  *std::max_element(days.begin(), days.end())};
  selected_ = {};
  details_.reset();
  search_results_ = search_features(*index_, search_query_);
  return true;
}

void AppState::apply_changes(const std::vector<model::ChangeRecord>& changes) {
  if (!db_ || !data_ || changes.empty()) return;
  render::DataChange c;
  try {
    c = render::apply_changes(*db_, *data_, changes);
    if (c.crossings || c.facilities || c.other)
      index_ = std::make_unique<FeatureIndex>(*db_, *data_);
  } catch (const std::exception& e) {
    set_error({tr(S::CannotOpenDatabase, lang()), e.what(), tr(S::CannotOpenHelp, lang())});
    reload_data();
    return;
  }
  ++revision_;
  change_log_.emplace_back(revision_, c);
  constexpr size_t kKeep = 64;
  if (change_log_.size() > kKeep) change_log_.erase(change_log_.begin());
  targets_.invalidate();
  if (c.patrols || c.crossings || c.facilities)
    patrol_->open(*db_);
  else if (c.incidents || c.other)
    patrol_->invalidate_results();  // hotspots and cooperation of the window are recomputed
  if (c.incidents) {
    const auto& days = data_->incidents.day;
    if (!days.empty())
      data_days_ = {*std::min_element(days.begin(), days.end()),
                    *std::max_element(days.begin(), days.end())};
  }
  details_.reset();
  search_results_ = search_features(*index_, search_query_);
}

std::optional<render::DataChange> AppState::changes_since(uint64_t revision) const {
  if (revision == revision_) return render::DataChange{};
  if (change_log_.empty() || change_log_.front().first > revision + 1) return std::nullopt;
  render::DataChange out;
  for (const auto& [rev, c] : change_log_)
    if (rev > revision) out |= c;
  return out;
}

void AppState::set_viewport(int width, int height) {
  width = std::max(1, width);
  height = std::max(1, height);
  const bool resized = width != view_.width || height != view_.height;
  view_.width = width;
  view_.height = height;
  if (pending_view_) {
    view_.centre = pending_view_->centre;
    view_.m_per_px = pending_view_->m_per_px;
    pending_view_.reset();
    view_fitted_ = true;
    province_fitted_ = false;
  }
  if ((!view_fitted_ || (resized && province_fitted_)) && data_) fit_province();
}

void AppState::set_legend_area(std::optional<std::array<float, 4>> area) {
  auto moved = [&] {
    if (area.has_value() != legend_area_.has_value()) return true;
    if (!area) return false;
    for (size_t i = 0; i < 4; ++i)
      if (std::fabs((*area)[i] - (*legend_area_)[i]) > 2) return true;
    return false;
  };
  if (!moved()) return;
  legend_area_ = area;
  if (province_fitted_) fit_province();
}

void AppState::pan(double dx, double dy) {
  view_.pan_pixels(dx, dy);
  province_fitted_ = false;
}

void AppState::zoom_about(double px, double py, double factor) {
  if (!(factor > 0)) return;
  province_fitted_ = false;
  const double target = std::clamp(view_.m_per_px / factor, kMinMPerPx, kMaxMPerPx);
  view_.zoom_about({px, py}, view_.m_per_px / target);
}

void AppState::fit(const geo::BBox& b, double margin) {
  if (b.empty()) return;
  geo::BBox m = b;
  const double dx = std::max((b.max_x - b.min_x) * margin, 500.0);
  const double dy = std::max((b.max_y - b.min_y) * margin, 500.0);
  m.min_x -= dx, m.max_x += dx, m.min_y -= dy, m.max_y += dy;
  // Where the map may go: the whole map area, or with a legend the part left of it or the
  // part below it, whichever shows the box larger.
  struct Region {
    double x0, y0, x1, y1;
  };
  const double W = view_.width, H = view_.height;
  std::vector<Region> regions{{0, 0, W, H}};
  if (legend_area_) {
    const auto& a = *legend_area_;
    constexpr double kGap = 4;  // pixels between the map and the legend's box
    regions = {{0, 0, std::max(1.0, a[0] - kGap), H}, {0, std::min(H - 1, a[3] + kGap), W, H}};
  }
  std::optional<std::pair<Region, render::View>> best;
  for (const Region& r : regions) {
    const render::View v = render::View::fit(m, static_cast<int>(std::max(1.0, r.x1 - r.x0)),
                                             static_cast<int>(std::max(1.0, r.y1 - r.y0)));
    if (!best || v.m_per_px < best->second.m_per_px) best.emplace(r, v);
  }
  const Region& r = best->first;
  view_.m_per_px = std::clamp(best->second.m_per_px, kMinMPerPx, kMaxMPerPx);
  // The box's centre at the region's centre (pixels y down, Mercator y up).
  view_.centre = {(m.min_x + m.max_x) / 2 - ((r.x0 + r.x1) / 2 - W / 2) * view_.m_per_px,
                  (m.min_y + m.max_y) / 2 + ((r.y0 + r.y1) / 2 - H / 2) * view_.m_per_px};
  view_fitted_ = true;
}

void AppState::fit_province() {
  if (!data_) return;
  geo::BBox b;
  for (const auto& c : data_->communes) b.add(c.bbox);
  fit(b.empty() ? data_->extent : b, 0.03);
  province_fitted_ = true;
}

void AppState::fit_selection() {
  if (!index_ || !selected_) return;
  fit(index_->bbox(selected_), 0.15);
  province_fitted_ = false;
}

void AppState::set_days(render::DayRange days) {
  if (days.from > days.to) std::swap(days.from, days.to);
  options_.days = days;
}

void AppState::set_lang(Lang lang) {
  options_.lang = lang;
}

size_t AppState::visible_incidents() const {
  if (!data_ || !options_.layers.count("incidents")) return 0;
  return render::count_incidents(data_->incidents, options_.incident_filter());
}

int AppState::incidents_in_commune(int commune) const {
  if (!data_) return 0;
  int n = 0;
  const auto& inc = data_->incidents;
  const render::IncidentFilter f = options_.incident_filter();
  for (size_t i = 0; i < inc.size(); ++i)
    if (inc.commune[i] == commune && f.accepts(inc, i)) ++n;
  return n;
}

FeatureRef AppState::click(double px, double py) {
  if (!index_) return {};
  // Symbols are picked within their drawn radius plus a little slack.
  select(index_->hit_test(view_, {px, py}, 9.0, options_));
  return selected_;
}

void AppState::select(FeatureRef f) {
  if (f == selected_) return;
  selected_ = f;
  details_.reset();
}

const FeatureDetails& AppState::selected_details() {
  if (!details_ || details_lang_ != lang()) {
    details_lang_ = lang();
    try {
      details_ = index_ && db_ ? index_->details(*db_, selected_, lang()) : FeatureDetails{};
    } catch (const std::exception& e) {
      details_ = FeatureDetails{};
      set_error({tr(S::CannotOpenDatabase, lang()), e.what(), tr(S::CannotOpenHelp, lang())});
    }
  }
  return *details_;
}

void AppState::set_search(std::string query) {
  if (query == search_query_) return;
  search_query_ = std::move(query);
  search_results_ = index_ ? search_features(*index_, search_query_) : std::vector<SearchHit>{};
}

void AppState::fly_to(const SearchHit& hit) {
  if (!index_ || !hit.ref) return;
  select(hit.ref);
  if (hit.ref.kind == FeatureKind::Commune) {
    fit_selection();
  } else {
    const geo::BBox b = index_->bbox(hit.ref);  // a point: min == max
    view_.centre = {b.min_x, b.min_y};
    province_fitted_ = false;
    view_.m_per_px = std::min(view_.m_per_px, 20.0);  // close enough to see the surroundings
  }
}

void AppState::set_error(UiError e) {
  error_ = std::move(e);
}

Settings AppState::to_settings() const {
  Settings s;
  s.database = db_path_.string();
  if (data_) {
    s.centre_x = view_.centre.x;
    s.centre_y = view_.centre.y;
    s.m_per_px = view_.m_per_px;
  }
  s.layers.assign(options_.layers.begin(), options_.layers.end());
  s.style = render::style_name(options_.style);
  s.fill_opacity = options_.fill_opacity;
  if (!is_all_days(options_.days)) {
    s.date_from = render::iso_date(options_.days.from);
    s.date_to = render::iso_date(options_.days.to);
  }
  s.group_mask = options_.group_mask;
  if (data_) {
    s.hidden_categories = hidden_codes(*data_, options_, FilterList::Categories);
    s.hidden_severities = hidden_codes(*data_, options_, FilterList::Severities);
    s.hidden_statuses = hidden_codes(*data_, options_, FilterList::Statuses);
  }
  s.layer_order = options_.order;
  s.layer_opacity.assign(options_.opacity.begin(), options_.opacity.end());
  s.lang = std::string(lang_code(lang()));
  s.large_text = large_text;
  return s;
}

void AppState::apply_settings(const Settings& s) {
  render::LayerSet layers;
  for (const auto& l : s.layers)
    if (std::find(std::begin(render::kLayerNames), std::end(render::kLayerNames), l) !=
        std::end(render::kLayerNames))
      layers.insert(l);
  options_.layers = layers;
  if (auto st = render::parse_style(s.style); st && *st != render::StyleKind::Plain)
    options_.style = *st;
  options_.fill_opacity = std::clamp(s.fill_opacity, 0.f, 1.f);
  auto from = render::day_number(s.date_from), to = render::day_number(s.date_to);
  if (from && to && *from <= *to) options_.days = {*from, *to};
  options_.group_mask = s.group_mask;
  if (data_) {
    clear_code_filters(options_);
    options_.group_mask = s.group_mask;
    hide_codes(*data_, options_, FilterList::Categories, s.hidden_categories);
    hide_codes(*data_, options_, FilterList::Severities, s.hidden_severities);
    hide_codes(*data_, options_, FilterList::Statuses, s.hidden_statuses);
  }
  options_.order = s.layer_order;
  options_.opacity.clear();
  for (const auto& [layer, value] : s.layer_opacity)
    if (std::isfinite(value)) options_.opacity[layer] = std::clamp(value, 0.f, 1.f);
  options_.lang = parse_lang(s.lang);
  large_text = s.large_text;
  std::error_code ec;
  if (data_ && s.centre_x && s.centre_y && s.m_per_px && std::isfinite(*s.m_per_px) &&
      *s.m_per_px > 0 && std::filesystem::equivalent(s.database, db_path_, ec)) {
    render::View v = view_;
    v.centre = {*s.centre_x, *s.centre_y};
    v.m_per_px = std::clamp(*s.m_per_px, kMinMPerPx, kMaxMPerPx);
    pending_view_ = v;
  }
}

void AppState::sync_border_layers() {
  if (!db_ || !patrol_->available()) {
    options_.coverage.reset();
    options_.links.reset();
    return;
  }
  options_.links = patrol_->links();
  // The coverage of exactly this window, once the worker has it; none meanwhile.
  const PatrolWindow* plan =
      options_.layers.count("coverage") ? patrol_->plan_if_ready(*db_, options_.days) : nullptr;
  if (plan)
    options_.coverage = plan->layer;
  else
    options_.coverage.reset();
}

}  // namespace secmap::ui
