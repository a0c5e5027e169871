// Point symbols on the GPU as GL_POINTS sprites: per point a position, a day number and a class
// (crossing kind, facility kind or incident group). Classes map to symbols through uniforms, and
// the date window and class mask are uniforms too, so the map window filters without re-uploading.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "render/camera.h"
#include "render/gl_util.h"
#include "render/style.h"

namespace secmap::render {

struct PointStyle {
  static constexpr int kMaxClasses = 16;
  float size_px = 8;
  float outline_px = 1;
  Rgba outline{40, 40, 40, 255};
  bool smooth = true;                              // antialiased edges (off for --plain)
  std::array<PointSymbol, kMaxClasses> classes{};  // symbol per class
  uint32_t class_mask = 0xFFFFFFFFu;               // bit c: class c shown
  DayRange days;                                   // shown when day in [from, to]
};

class PointLayer {
 public:
  PointLayer();
  // days may be empty (all points day 0); classes are clamped to kMaxClasses - 1.
  void set_points(const std::vector<geo::Point>& at, const std::vector<int32_t>& days,
                  const std::vector<uint8_t>& classes, geo::Point origin);
  void draw(const View& view, geo::Point origin, const PointStyle& style);
  size_t size() const { return static_cast<size_t>(count_); }

 private:
  Program program_;
  Mesh mesh_;
  GLsizei count_ = 0;
};

}  // namespace secmap::render
