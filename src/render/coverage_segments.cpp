#include "render/coverage_segments.h"

#include <algorithm>
#include <array>
#include <string>

namespace secmap::render {

Rgba coverage_colour(int state) {
  // Magenta (a gap), cyan (only a plan), yellow (done, but not lately), green (done lately):
  // none is a commune style's red, blue or sand, the border's red or the patrol routes' violet,
  // and each line has a dark casing so it reads on any fill.
  static constexpr Rgba kColours[kCoverageStates] = {
      {230, 0, 126, 255}, {0, 174, 239, 255}, {255, 204, 0, 255}, {0, 200, 83, 255}};
  return kColours[std::clamp(state, 0, kCoverageStates - 1)];
}

int coverage_width_class(int done_routes) {
  return done_routes >= 4 ? 2 : done_routes >= 2 ? 1 : 0;
}

float coverage_width_px(int width_class) {
  static constexpr float kWidths[kCoverageWidths] = {4.f, 6.5f, 9.f};
  return kWidths[std::clamp(width_class, 0, kCoverageWidths - 1)];
}

LegendSection coverage_legend(const CoverageSegments& segs, Lang lang) {
  static constexpr Text kStateText[kCoverageStates] = {Text::CoverageNone, Text::CoveragePlanned,
                                                       Text::CoverageDoneEarlier,
                                                       Text::CoverageDoneRecent};
  std::array<bool, kCoverageStates> used{};
  for (const auto& s : segs.segments)
    used[size_t(std::clamp(s.state, 0, kCoverageStates - 1))] = true;
  LegendSection out{tr(Text::Coverage, lang), {}};
  for (int s = 0; s < kCoverageStates; ++s) {
    if (!used[size_t(s)]) continue;
    std::string label = tr(kStateText[s], lang);
    if (s == 3 || s == 2) {
      // "… 30 ngày" / "… 30 days": the threshold is the caller's.
      const auto at = label.find("%d");
      if (at != std::string::npos) label.replace(at, 2, std::to_string(segs.recent_days));
    }
    out.entries.push_back({LegendEntry::Kind::Line, label, coverage_colour(s), {}});
  }
  out.entries.push_back(
      {LegendEntry::Kind::Line, tr(Text::CoverageOften, lang), Rgba{90, 90, 90, 255}, {}});
  return out;
}

}  // namespace secmap::render
