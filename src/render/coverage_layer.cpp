#include "render/coverage_layer.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace secmap::render {

void CoverageLayer::set(const std::shared_ptr<const CoverageSegments>& segs, geo::Point origin) {
  if (segs == uploaded_) return;
  uploaded_ = segs;
  std::array<std::vector<geo::LineString>, kCoverageStates * kCoverageWidths> lines;
  if (segs)
    for (const auto& s : segs->segments)
      lines[size_t(std::clamp(s.state, 0, kCoverageStates - 1) * kCoverageWidths +
                   coverage_width_class(s.done_routes))]
          .push_back(s.line);
  for (size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].empty() && !layers_[k]) continue;
    if (!layers_[k]) layers_[k] = std::make_unique<LineLayer>();
    layers_[k]->set_lines(lines[k], origin);
  }
}

bool CoverageLayer::empty() const {
  return !uploaded_ || uploaded_->segments.empty();
}

void CoverageLayer::draw(const View& view, geo::Point origin, float scale, float opacity) {
  if (empty()) return;
  const auto a = static_cast<uint8_t>(std::lround(255 * std::clamp(opacity, 0.f, 1.f)));
  // The casings first, so no casing covers a neighbouring segment's colour.
  for (size_t k = 0; k < layers_.size(); ++k)
    if (layers_[k])
      layers_[k]->draw(view, origin, (coverage_width_px(int(k) % kCoverageWidths) + 3) * scale,
                       {25, 25, 25, a});
  for (size_t k = 0; k < layers_.size(); ++k) {
    if (!layers_[k]) continue;
    Rgba c = coverage_colour(int(k) / kCoverageWidths);
    c.a = a;
    layers_[k]->draw(view, origin, coverage_width_px(int(k) % kCoverageWidths) * scale, c);
  }
}

void LinkLayer::set(const std::shared_ptr<const FacilityLinks>& links, geo::Point origin,
                    bool public_safe) {
  if (links == uploaded_ && public_safe == public_safe_ && lines_) return;
  uploaded_ = links;
  public_safe_ = public_safe;
  std::vector<geo::LineString> lines;
  if (links)
    for (const auto& l : *links)
      if (!(public_safe && l.sensitive)) lines.push_back({l.a, l.b});
  drawn_ = lines.size();
  if (!lines_) lines_ = std::make_unique<LineLayer>();
  lines_->set_lines(lines, origin);
}

void LinkLayer::draw(const View& view, geo::Point origin, float scale, float opacity) {
  if (!lines_ || drawn_ == 0) return;
  Rgba c = kLinkColour;
  c.a = static_cast<uint8_t>(std::lround(c.a * std::clamp(opacity, 0.f, 1.f)));
  lines_->draw(view, origin, 2.5f * scale, c);
}

}  // namespace secmap::render
