// The window's state and a briefing slide's view, both ways: saving a slide captures what the
// window shows (visible extent, layers, style, time window, incident groups, the side-by-side
// window); going to a slide turns a saved view back into map options and a goal for the fly-to.
// GL-free.
#pragma once
#include <optional>
#include <string>

#include "briefing/slide.h"
#include "render/map_options.h"
#include "ui/app_state.h"
#include "ui/fly_animation.h"

namespace secmap::ui {

// The slide view of what the window shows now. `compare` is the side-by-side window, if shown.
briefing::SlideView capture_slide_view(const AppState& st,
                                       const std::optional<render::DayRange>& compare);

// The map options a slide view asks for, starting from `base` (language and opacity are kept).
// Unknown layer names and group codes are skipped; an unknown style keeps base's.
render::MapOptions slide_options(const briefing::SlideView& v, const render::MapData& data,
                                 render::MapOptions base);

// Where the slide puts the map in a viewport of width × height pixels: its lon/lat extent
// fitted, else its centre and scale (scaled from its reference width), else the data's extent.
ViewGoal slide_goal(const briefing::SlideView& v, const render::MapData& data, int width,
                    int height);

// Inclusive day window of ISO dates; an empty side is unbounded.
render::DayRange window_days(const std::string& from, const std::string& to);
// ISO dates of a window ("" for an unbounded side).
std::string window_from(render::DayRange d);
std::string window_to(render::DayRange d);
bool is_unbounded(render::DayRange d);

// The slide's comparison window, if it has one.
std::optional<render::DayRange> compare_days(const briefing::SlideView& v);

}  // namespace secmap::ui
