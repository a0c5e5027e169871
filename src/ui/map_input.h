// Mouse and keyboard on the map area: drag to pan, wheel to zoom about the cursor, click to
// identify, arrow keys to pan, +/- to zoom, Home to fit the province, F to fit the selection.
// Editing: dragging the selected incident moves it (one undoable edit); while drawing a patrol
// route a click adds a vertex, a double click or Enter finishes it and Esc cancels it.
// Input the ImGui panels want (a text box, a hovered window) never reaches the map.
#pragma once
#include <imgui.h>

#include "ui/app_state.h"

namespace secmap::ui {

// The map's rectangle in ImGui (window) coordinates and the framebuffer pixels per unit.
struct MapArea {
  ImVec2 min, max;
  float fb_scale = 1;
  bool contains(ImVec2 p) const {
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
  }
  // Window coordinates → map pixels (the View's pixel space).
  geo::Point to_map_pixel(ImVec2 p) const {
    return {(p.x - min.x) * fb_scale, (p.y - min.y) * fb_scale};
  }
};

class MapInput {
 public:
  // Applies this frame's input; returns true while the map is moving (dragging, zooming, keys).
  bool handle(AppState& state, const MapArea& area);

 private:
  // The route being drawn and the incident being dragged, over the map.
  void draw_edit_overlay(AppState& state, const MapArea& area) const;
  bool moving_incident_ = false;  // the press began on the selected incident
  int64_t moving_id_ = 0;
  bool skip_release_ = false;  // the double click that finished a route
  bool dragging_ = false;
  float drag_distance_ = 0;
  double last_wheel_ = -1;  // ImGui time of the last wheel step: a burst of steps is one zoom
};

}  // namespace secmap::ui
