// Wide polylines (commune outlines, the border) on the GPU: one extruded quad per segment, width
// in pixels chosen at draw time so zooming never rebuilds the buffers.
#pragma once
#include <vector>

#include "render/camera.h"
#include "render/gl_util.h"
#include "render/style.h"

namespace secmap::render {

class LineLayer {
 public:
  LineLayer();
  // Uploads the lines (EPSG:3857), stored relative to origin.
  void set_lines(const std::vector<geo::LineString>& lines, geo::Point origin);
  void draw(const View& view, geo::Point origin, float width_px, Rgba colour);
  size_t segments() const { return static_cast<size_t>(count_) / 6; }

 private:
  Program program_;
  Mesh mesh_;
  GLsizei count_ = 0;
};

}  // namespace secmap::render
