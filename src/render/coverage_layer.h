// The "coverage" and "links" layers on the GPU: the segments and links of
// render/coverage_segments.h as lines, drawn wider the more done routes covered them.
#pragma once
#include <array>
#include <memory>

#include "render/camera.h"
#include "render/coverage_segments.h"
#include "render/line_layer.h"

namespace secmap::render {

class LinkLayer {
 public:
  // Uploads when `links` or `public_safe` differ from the last upload (sensitive links are
  // never uploaded for a public-safe view).
  void set(const std::shared_ptr<const FacilityLinks>& links, geo::Point origin, bool public_safe);
  void draw(const View& view, geo::Point origin, float scale, float opacity);
  size_t drawn() const { return drawn_; }

 private:
  std::shared_ptr<const FacilityLinks> uploaded_;
  bool public_safe_ = false;
  size_t drawn_ = 0;
  std::unique_ptr<LineLayer> lines_;
};

class CoverageLayer {
 public:
  // Uploads `segs` when it is not what was uploaded last (the window recomputes it when the
  // time window changes). Needs a current GL context.
  void set(const std::shared_ptr<const CoverageSegments>& segs, geo::Point origin);
  void draw(const View& view, geo::Point origin, float scale, float opacity);
  bool empty() const;

 private:
  std::shared_ptr<const CoverageSegments> uploaded_;
  // One line layer per state and width class, created for the classes present.
  std::array<std::unique_ptr<LineLayer>, kCoverageStates * kCoverageWidths> layers_;
};

}  // namespace secmap::render
