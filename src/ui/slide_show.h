// Slides, presentation mode and side-by-side panes for the map window: the deck read from the
// database (through briefing/slide.h), the slide shown, the fly-to between slides, whether the
// window presents, and the second pane's time window. GL-free, like AppState: keys, the menu,
// the slides panel and test scripts all act through here, so they behave the same.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "briefing/slide.h"
#include "ui/app_state.h"
#include "ui/fly_animation.h"

namespace secmap::ui {

struct SlideText {
  std::string title, subtitle, note;
};

class SlideShow {
 public:
  // Re-reads the deck when the database changed (call every frame; free otherwise).
  void sync(AppState& st);
  void reload(AppState& st);
  const std::vector<briefing::Slide>& slides() const { return slides_; }
  int current() const { return current_; }  // -1: no slide shown
  const briefing::Slide* current_slide() const;

  // --- the deck; a failure is shown as the window's error and returns false
  // Appends the current view (with the side-by-side window when shown) as a new slide.
  bool save_view(AppState& st, const SlideText& text, bool is_public);
  // Replaces slide i's view with the current one, keeping its text.
  bool update_view(AppState& st, int i);
  bool rename(AppState& st, int i, const std::string& title);
  bool move(AppState& st, int i, int delta);  // -1 up, +1 down
  bool remove(AppState& st, int i);

  // Shows slide i: its layers, style, window and groups at once, and flies to its extent
  // (jumps when animate is false). False when there is no slide i.
  bool go(AppState& st, int i, bool animate = true);
  bool next(AppState& st);
  bool prev(AppState& st);

  // --- presentation mode
  bool presenting() const { return presenting_; }
  // Starts at the first slide (F5), or at the current one (Shift+F5); the view, filters and
  // panes from before come back when it stops. Without slides it presents the current view.
  void start_presentation(AppState& st, bool from_current = false);
  void stop_presentation(AppState& st);
  int monitor = 0;  // index into the connected monitors

  // --- side by side
  // Turns the second pane on or off. Without a window it compares with the same window a year
  // earlier (a year of data when no window is set).
  void set_split(AppState& st, bool on, std::optional<render::DayRange> compare = {});
  // Presenting: whether the slide has a comparison window; otherwise the menu toggle.
  bool split() const;
  render::DayRange compare_window() const;
  // Pane labels: the slide's own labels when it has them, else the dates.
  std::string main_label(const AppState& st) const;
  std::string compare_label(const AppState& st) const;

  // Once a frame: advances the fly-to by dt seconds and keeps a slide's extent fitted when the
  // map area changes size (entering full screen). True while the view moves.
  bool tick(AppState& st, double dt);
  bool flying() const { return fly_.active(); }

 private:
  ViewGoal goal_for(const AppState& st) const;
  bool guard(AppState& st, const char* what, const std::function<void()>& action);

  uint64_t generation_ = 0;
  std::vector<briefing::Slide> slides_;
  int current_ = -1;
  FlyAnimation fly_;
  // The view is kept on the slide's extent until the user moves it.
  bool pinned_ = false;
  render::View pinned_view_;

  bool presenting_ = false;
  struct Saved {
    render::View view;
    render::MapOptions options;
    bool split;
    render::DayRange compare;
  };
  std::optional<Saved> before_;

  bool split_ = false;
  render::DayRange compare_;
};

// "15/12/2024 – 14/02/2025"; "all dates" for an unbounded window.
std::string window_label(render::DayRange d, Lang lang);
// Incidents in the options' window and groups (whether or not the layer is shown).
size_t incidents_in_window(const render::MapData& data, const render::MapOptions& o);

}  // namespace secmap::ui
