#include "render/polygon_layer.h"

#include <algorithm>

namespace secmap::render {

PolygonLayer::PolygonLayer() : program_("polygon.vert.glsl", "polygon.frag.glsl") {
  glGenTextures(1, &texture_);
}

PolygonLayer::~PolygonLayer() {
  glDeleteTextures(1, &texture_);
}

void PolygonLayer::set_triangles(const std::vector<float>& xyf) {
  mesh_.release();
  count_ = static_cast<GLsizei>(xyf.size() / 3);
  if (count_ == 0) return;
  mesh_.add_buffer(xyf.data(), xyf.size() * sizeof(float));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float),
                        reinterpret_cast<const void*>(2 * sizeof(float)));
  glBindVertexArray(0);
}

void PolygonLayer::set_colours(const std::vector<Rgba>& colours,
                               const std::vector<uint8_t>& hatched) {
  // Rows of at most 1024 texels: any number of features fits a small 2D texture. The colours
  // come first, then as many rows of hatch flags (red channel).
  const size_t n = std::max<size_t>(1, colours.size());
  columns_ = static_cast<int>(std::min<size_t>(n, 1024));
  rows_ = static_cast<int>((n + columns_ - 1) / columns_);
  const size_t half = static_cast<size_t>(columns_) * rows_;
  std::vector<Rgba> texels(2 * half);
  std::copy(colours.begin(), colours.end(), texels.begin());
  for (size_t i = 0; i < hatched.size() && i < half; ++i)
    if (hatched[i]) texels[half + i] = {255, 255, 255, 255};
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, columns_, 2 * rows_, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               texels.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

void PolygonLayer::draw(const View& view, geo::Point origin, float opacity,
                        std::optional<Rgba> single, float hatch_px) {
  if (count_ == 0) return;
  program_.use();
  auto t = view.clip_transform(origin);
  glUniform4f(program_.uniform("u_transform"), t[0], t[1], t[2], t[3]);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glUniform1i(program_.uniform("u_colours"), 0);
  glUniform1i(program_.uniform("u_columns"), columns_);
  glUniform1i(program_.uniform("u_single"), single ? 1 : 0);
  Rgba c = single.value_or(Rgba{});
  glUniform4f(program_.uniform("u_colour"), c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
  glUniform1f(program_.uniform("u_opacity"), opacity);
  glUniform1i(program_.uniform("u_rows"), rows_);
  // Hatching fixed to the ground (the same stripes in every tile and while panning).
  glUniform1f(program_.uniform("u_hatch_period"),
              static_cast<float>(std::max(8.f, hatch_px) * view.m_per_px));
  glUniform4f(program_.uniform("u_hatch_ink"), kHatchInk.r / 255.f, kHatchInk.g / 255.f,
              kHatchInk.b / 255.f, kHatchInk.a / 255.f);
  glBindVertexArray(mesh_.vao());
  glDrawArrays(GL_TRIANGLES, 0, count_);
  glBindVertexArray(0);
}

}  // namespace secmap::render
