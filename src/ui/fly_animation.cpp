#include "ui/fly_animation.h"

#include <algorithm>
#include <cmath>

namespace secmap::ui {

double ease_in_out(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

void FlyAnimation::start(const render::View& from, double duration_s) {
  from_ = {from.centre, from.m_per_px};
  elapsed_ = 0;
  duration_ = duration_s > 0 ? duration_s : kDefaultDuration_s;
  active_ = true;
}

double FlyAnimation::progress() const {
  return active_ ? std::clamp(elapsed_ / duration_, 0.0, 1.0) : 1.0;
}

render::View FlyAnimation::advance(const render::View& current, const ViewGoal& goal, double dt) {
  render::View v = current;
  if (!active_) return v;
  elapsed_ += std::max(0.0, dt);
  if (elapsed_ >= duration_) {
    active_ = false;
    v.centre = goal.centre;
    v.m_per_px = goal.m_per_px;
    return v;
  }
  const double t = ease_in_out(elapsed_ / duration_);
  v.centre = {from_.centre.x + (goal.centre.x - from_.centre.x) * t,
              from_.centre.y + (goal.centre.y - from_.centre.y) * t};
  v.m_per_px =
      std::exp(std::log(from_.m_per_px) + (std::log(goal.m_per_px) - std::log(from_.m_per_px)) * t);
  return v;
}

}  // namespace secmap::ui
