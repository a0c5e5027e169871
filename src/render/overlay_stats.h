// What the map decorations (render/overlay.h) drew, GL- and ImGui-free so that the headless
// renderer's result can carry it to code that never draws.
#pragma once

namespace secmap::render {

struct OverlayStats {
  int labels_drawn = 0, labels_skipped = 0;
  // The legend's box in map pixels (x0, y0, x1, y1); all 0 when none was drawn.
  float legend[4] = {0, 0, 0, 0};
  bool has_legend() const { return legend[2] > legend[0]; }
};

}  // namespace secmap::render
