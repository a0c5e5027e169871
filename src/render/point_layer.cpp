#include "render/point_layer.h"

#include <algorithm>
#include <cstring>

namespace secmap::render {

PointLayer::PointLayer() : program_("point.vert.glsl", "point.frag.glsl") {}

void PointLayer::set_points(const std::vector<geo::Point>& at, const std::vector<int32_t>& days,
                            const std::vector<uint8_t>& classes, geo::Point origin,
                            const std::vector<uint32_t>& codes) {
  mesh_.release();
  buffer_ = 0;
  count_ = static_cast<GLsizei>(at.size());
  ++uploads_;
  if (count_ == 0) return;
  // Interleaved per-point data, 16 bytes: x, y, day (float: ~20,000 is exact), then the class in
  // the low byte and the packed codes above it as one unsigned integer attribute.
  struct Vertex {
    float x, y, day;
    uint32_t class_codes;
  };
  static_assert(sizeof(Vertex) == 16);
  std::vector<Vertex> v(at.size());
  for (size_t i = 0; i < at.size(); ++i) {
    const uint32_t cls = static_cast<uint32_t>(
        std::min<int>(i < classes.size() ? classes[i] : 0, PointStyle::kMaxClasses - 1));
    const uint32_t code = i < codes.size() ? codes[i] : 0u;
    v[i] = {static_cast<float>(at[i].x - origin.x), static_cast<float>(at[i].y - origin.y),
            i < days.size() ? static_cast<float>(days[i]) : 0.f, cls | (code << 8)};
  }
  buffer_ = mesh_.add_buffer(v.data(), v.size() * sizeof(Vertex));
  const GLsizei stride = sizeof(Vertex);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(Vertex, day)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 1, GL_UNSIGNED_INT, stride,
                         reinterpret_cast<const void*>(offsetof(Vertex, class_codes)));
  glBindVertexArray(0);
}

void set_point_filter_uniforms(const Program& p, const PointStyle& s) {
  glUniform1f(p.uniform("u_day_from"), static_cast<float>(s.days.from));
  glUniform1f(p.uniform("u_day_to"), static_cast<float>(s.days.to));
  glUniform1ui(p.uniform("u_class_mask"), s.class_mask);
  glUniform4ui(p.uniform("u_category_mask"), s.category_mask[0], s.category_mask[1],
               s.category_mask[2], s.category_mask[3]);
  glUniform1ui(p.uniform("u_severity_mask"), s.severity_mask);
  glUniform1ui(p.uniform("u_status_mask"), s.status_mask);
}

void PointLayer::draw(const View& view, geo::Point origin, const PointStyle& s) {
  if (count_ == 0) return;
  program_.use();
  auto t = view.clip_transform(origin);
  glUniform4f(program_.uniform("u_transform"), t[0], t[1], t[2], t[3]);
  glUniform2f(program_.uniform("u_viewport"), static_cast<float>(view.width),
              static_cast<float>(view.height));
  glUniform1f(program_.uniform("u_size"), s.size_px);
  glUniform1f(program_.uniform("u_outline"), s.outline_px);
  const float op = std::clamp(s.opacity, 0.f, 1.f);
  glUniform4f(program_.uniform("u_outline_colour"), s.outline.r / 255.f, s.outline.g / 255.f,
              s.outline.b / 255.f, s.outline.a / 255.f * op);
  glUniform1i(program_.uniform("u_smooth"), s.smooth ? 1 : 0);
  set_point_filter_uniforms(program_, s);
  float fill[PointStyle::kMaxClasses * 4];
  GLint shape[PointStyle::kMaxClasses];
  float scale[PointStyle::kMaxClasses];
  for (int c = 0; c < PointStyle::kMaxClasses; ++c) {
    const PointSymbol& sym = s.classes[c];
    fill[c * 4 + 0] = sym.fill.r / 255.f;
    fill[c * 4 + 1] = sym.fill.g / 255.f;
    fill[c * 4 + 2] = sym.fill.b / 255.f;
    fill[c * 4 + 3] = sym.fill.a / 255.f * op;
    shape[c] = static_cast<GLint>(sym.shape);
    scale[c] = sym.scale;
  }
  glUniform4fv(program_.uniform("u_fill"), PointStyle::kMaxClasses, fill);
  glUniform1iv(program_.uniform("u_shape"), PointStyle::kMaxClasses, shape);
  glUniform1fv(program_.uniform("u_scale"), PointStyle::kMaxClasses, scale);
  glEnable(GL_PROGRAM_POINT_SIZE);
  glBindVertexArray(mesh_.vao());
  glDrawArrays(GL_POINTS, 0, count_);
  glBindVertexArray(0);
}

}  // namespace secmap::render
