// The map area of the window: the shared MapRenderer draws into a cached offscreen image, and
// frames in between only copy it. While the map is dragged or zoomed the cached image is shown
// moved and scaled (a preview that costs one blit), and it is re-rendered once the movement
// pauses or the preview leaves too much uncovered; filter changes re-render at once. Renders
// after a change are single-sampled (quick on a software rasteriser) and replaced by a
// multisampled one when the map has settled. Decorations (selection outline, labels, legend,
// scale bar, north arrow) are drawn each frame for the current view through render/overlay.
// Needs a current GL 3.3 context.
#pragma once
#include <imgui.h>

#include <chrono>
#include <memory>
#include <vector>

#include "render/fonts.h"
#include "render/gl_util.h"
#include "render/map_renderer.h"
#include "render/overlay.h"
#include "ui/app_state.h"

namespace secmap::ui {

class MapView {
 public:
  MapView();
  ~MapView();

  // How long the map must stay unchanged before the multisampled render (0: the next unchanged
  // frame, which keeps scripted runs deterministic).
  void set_settle_delay(double seconds) { settle_delay_s_ = seconds; }
  // Renders into the cache when needed; `moving` is true while the user drags or zooms.
  // Returns whether it rendered.
  bool update(const AppState& state, bool moving);
  // The same with other options than the state's (the second pane of a side-by-side view).
  bool update(const AppState& state, const render::MapOptions& options, bool moving);
  // Copies the cache into framebuffer 0 for the current view; (x, y) is the map area's
  // bottom-left corner in GL framebuffer pixels.
  void draw(const render::View& current, int x, int y) const;
  // Decorations for the current view into dl, with the map's top-left at `offset`; `legend`
  // false leaves the legend out (narrow side-by-side panes).
  render::OverlayStats draw_overlay(ImDrawList& dl, const render::MapFonts& fonts,
                                    const AppState& state, ImVec2 offset, float scale,
                                    bool legend = true) const;

  uint64_t renders() const { return renders_; }
  double last_render_ms() const { return render_ms_; }
  // A map has been drawn (its decorations, the legend among them, can be).
  bool has_image() const { return rendered_ && data_; }

 private:
  using Clock = std::chrono::steady_clock;
  void render(const AppState& state, const render::MapOptions& options, bool quality);
  // Share of the current view the cached image does not cover (0 … 1).
  double uncovered(const render::View& current) const;

  std::shared_ptr<const render::MapData> data_;
  uint64_t generation_ = 0;
  uint64_t revision_ = 0;  // AppState::data_revision() the renderer has applied
  bool stale_ = false;     // the data changed since the last render
  std::unique_ptr<render::MapRenderer> renderer_;
  // The cached map image: multisampled when settled (where the GPU makes that cheap),
  // single-sampled while the map moves.
  std::unique_ptr<render::Framebuffer> target_;
  render::View view_;  // what the cache shows
  render::MapOptions options_;
  bool rendered_ = false, quality_ = false;
  render::View seen_view_;  // the view at the previous update, to notice changes
  render::MapOptions seen_options_;
  Clock::time_point last_change_{}, last_render_{};
  double settle_delay_s_ = 0.3;
  std::vector<render::LegendSection> legend_;
  uint64_t renders_ = 0;
  double render_ms_ = 0;
};

}  // namespace secmap::ui
