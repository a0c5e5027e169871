// What the map decorations (render/overlay.h) drew, GL- and ImGui-free so that the headless
// renderer's result can carry it to code that never draws.
#pragma once

namespace secmap::render {

struct OverlayStats {
  int labels_drawn = 0, labels_skipped = 0;
};

}  // namespace secmap::render
