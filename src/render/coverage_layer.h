// The "coverage" layer: border segments coloured by how the patrols of the window cover them
// (not covered, planned only, done earlier in the window, done recently) and drawn wider the more
// done routes covered them. The caller classes the segments (border::coverage_state); this only
// draws them. Sensitive, since it traces where patrols went: a public-safe view never shows it
// (it is in kSensitiveLayers).
#pragma once
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "render/camera.h"
#include "render/line_layer.h"
#include "render/map_data.h"
#include "render/style.h"

namespace secmap::render {

struct CoverageSegment {
  geo::LineString line;  // EPSG:3857
  int state = 0;         // border::CoverageState: 0 not covered … 3 done recently
  int done_routes = 0;   // how often: done routes touching it in the window
};

struct CoverageSegments {
  std::vector<CoverageSegment> segments;
  int recent_days = 30;  // what "recently" meant (the legend says it)
};

inline constexpr int kCoverageStates = 4;
inline constexpr int kCoverageWidths = 3;
Rgba coverage_colour(int state);
// 0: at most one done route, 1: two or three, 2: four or more.
int coverage_width_class(int done_routes);
float coverage_width_px(int width_class);

// Colours for the states present, and the widths for how often.
LegendSection coverage_legend(const CoverageSegments& segs, Lang lang);

// A BLO office and its counterpart across the border (the "links" layer), EPSG:3857.
struct FacilityLink {
  geo::Point a, b;
  std::string name;        // "BLO Lào Cai ↔ BLO Hà Khẩu"
  bool sensitive = false;  // either end flagged sensitive: never in a public-safe view
};
using FacilityLinks = std::vector<FacilityLink>;
inline constexpr Rgba kLinkColour{0, 128, 128, 255};

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
