// The map: every GL layer (commune fills and outlines, border, facilities, incidents, crossings)
// drawn for a View into the current framebuffer, plus the legend describing what was drawn.
// Shared by `secmap render` (EGL offscreen) and the map window (GLFW); geometry is uploaded once
// per level of detail, styling and filters are uniforms or a colour texture.
#pragma once
#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/coverage_layer.h"
#include "render/density_layer.h"
#include "render/incident_bins.h"
#include "render/incident_filter.h"
#include "render/line_layer.h"
#include "render/lod_cache.h"
#include "render/map_data.h"
#include "render/map_options.h"
#include "render/point_layer.h"
#include "render/polygon_layer.h"
#include "render/static_cache.h"
#include "render/style.h"
#include "render/tessellate.h"

namespace secmap::render {

struct RenderTimings {
  double tessellate_ms = 0;  // simplification + triangulation (only when the LOD changed)
  double upload_ms = 0;
  double draw_ms = 0;  // GL calls until glFinish
  size_t vertices_in = 0, vertices_drawn = 0, triangles = 0;
};

class MapRenderer {
 public:
  // Needs a current GL 3.3 core context; keeps a reference to data, which must outlive it.
  explicit MapRenderer(const MapData& data);

  // The data changed in place (render::apply_changes): re-uploads only the layers it names and
  // recolours the communes when statuses or incidents changed. Commune meshes stay.
  void refresh(const DataChange& change);

  // Clears and draws the map layers into the current framebuffer (viewport = view size).
  void render(const View& view, const MapOptions& options);
  // Legend sections for what render() draws with these options (empty in plain mode). Call it
  // after render(): whether incidents were binned, and the bins' classes, come from that render.
  std::vector<LegendSection> legend(const MapOptions& options) const;

  const MapData& data() const { return data_; }
  const RenderTimings& timings() const { return timings_; }
  // Incidents the options' filter accepts (what the incident layer shows, binned or not).
  size_t visible_incidents(const MapOptions& options) const;
  // The incident bins' classes for a view of any size (the whole image of a tiled export, or
  // each pane's view for shared ones), counted on the GPU as render() would; empty when nothing
  // is in the view. Needs the same GL context as render().
  std::vector<double> bin_classes(const View& view, const MapOptions& options);
  // The bin grid of the last render (drawn = false when it drew symbols).
  const BinStats& bins() const { return bin_stats_; }
  const std::vector<float>& bin_counts() const;
  // Geometry uploads so far (points at construction, communes per level of detail); a filter,
  // order or opacity change never adds one.
  uint64_t geometry_uploads() const;
  // The density layer of the last render with StyleKind::Kde (null before one).
  const DensityLayer* density() const { return density_.get(); }
  const StaticLayerCache& static_cache() const { return static_cache_; }
  // The communes' level of detail the last render drew (a quick render may keep an old one
  // while the view's own is built; tessellate.h's lod_level says which is the view's own).
  int lod_drawn() const { return lod_; }
  const LodCache& lod_cache() const { return lod_cache_; }

 private:
  // Uploads the level's commune mesh; with may_lag (quick renders in the window) a level not
  // built yet is queued and the current one kept.
  void ensure_lod(int level, bool prefetch, bool may_lag = false);
  // The window's quick renders: the static bottom layers from the cache, the rest drawn over
  // them. False (nothing drawn) when the cache does not apply.
  bool render_with_static_cache(const View& view, const MapOptions& options);
  void ensure_colours(const MapOptions& options);
  void upload(const DataChange& change);
  // Uploads the patrol routes of the window when they are not the ones uploaded.
  void ensure_patrols(DayRange days);
  size_t patrols_in_window(DayRange days) const;
  // The commune colours and legend for these options, cached: once per style, language and
  // window, not once per frame and legend.
  const CommuneColours& styled(const MapOptions& options) const;

  const MapData& data_;
  PolygonLayer fills_;
  LineLayer outlines_, border_;
  PointLayer crossings_, facilities_, incidents_;
  // The crossings and facilities a public-safe view may show (sensitive ones never uploaded).
  std::vector<PointFeature> public_crossing_pts_, public_facility_pts_;
  PointLayer public_crossings_, public_facilities_;
  LineLayer patrols_;
  std::vector<uint8_t> patrols_shown_;  // per MapData::patrols entry: in the uploaded lines
  bool patrols_uploaded_ = false;
  CoverageLayer coverage_;
  LinkLayer links_;
  std::unique_ptr<IncidentBins> bins_;  // created on the first binned render
  BinStats bin_stats_;
  uint64_t lod_uploads_ = 0;
  std::vector<uint8_t> crossing_class_;  // per crossing: class index (its kind)
  LodCache lod_cache_;
  int lod_ = INT_MIN;
  // What the commune colours were computed from (the filter matters only for styles drawn from
  // incidents).
  struct StyleInputs {
    StyleKind style = StyleKind::Plain;
    Lang lang = Lang::Vi;
    IncidentFilter filter;
    int suppress = 0;  // StyleParams::suppress_below
    std::vector<double> breaks;
    bool operator==(const StyleInputs& o) const;
  };
  static StyleInputs style_inputs(const MapOptions& options);
  bool colours_set_ = false;
  StyleInputs coloured_;
  struct Styled {
    StyleInputs inputs;
    CommuneColours colours;
  };
  mutable std::optional<Styled> styled_;
  mutable std::optional<analysis::Weights> neighbours_;  // queen weights, for Hotspots
  std::unique_ptr<DensityLayer> density_;
  StaticLayerCache static_cache_;
  bool keep_background_ = false;        // drawing over the cached static layers: no clear
  bool static_from_incidents_ = false;  // the cached layers' colours are counted from incidents
  bool lod_may_lag_ = false;  // drawing the static layer cache: quick, may keep an old LOD
  RenderTimings timings_;
};

}  // namespace secmap::render
