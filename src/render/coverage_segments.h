// What the "coverage" and "links" layers draw, GL-free: border segments classed by how the
// patrols of the window cover them, BLO offices linked across the border, their colours, widths
// and legend. The caller classes the segments (border::coverage_state); render/coverage_layer.h
// draws them. Sensitive, since they trace where patrols went: a public-safe view never shows
// them (they are in kSensitiveLayers).
#pragma once
#include <string>
#include <vector>

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

}  // namespace secmap::render
