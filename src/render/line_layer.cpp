#include "render/line_layer.h"

namespace secmap::render {

LineLayer::LineLayer() : program_("line.vert.glsl", "colour.frag.glsl") {}

void LineLayer::set_lines(const std::vector<geo::LineString>& lines, geo::Point origin) {
  // Per vertex: p0.xy, p1.xy, corner.xy; two triangles per segment.
  static constexpr float kCorners[6][2] = {{0, -1}, {1, -1}, {1, 1}, {0, -1}, {1, 1}, {0, 1}};
  std::vector<float> v;
  for (const auto& line : lines) {
    for (size_t i = 1; i < line.size(); ++i) {
      const float x0 = static_cast<float>(line[i - 1].x - origin.x);
      const float y0 = static_cast<float>(line[i - 1].y - origin.y);
      const float x1 = static_cast<float>(line[i].x - origin.x);
      const float y1 = static_cast<float>(line[i].y - origin.y);
      for (const auto& c : kCorners) v.insert(v.end(), {x0, y0, x1, y1, c[0], c[1]});
    }
  }
  mesh_.release();
  count_ = static_cast<GLsizei>(v.size() / 6);
  if (count_ == 0) return;
  mesh_.add_buffer(v.data(), v.size() * sizeof(float));
  const GLsizei stride = 6 * sizeof(float);
  for (GLuint a = 0; a < 3; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribPointer(a, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(a * 2 * sizeof(float)));
  }
  glBindVertexArray(0);
}

void LineLayer::draw(const View& view, geo::Point origin, float width_px, Rgba c) {
  if (count_ == 0) return;
  program_.use();
  auto t = view.clip_transform(origin);
  glUniform4f(program_.uniform("u_transform"), t[0], t[1], t[2], t[3]);
  glUniform2f(program_.uniform("u_viewport"), static_cast<float>(view.width),
              static_cast<float>(view.height));
  glUniform1f(program_.uniform("u_width"), width_px);
  glUniform4f(program_.uniform("u_colour"), c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
  glBindVertexArray(mesh_.vao());
  glDrawArrays(GL_TRIANGLES, 0, count_);
  glBindVertexArray(0);
}

}  // namespace secmap::render
