#include "render/point_layer.h"

#include <algorithm>

namespace secmap::render {

PointLayer::PointLayer() : program_("point.vert.glsl", "point.frag.glsl") {}

void PointLayer::set_points(const std::vector<geo::Point>& at, const std::vector<int32_t>& days,
                            const std::vector<uint8_t>& classes, geo::Point origin) {
  mesh_.release();
  count_ = static_cast<GLsizei>(at.size());
  if (count_ == 0) return;
  // Interleaved per-point data: x, y, day, class. Days (~20,000) are exact in float.
  std::vector<float> inst;
  inst.reserve(at.size() * 4);
  for (size_t i = 0; i < at.size(); ++i) {
    inst.push_back(static_cast<float>(at[i].x - origin.x));
    inst.push_back(static_cast<float>(at[i].y - origin.y));
    inst.push_back(i < days.size() ? static_cast<float>(days[i]) : 0.f);
    inst.push_back(static_cast<float>(
        std::min<int>(i < classes.size() ? classes[i] : 0, PointStyle::kMaxClasses - 1)));
  }
  mesh_.add_buffer(inst.data(), inst.size() * sizeof(float));
  const GLsizei stride = 4 * sizeof(float);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, nullptr);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(2 * sizeof(float)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(3 * sizeof(float)));
  glBindVertexArray(0);
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
  glUniform4f(program_.uniform("u_outline_colour"), s.outline.r / 255.f, s.outline.g / 255.f,
              s.outline.b / 255.f, s.outline.a / 255.f);
  glUniform1i(program_.uniform("u_smooth"), s.smooth ? 1 : 0);
  glUniform1f(program_.uniform("u_day_from"), static_cast<float>(s.days.from));
  glUniform1f(program_.uniform("u_day_to"), static_cast<float>(s.days.to));
  glUniform1ui(program_.uniform("u_class_mask"), s.class_mask);
  float fill[PointStyle::kMaxClasses * 4];
  GLint shape[PointStyle::kMaxClasses];
  float scale[PointStyle::kMaxClasses];
  for (int c = 0; c < PointStyle::kMaxClasses; ++c) {
    const PointSymbol& sym = s.classes[c];
    fill[c * 4 + 0] = sym.fill.r / 255.f;
    fill[c * 4 + 1] = sym.fill.g / 255.f;
    fill[c * 4 + 2] = sym.fill.b / 255.f;
    fill[c * 4 + 3] = sym.fill.a / 255.f;
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
