// The map: every GL layer (commune fills and outlines, border, facilities, incidents, crossings)
// drawn for a View into the current framebuffer, plus the legend describing what was drawn.
// Shared by `secmap render` (EGL offscreen) and the map window (GLFW); geometry is uploaded once
// per level of detail, styling and filters are uniforms or a colour texture.
#pragma once
#include <climits>
#include <map>
#include <memory>
#include <vector>

#include "render/camera.h"
#include "render/line_layer.h"
#include "render/map_data.h"
#include "render/point_layer.h"
#include "render/polygon_layer.h"
#include "render/style.h"
#include "render/tessellate.h"

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
};

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

  // Clears and draws the map layers into the current framebuffer (viewport = view size).
  void render(const View& view, const MapOptions& options);
  // Legend sections for what render() draws with these options (empty in plain mode).
  std::vector<LegendSection> legend(const MapOptions& options) const;

  const MapData& data() const { return data_; }
  const RenderTimings& timings() const { return timings_; }
  // Incidents within the options' window and groups (what the incident layer shows).
  size_t visible_incidents(const MapOptions& options) const;

 private:
  void ensure_lod(int level);
  void ensure_colours(const MapOptions& options);

  const MapData& data_;
  PolygonLayer fills_;
  LineLayer outlines_, border_;
  PointLayer crossings_, facilities_, incidents_;
  std::vector<uint8_t> crossing_class_;  // per crossing: class index (its kind)
  std::map<int, CommuneMeshData> lod_cache_;
  int lod_ = INT_MIN;
  bool colours_set_ = false;
  StyleKind coloured_style_ = StyleKind::Plain;
  DayRange coloured_days_;
  RenderTimings timings_;
};

}  // namespace secmap::render
