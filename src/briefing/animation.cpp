#include "briefing/animation.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include "briefing/slide_page.h"
#include "briefing/video_writer.h"
#include "briefing/view_render.h"
#include "report/pdf_document.h"

namespace secmap::briefing {
namespace {

int32_t day_of(const std::string& iso, const char* what) {
  auto d = render::day_number(iso);
  if (!d) throw SlideError(std::string(what) + " '" + iso + "' is not a date (YYYY-MM-DD)");
  return *d;
}

}  // namespace

int parse_step(std::string_view text) {
  int n = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), n);
  const std::string_view unit = text.substr(r.ptr - text.data());
  if (r.ec != std::errc() || n <= 0 || (unit != "d" && unit != "w" && !unit.empty()))
    throw SlideError("--step '" + std::string(text) + "' must be days or weeks, e.g. 7d or 2w");
  return unit == "w" ? n * 7 : n;
}

int frame_count(const std::string& from, const std::string& to, int step_days) {
  const int32_t a = day_of(from, "--from"), b = day_of(to, "--to");
  if (b < a) throw SlideError("--to " + to + " is before --from " + from);
  if (step_days <= 0) throw SlideError("the step must be at least one day");
  return (b - a) / step_days + 1;
}

namespace {

// The classification band along a frame's bottom (mm); the map is drawn above it, so nothing
// of the map (its scale bar) is under the band.
constexpr double kBandMm = 6;

double frame_dpi(const AnimationOptions& o) {
  return 96.0 * o.width / 1280;
}

int map_height_px(const AnimationOptions& o) {
  return std::max(1, o.height - static_cast<int>(std::lround(kBandMm / 25.4 * frame_dpi(o))));
}

}  // namespace

std::vector<SlideView> frame_views(const AnimationOptions& o) {
  const int frames = frame_count(o.from, o.to, o.step_days);
  const int32_t first = day_of(o.from, "--from"), last = day_of(o.to, "--to");
  std::vector<SlideView> out;
  for (int f = 0; f < frames; ++f) {
    const int32_t a = first + f * o.step_days;
    const int32_t b = std::min(last, a + o.step_days - 1);
    SlideView v = o.view;
    v.compare.reset();
    v.date_from = render::iso_date(a);
    v.date_to = render::iso_date(b);
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<render::HeadlessRequest> animation_requests(const render::MapData& data,
                                                        const AnimationOptions& o) {
  std::vector<render::HeadlessRequest> out;
  for (const SlideView& v : frame_views(o))
    out.push_back(view_request(data, v, o.width, map_height_px(o), o.public_safe));
  if (out.empty()) return out;
  std::vector<render::MapOptions*> maps;
  for (auto& r : out) maps.push_back(&r.map);
  render::share_classes(data, *out.front().view, maps);
  return out;
}

io::Image animation_frame(const render::MapData& data, const AnimationOptions& o,
                          const SlideView& v, render::HeadlessRequest request, int index,
                          int frames, std::ostream& log) {
  // Frames are pages of their own layout: the map, a banner and the step's dates in large type.
  const double dpi = frame_dpi(o);
  const double w_mm = o.width / dpi * 25.4, h_mm = o.height / dpi * 25.4;
  auto panes = render_panes(data, v, {std::move(request)}, o.width, true, log);
  auto page = report::Document::png({}, w_mm, h_mm, dpi);
  page.image({panes[0].image.width, panes[0].image.height, panes[0].image.rgba.data()}, 0, 0, w_mm,
             panes[0].image.height / dpi * 25.4);
  const bool pub = o.public_safe || v.public_safe;
  const report::Colour band =
      pub ? report::Colour::rgb8(26, 120, 60) : report::Colour::rgb8(178, 24, 43);
  page.rect(0, h_mm - kBandMm, w_mm, kBandMm, band);
  page.text(w_mm / 2, h_mm - 1.8, classification(pub), {9, true, {1, 1, 1, 1}},
            report::Align::Centre);
  // The step's window, bottom-right above the banner (the scale bar is bottom-left), on a
  // white box legible on any map.
  const std::string label = window_text(v.date_from, v.date_to) + "   (" +
                            std::to_string(index + 1) + "/" + std::to_string(frames) + ")";
  const report::TextStyle big{16, true, {0.1, 0.1, 0.1, 1}};
  const double lw = page.text_width(label, big) + 6;
  page.rect(w_mm - 4 - lw, h_mm - kBandMm - 13, lw, 10, report::Colour{1, 1, 1, 0.92},
            report::Colour{0.3, 0.3, 0.3, 1}, 0.3);
  page.text(w_mm - 4 - lw + 3, h_mm - kBandMm - 5.6, label, big);
  io::Image frame;
  frame.rgba = page.rgba(&frame.width, &frame.height);
  return frame;
}

AnimationResult write_animation(const render::MapData& data, const AnimationOptions& o,
                                std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  check_video_path(o.out);
  const int frames = frame_count(o.from, o.to, o.step_days);
  // Written beside the target and renamed when complete (the extension picks the format).
  std::filesystem::path tmp = o.out;
  tmp.replace_extension(".partial" + o.out.extension().string());
  const std::vector<SlideView> views = frame_views(o);
  std::vector<render::HeadlessRequest> requests = animation_requests(data, o);
  AnimationResult result;
  try {
    auto video = open_video(tmp, o.frame_ms);
    for (int f = 0; f < frames; ++f) {
      const SlideView& v = views[static_cast<size_t>(f)];
      const io::Image frame =
          animation_frame(data, o, v, std::move(requests[static_cast<size_t>(f)]), f, frames, log);
      video->add_frame(frame);
      log << "frame " << f + 1 << "/" << frames << ": " << v.date_from << " – " << v.date_to
          << "\n";
    }
    video->finish();
  } catch (...) {
    std::error_code ec;
    std::filesystem::remove(tmp, ec);  // nothing half-written is left
    throw;
  }
  std::filesystem::rename(tmp, o.out);
  result.frames = frames;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace secmap::briefing
