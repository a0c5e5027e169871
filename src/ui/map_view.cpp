#include "ui/map_view.h"

#include <algorithm>
#include <cmath>

namespace secmap::ui {
namespace {

// While moving, re-render when more than this share of the view is uncovered, at most this often.
constexpr double kMaxUncovered = 0.08, kMinRenderInterval_s = 0.25;

bool same_view(const render::View& a, const render::View& b) {
  return a.centre == b.centre && a.m_per_px == b.m_per_px && a.width == b.width &&
         a.height == b.height;
}

bool same_options(const render::MapOptions& a, const render::MapOptions& b) {
  return a.layers == b.layers && a.style == b.style && a.plain == b.plain && a.lang == b.lang &&
         a.days.from == b.days.from && a.days.to == b.days.to && a.group_mask == b.group_mask &&
         a.symbol_scale == b.symbol_scale && a.fill_opacity == b.fill_opacity &&
         render::same_incident_options(a, b) && a.public_safe == b.public_safe &&
         a.public_min_count == b.public_min_count;
}

double seconds(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

}  // namespace

MapView::MapView() = default;
MapView::~MapView() {
  renderer_.reset();  // before the data it refers to
}

void MapView::render(const AppState& state, const render::MapOptions& opts, bool quality) {
  const auto t0 = Clock::now();
  const render::View& v = state.view();
  render::MapOptions drawn = opts;
  drawn.quick = !quality;
  target_->bind(quality);
  renderer_->render(v, drawn);
  target_->resolve();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  last_render_ = Clock::now();
  render_ms_ = std::chrono::duration<double, std::milli>(last_render_ - t0).count();
  // Every render: whether incidents are binned, and the bins' classes, depend on the view too.
  legend_ = renderer_->legend(opts);
  view_ = v;
  options_ = opts;
  rendered_ = true;
  stale_ = false;
  // Single-sampled, a quick render at the view's own level of detail is already the settled
  // picture: no second render for it.
  quality_ = quality ||
             (target_->samples() == 1 && (!opts.layers.count("communes") ||
                                          renderer_->lod_drawn() == render::lod_level(v.m_per_px)));
  ++renders_;
}

bool MapView::update(const AppState& state, bool moving) {
  return update(state, state.options(), moving);
}

bool MapView::update(const AppState& state, const render::MapOptions& opts, bool moving) {
  if (!state.has_data()) return false;
  std::optional<render::DataChange> change;
  if (generation_ == state.data_generation() && renderer_) change = state.changes_since(revision_);
  if (!change) {  // another database, or changes this view missed: build everything anew
    renderer_.reset();
    data_ = state.data();
    renderer_ = std::make_unique<render::MapRenderer>(*data_);
    generation_ = state.data_generation();
    rendered_ = false;
  } else if (change->any()) {
    // An edit: only the layers it touched are uploaded again, then drawn at once.
    renderer_->refresh(*change);
    stale_ = true;
  }
  revision_ = state.data_revision();
  const render::View& v = state.view();
  if (!target_ || target_->width() != v.width || target_->height() != v.height) {
    target_.reset();
    target_ =
        std::make_unique<render::Framebuffer>(v.width, v.height, render::default_map_samples());
    rendered_ = false;
  }
  const auto now = Clock::now();
  const bool changed = !same_view(v, seen_view_) || !same_options(opts, seen_options_);
  if (changed) last_change_ = now;
  seen_view_ = v;
  seen_options_ = opts;

  if (!rendered_) {  // first image of a database or a window size: take the time to do it well
    render(state, opts, true);
    return true;
  }
  const bool options_differ = !same_options(opts, options_);
  const bool view_differs = !same_view(v, view_);
  if (stale_ || options_differ || (view_differs && !moving) ||
      (view_differs && uncovered(v) > kMaxUncovered &&
       seconds(now - last_render_) > kMinRenderInterval_s)) {
    render(state, opts, false);
    return true;
  }
  if (!view_differs && !quality_ && !moving && !changed &&
      seconds(now - last_change_) >= settle_delay_s_) {
    render(state, opts, true);
    return true;
  }
  return false;
}

double MapView::uncovered(const render::View& cur) const {
  const geo::Point a = cur.to_pixel(view_.to_mercator({0, 0}));
  const geo::Point b = cur.to_pixel(
      view_.to_mercator({static_cast<double>(view_.width), static_cast<double>(view_.height)}));
  const double w = std::max(0.0, std::min<double>(b.x, cur.width) - std::max(a.x, 0.0));
  const double h = std::max(0.0, std::min<double>(b.y, cur.height) - std::max(a.y, 0.0));
  return 1.0 - (w * h) / (static_cast<double>(cur.width) * cur.height);
}

void MapView::draw(const render::View& cur, int x, int y) const {
  if (!target_ || !rendered_) return;
  // Where the cached image lands in the current view (pixels, y down), then in GL (y up).
  const geo::Point a = cur.to_pixel(view_.to_mercator({0, 0}));
  const geo::Point b = cur.to_pixel(
      view_.to_mercator({static_cast<double>(view_.width), static_cast<double>(view_.height)}));
  const int x0 = x + static_cast<int>(std::lround(a.x));
  const int x1 = x + static_cast<int>(std::lround(b.x));
  const int y0 = y + cur.height - static_cast<int>(std::lround(b.y));
  const int y1 = y + cur.height - static_cast<int>(std::lround(a.y));
  glEnable(GL_SCISSOR_TEST);  // keep a moved preview inside the map area
  glScissor(x, y, cur.width, cur.height);
  target_->blit_to(0, x0, y0, x1, y1);
  glDisable(GL_SCISSOR_TEST);
}

render::OverlayStats MapView::draw_overlay(ImDrawList& dl, const render::MapFonts& fonts,
                                           const AppState& state, ImVec2 offset, float scale,
                                           bool legend) const {
  if (!rendered_ || !data_) return {};
  const render::View& v = state.view();
  dl.PushClipRect(
      offset, {offset.x + static_cast<float>(v.width), offset.y + static_cast<float>(v.height)});
  // The selected feature, under the labels: a commune's outline or a ring round a symbol.
  const FeatureRef sel = state.selected();
  const ImU32 highlight = IM_COL32(0, 200, 255, 255);
  auto at = [&](geo::Point merc) {
    const geo::Point q = v.to_pixel(merc);
    return ImVec2(offset.x + static_cast<float>(q.x), offset.y + static_cast<float>(q.y));
  };
  if (sel && sel.kind == FeatureKind::Commune) {
    std::vector<ImVec2> pts;
    for (const auto& poly : data_->communes.at(sel.index).shape.polygons)
      for (const auto& ring : poly.rings) {
        pts.clear();
        for (const auto& p : ring) pts.push_back(at(p));
        dl.AddPolyline(pts.data(), static_cast<int>(pts.size()), highlight, ImDrawFlags_Closed,
                       3.f * scale);
      }
  } else if (sel && sel.kind == FeatureKind::Patrol) {
    std::vector<ImVec2> pts;
    for (const auto& p : data_->patrols.at(sel.index).line) pts.push_back(at(p));
    dl.AddPolyline(pts.data(), static_cast<int>(pts.size()), highlight, ImDrawFlags_None,
                   4.f * scale);
  } else if (sel && state.index()) {
    const geo::BBox b = state.index()->bbox(sel);
    dl.AddCircle(at({b.min_x, b.min_y}), 12.f * scale, highlight, 24, 3.f * scale);
  }
  render::OverlayOptions oo;
  oo.lang = options_.lang;
  oo.legend = state.show_legend && legend;
  oo.scale = scale;
  oo.offset = offset;
  const render::OverlayStats stats = render::draw_overlay(dl, fonts, v, *data_, legend_, oo);
  dl.PopClipRect();
  return stats;
}

}  // namespace secmap::ui
