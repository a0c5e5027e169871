// A time animation over a window (e.g. week by week through a Tết campaign): one frame per step
// showing the incidents of that step, the step's dates on every frame, written as an animated
// GIF or an MP4. Public-safe frames follow the same renderer rules as every other export.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "briefing/slide.h"
#include "io/png.h"
#include "render/headless.h"
#include "render/map_data.h"

namespace secmap::briefing {

struct AnimationOptions {
  std::filesystem::path out;  // FILE.gif or FILE.mp4
  std::string from, to;       // ISO dates, inclusive
  int step_days = 7;
  int width = 1280, height = 720;
  bool public_safe = false;
  int frame_ms = 800;
  // Extent, layers and style of the frames (their dates are replaced per step).
  SlideView view;
};

struct AnimationResult {
  int frames = 0;
  double seconds = 0;
};

// "7d", "2w", "1d" → days; throws SlideError naming the text otherwise.
int parse_step(std::string_view text);
// Frames for the window: ceil((to − from + 1) / step).
int frame_count(const std::string& from, const std::string& to, int step_days);

// Each frame's view: the options' view with the step's dates.
std::vector<SlideView> frame_views(const AnimationOptions& options);
// Each frame's render request, with one set of classes for all frames (commune classes over
// every step's window together, bins over the fullest hexagon of any step), so that a colour
// means the same count in every frame.
std::vector<render::HeadlessRequest> animation_requests(const render::MapData& data,
                                                        const AnimationOptions& options);

// Frame `index` (0-based, of `frames`) as write_animation writes it: the map drawn from its
// request, the classification band and the step's dates.
io::Image animation_frame(const render::MapData& data, const AnimationOptions& options,
                          const SlideView& view, render::HeadlessRequest request, int index,
                          int frames, std::ostream& log);

// Throws SlideError for bad dates or output, render errors with their message.
AnimationResult write_animation(const render::MapData& data, const AnimationOptions& options,
                                std::ostream& log);

}  // namespace secmap::briefing
