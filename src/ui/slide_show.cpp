#include "ui/slide_show.h"

#include <algorithm>

#include "ui/slide_view_state.h"
#include "ui/time_presets.h"

namespace secmap::ui {
namespace {

bool same_place(const render::View& a, const render::View& b) {
  return a.centre == b.centre && a.m_per_px == b.m_per_px;
}

}  // namespace

std::string window_label(render::DayRange d, Lang lang) {
  if (is_unbounded(d)) return tr(S::AllDates, lang);
  const std::string from = window_from(d).empty() ? "…" : format_day(d.from);
  const std::string to = window_to(d).empty() ? "…" : format_day(d.to);
  return from + " – " + to;
}

size_t incidents_in_window(const render::MapData& data, const render::MapOptions& o) {
  size_t n = 0;
  const auto& inc = data.incidents;
  for (size_t i = 0; i < inc.size(); ++i)
    if (o.days.contains(inc.day[i]) && ((o.group_mask >> std::min<int>(inc.group[i], 31)) & 1u))
      ++n;
  return n;
}

bool SlideShow::guard(AppState& st, const char* what, const std::function<void()>& action) {
  if (!st.database()) {
    st.set_error({tr(S::CannotChangeSlides, st.lang()), tr(S::NoDatabase, st.lang()),
                  tr(S::NoDatabaseHelp, st.lang())});
    return false;
  }
  try {
    action();
  } catch (const std::exception& e) {
    st.set_error({tr(S::CannotChangeSlides, st.lang()), std::string(what) + ": " + e.what(),
                  tr(S::CannotChangeSlidesHelp, st.lang())});
    reload(st);  // show what the database holds now
    return false;
  }
  return true;
}

void SlideShow::sync(AppState& st) {
  if (generation_ == st.data_generation()) return;
  generation_ = st.data_generation();
  current_ = -1;
  pinned_ = false;
  fly_.stop();
  reload(st);
}

void SlideShow::reload(AppState& st) {
  slides_.clear();
  if (!st.database()) return;
  try {
    slides_ = briefing::list_slides(*st.database());
  } catch (const std::exception& e) {
    st.set_error(
        {tr(S::CannotChangeSlides, st.lang()), e.what(), tr(S::CannotChangeSlidesHelp, st.lang())});
  }
  if (current_ >= static_cast<int>(slides_.size())) current_ = static_cast<int>(slides_.size()) - 1;
}

const briefing::Slide* SlideShow::current_slide() const {
  return current_ >= 0 && current_ < static_cast<int>(slides_.size()) ? &slides_[current_]
                                                                      : nullptr;
}

bool SlideShow::save_view(AppState& st, const SlideText& text, bool is_public) {
  briefing::Slide s;
  s.title = text.title;
  s.subtitle = text.subtitle;
  s.note = text.note;
  s.is_public = is_public;
  s.view = capture_slide_view(st, split_ ? std::optional(compare_) : std::nullopt);
  s.view.public_safe = is_public;
  int64_t id = 0;
  if (!guard(st, "add", [&] { id = briefing::add_slide(*st.database(), s); })) return false;
  reload(st);
  for (size_t i = 0; i < slides_.size(); ++i)
    if (slides_[i].id == id) current_ = static_cast<int>(i);
  pinned_view_ = st.view();
  pinned_ = true;
  return true;
}

bool SlideShow::update_view(AppState& st, int i) {
  if (i < 0 || i >= static_cast<int>(slides_.size())) return false;
  briefing::Slide s = slides_[i];
  const bool was_public = s.view.public_safe;
  const auto labels = s.view.compare ? s.view.compare->label : std::string();
  s.view = capture_slide_view(st, split_ ? std::optional(compare_) : std::nullopt);
  s.view.public_safe = was_public || s.is_public;
  if (s.view.compare) s.view.compare->label = labels;
  if (!guard(st, "update", [&] { briefing::update_slide(*st.database(), s); })) return false;
  reload(st);
  return true;
}

bool SlideShow::rename(AppState& st, int i, const std::string& title) {
  if (i < 0 || i >= static_cast<int>(slides_.size())) return false;
  const int64_t id = slides_[i].id;
  if (!guard(st, "rename", [&] { briefing::rename_slide(*st.database(), id, title); }))
    return false;
  reload(st);
  return true;
}

bool SlideShow::move(AppState& st, int i, int delta) {
  const int to = i + delta;
  const int n = static_cast<int>(slides_.size());
  if (i < 0 || i >= n || to < 0 || to >= n) return false;
  const int64_t id = slides_[i].id;
  if (!guard(st, "move", [&] { briefing::move_slide(*st.database(), id, to); })) return false;
  reload(st);
  if (current_ == i)
    current_ = to;
  else if (current_ == to)
    current_ = i;
  return true;
}

bool SlideShow::remove(AppState& st, int i) {
  if (i < 0 || i >= static_cast<int>(slides_.size())) return false;
  const int64_t id = slides_[i].id;
  if (!guard(st, "delete", [&] { briefing::delete_slide(*st.database(), id); })) return false;
  if (current_ == i) current_ = -1, pinned_ = false;
  if (current_ > i) --current_;
  reload(st);
  return true;
}

ViewGoal SlideShow::goal_for(const AppState& st) const {
  const briefing::Slide* s = current_slide();
  const render::View& v = st.view();
  if (!s || !st.has_data()) return {v.centre, v.m_per_px};
  return slide_goal(s->view, *st.data(), v.width, v.height);
}

bool SlideShow::go(AppState& st, int i, bool animate) {
  if (i < 0 || i >= static_cast<int>(slides_.size()) || !st.has_data()) return false;
  current_ = i;
  const briefing::Slide& s = slides_[i];
  render::MapOptions o = slide_options(s.view, *st.data(), st.options());
  // A public slide is shown public-safe; the renderer enforces what that hides.
  o.public_safe = presenting_ && (s.is_public || s.view.public_safe);
  st.edit_options() = o;
  split_ = s.view.compare.has_value();
  if (split_) compare_ = *compare_days(s.view);
  if (animate) {
    fly_.start(st.view());
  } else {
    fly_.stop();
    render::View v = st.view();
    const ViewGoal g = goal_for(st);
    v.centre = g.centre;
    v.m_per_px = g.m_per_px;
    st.set_view(v);
  }
  pinned_view_ = st.view();
  pinned_ = true;
  return true;
}

bool SlideShow::next(AppState& st) {
  return go(st, current_ + 1);
}
bool SlideShow::prev(AppState& st) {
  return current_ > 0 && go(st, current_ - 1);
}

void SlideShow::start_presentation(AppState& st, bool from_current) {
  if (presenting_) return;
  if (!from_current) current_ = 0;
  before_ = Saved{st.view(), st.options(), split_, compare_};
  presenting_ = true;
  st.select({});  // no selection ring on a wall (it could point at a sensitive site)
  if (!slides_.empty())
    go(st, std::clamp(current_, 0, static_cast<int>(slides_.size()) - 1), false);
}

void SlideShow::stop_presentation(AppState& st) {
  if (!presenting_) return;
  presenting_ = false;
  fly_.stop();
  pinned_ = false;
  if (before_) {
    render::View v = st.view();  // the windowed map area's size comes back next frame
    v.centre = before_->view.centre;
    v.m_per_px = before_->view.m_per_px;
    st.set_view(v);
    render::MapOptions o = before_->options;
    o.lang = st.lang();
    st.edit_options() = o;
    split_ = before_->split;
    compare_ = before_->compare;
  }
  before_.reset();
}

void SlideShow::set_split(AppState& st, bool on, std::optional<render::DayRange> compare) {
  split_ = on;
  if (!on) return;
  if (compare) {
    compare_ = *compare;
    return;
  }
  render::DayRange main = st.options().days;
  if (is_unbounded(main) && st.has_data()) {  // "all dates": this year of data vs the one before
    main = year_of(st.data_days().to);
    st.set_days(main);
  }
  compare_ = same_window_last_year(main);
}

bool SlideShow::split() const {
  if (presenting_) {
    const briefing::Slide* s = current_slide();
    return s && s->view.compare.has_value();
  }
  return split_;
}

render::DayRange SlideShow::compare_window() const {
  return compare_;
}

std::string SlideShow::main_label(const AppState& st) const {
  const briefing::Slide* s = current_slide();
  if (presenting_ && s && !s->view.label.empty()) return s->view.label;
  return window_label(st.options().days, st.lang());
}

std::string SlideShow::compare_label(const AppState& st) const {
  const briefing::Slide* s = current_slide();
  if (presenting_ && s && s->view.compare && !s->view.compare->label.empty())
    return s->view.compare->label;
  return window_label(compare_, st.lang());
}

bool SlideShow::tick(AppState& st, double dt) {
  if (!pinned_) return false;
  const render::View& v = st.view();
  const bool resized = v.width != pinned_view_.width || v.height != pinned_view_.height;
  if (!fly_.active() && !resized && !same_place(v, pinned_view_)) {
    pinned_ = false;  // the user moved the map: leave it where they put it
    return false;
  }
  const ViewGoal goal = goal_for(st);
  if (fly_.active()) {
    st.set_view(fly_.advance(v, goal, dt));
    pinned_view_ = st.view();
    return true;
  }
  if (resized) {
    render::View nv = v;
    nv.centre = goal.centre;
    nv.m_per_px = goal.m_per_px;
    st.set_view(nv);
    pinned_view_ = nv;
  }
  return false;
}

}  // namespace secmap::ui
