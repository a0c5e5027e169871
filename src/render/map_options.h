// What a map shows and how, GL-free: layers, style, language, the incidents' window and
// filters, order and opacity, public-safe rules, shared classes. The window, slides, decks and
// every command build these; MapRenderer (render/map_renderer.h, GL) draws them.
#pragma once
#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/camera.h"
#include "render/coverage_segments.h"
#include "render/incident_filter.h"
#include "render/map_data.h"
#include "render/style.h"

namespace secmap::render {

struct MapOptions {
  LayerSet layers{std::begin(kLayerNames), std::end(kLayerNames)};
  StyleKind style = StyleKind::DrugFree;
  bool plain = false;  // every layer in one colour, no outlines (overlays and checks)
  Lang lang = Lang::Vi;
  DayRange days;                      // incidents shown (and counted) in this window
  uint32_t group_mask = 0xFFFFFFFFu;  // incident groups shown
  float symbol_scale = 1;             // multiplies symbol sizes and line widths (large screens)
  float fill_opacity = 1;
  double kde_bandwidth_m = 2000;  // StyleKind::Kde: Gaussian σ in metres (VN-2000)
  double kde_cell_m = 0;          // StyleKind::Kde: raster cell in metres; 0 = from the bandwidth
  // The map window: build the neighbouring levels of detail in the background (zooming then
  // finds them ready) and keep the static bottom layers as an image that single-sampled renders
  // at the same scale reuse while panning (static_cache.h); off for one-off renders.
  bool prefetch_lod = false;
  // The window's quick renders (after a change, while moving), with prefetch_lod: a level of
  // detail not built yet is drawn with the one at hand, and the static bottom layers come from
  // their cached image. Off: every layer drawn at the view's own level (the settled render).
  bool quick = false;
  // Incident filters beyond days and groups (masks as in render/incident_filter.h).
  std::array<uint32_t, 4> category_mask{0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
  uint32_t severity_mask = 0xFFFFFFFFu, status_mask = 0xFFFFFFFFu;
  // Incidents as a grid of counts per screen cell: Auto when more than kBinAutoPoints would be
  // drawn in the view (they overlap), else one symbol each.
  enum class Binning { Auto, Off, On } binning = Binning::Auto;
  // Drawing order, bottom first (layer names; layers not named keep their default place), and
  // opacity per layer (0 … 1; absent: 1). Communes' fill also uses fill_opacity.
  std::vector<std::string> order;
  std::map<std::string, float, std::less<>> opacity;
  // Public-safe rendering (render/public_safe.h), enforced by MapRenderer itself: no incident
  // points or bins, no sensitive layers or features, incident counts per commune below
  // public_min_count suppressed.
  bool public_safe = false;
  int public_min_count = 5;
  // Classes fixed by the caller so several images share them (the tiles of one export,
  // side-by-side panes); empty: computed from what this render shows. bin_upper: the incident
  // bins' class upper bounds (MapRenderer::bin_classes); commune_breaks: Count/Rate class upper
  // bounds (shared_class_breaks).
  std::vector<double> bin_upper;
  std::vector<double> commune_breaks;
  // The "coverage" layer's segments, classed by the caller for the window (null: not drawn).
  std::shared_ptr<const CoverageSegments> coverage;
  std::shared_ptr<const FacilityLinks> links;  // the "links" layer (null: not drawn)

  IncidentFilter incident_filter() const;
  float layer_opacity(std::string_view layer) const;
};

// Auto binning: more incidents than this in the view, or more than one per this many pixels.
inline constexpr size_t kBinAutoPoints = 3000;
inline constexpr double kBinPixelsPerPoint = 150;
inline constexpr float kBinCellPx = 14;  // cell size at symbol_scale 1

// Layers in drawing order for these options, bottom first: options.order, then the rest in the
// default order (communes, border, facilities, patrols, incidents, crossings).
std::vector<std::string> draw_order(const MapOptions& options);
// Whether render() bins the incidents for this view (GL-free: identify uses it too).
bool incidents_binned(const MapData& data, const View& view, const MapOptions& options);
// Same incident filter, order, opacities, shared classes, density settings and coverage (the
// window re-renders when they differ).
bool same_incident_options(const MapOptions& a, const MapOptions& b);

// Side-by-side maps of one view (the window's panes, a comparison export): gives both options
// one set of classes so their colours compare. Count/Rate commune breaks over both windows'
// values together; when either map would bin its incidents, both bin, with classes covering the
// larger of the two maps' fullest hexagons (counted on the CPU as hex_texel places them).
// Public-safe options are shared as they will be drawn. GL-free.
void share_classes(const MapData& data, const View& view, MapOptions& a, MapOptions& b);
// The same for any number of maps of one view (the frames of an animation).
void share_classes(const MapData& data, const View& view, const std::vector<MapOptions*>& maps);

}  // namespace secmap::render
