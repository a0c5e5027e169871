// Map decorations drawn with a Dear ImGui draw list over the GL layers: commune labels (in
// Vietnamese, overlapping ones skipped), the legend, a scale bar in true ground distance, a north
// arrow and the demo-data mark. Works with any ImGui context: the headless renderer's own, or
// the map window's background draw list.
#pragma once
#include <imgui.h>

#include <vector>

#include "render/camera.h"
#include "render/fonts.h"
#include "render/map_data.h"
#include "render/overlay_stats.h"
#include "render/style.h"

namespace secmap::render {

struct OverlayOptions {
  bool labels = true;
  bool legend = true;
  bool scale_bar = true;
  bool north_arrow = true;
  bool demo_mark = true;  // drawn when the data is demo data
  Lang lang = Lang::Vi;
  float scale = 1;      // UI scale (symbol sizes, margins)
  ImVec2 offset{0, 0};  // top-left of the map area in the draw list's coordinates
};

OverlayStats draw_overlay(ImDrawList& dl, const MapFonts& fonts, const View& view,
                          const MapData& data, const std::vector<LegendSection>& legend,
                          const OverlayOptions& options);

// The distance (metres) a scale bar of at most max_px pixels shows: 1, 2 or 5 × 10^n.
double nice_scale_length(double ground_m_per_px, double max_px);

}  // namespace secmap::render
