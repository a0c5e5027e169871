// Point symbols on the GPU as GL_POINTS sprites: per point a position, a day number, a class
// (crossing kind, facility kind or incident group) and packed codes (an incident's category,
// severity and status). Classes map to symbols through uniforms, and the date window and the
// code masks are uniforms too, so the map window filters without re-uploading anything.
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
  float opacity = 1;                               // multiplies fill and outline alpha
  std::array<PointSymbol, kMaxClasses> classes{};  // symbol per class
  uint32_t class_mask = 0xFFFFFFFFu;               // bit c: class c shown
  DayRange days;                                   // shown when day in [from, to]
  // Filters on the packed codes (render/incident_filter.h); all bits set for other layers.
  std::array<uint32_t, 4> category_mask{0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
  uint32_t severity_mask = 0xFFFFFFFFu, status_mask = 0xFFFFFFFFu;
};

// Sets the filter uniforms u_day_from/to, u_class_mask, u_category_mask, u_severity_mask and
// u_status_mask that point.vert.glsl and bin_accumulate.vert.glsl share.
void set_point_filter_uniforms(const Program& program, const PointStyle& style);

class PointLayer {
 public:
  PointLayer();
  // days may be empty (all points day 0), codes too (all 0); classes are clamped to
  // kMaxClasses - 1. Codes are packed as render::packed_incident_codes makes them.
  void set_points(const std::vector<geo::Point>& at, const std::vector<int32_t>& days,
                  const std::vector<uint8_t>& classes, geo::Point origin,
                  const std::vector<uint32_t>& codes = {});
  void draw(const View& view, geo::Point origin, const PointStyle& style);
  size_t size() const { return static_cast<size_t>(count_); }
  // The vertex array (attributes 1 position, 2 day, 3 class, 4 codes), for the binning pass.
  GLuint vao() { return mesh_.vao(); }
  // The interleaved vertex buffer (16 bytes a point: x, y, day, class and codes), read as a
  // shader storage buffer by compute-shader binning; 0 when empty.
  GLuint buffer() const { return buffer_; }
  // How many times points were uploaded (filters must never cause one).
  uint64_t uploads() const { return uploads_; }

 private:
  Program program_;
  Mesh mesh_;
  GLsizei count_ = 0;
  GLuint buffer_ = 0;
  uint64_t uploads_ = 0;
};

}  // namespace secmap::render
