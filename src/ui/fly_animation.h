// The smooth fly-to between slides: the view's centre and zoom move from where the map is to
// the slide's extent over a fixed time (0.8 s), eased in and out. The zoom is interpolated on a
// log scale so each frame zooms by the same factor; progress is measured in seconds, not frames,
// so a 30 Hz laptop and a 144 Hz wall arrive at the same moment. GL-free.
#pragma once
#include "geo/geometry.h"
#include "render/camera.h"

namespace secmap::ui {

// Where a view should end up, independent of the viewport size it is shown at.
struct ViewGoal {
  geo::Point centre;  // EPSG:3857
  double m_per_px = 1;
};

class FlyAnimation {
 public:
  static constexpr double kDefaultDuration_s = 0.8;

  // Starts flying from `from` (its centre and scale); the goal is given to each advance() so it
  // can follow a viewport that changes size while flying (entering full screen).
  void start(const render::View& from, double duration_s = kDefaultDuration_s);
  bool active() const { return active_; }
  // Advances by dt seconds and returns the view to show: `current`'s size with the
  // interpolated centre and scale; exactly the goal once the time is up (and then inactive).
  render::View advance(const render::View& current, const ViewGoal& goal, double dt);
  void stop() { active_ = false; }
  double progress() const;  // 0 … 1

 private:
  bool active_ = false;
  ViewGoal from_;
  double elapsed_ = 0, duration_ = kDefaultDuration_s;
};

// Smoothstep easing of t in [0, 1]: slow start, slow stop.
double ease_in_out(double t);

}  // namespace secmap::ui
