#include "render/raster_layer.h"

#include <algorithm>
#include <string>

namespace secmap::render {

RasterLayer::RasterLayer() : program_("raster.vert.glsl", "raster.frag.glsl") {
  glGenTextures(1, &texture_);
}

RasterLayer::~RasterLayer() {
  glDeleteTextures(1, &texture_);
}

void RasterLayer::set_mesh(const std::vector<float>& xyuv) {
  mesh_.release();
  count_ = static_cast<GLsizei>(xyuv.size() / 4);
  if (count_ == 0) return;
  mesh_.add_buffer(xyuv.data(), xyuv.size() * sizeof(float));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                        reinterpret_cast<const void*>(2 * sizeof(float)));
  glBindVertexArray(0);
}

GLuint RasterLayer::texture(int nx, int ny) {
  glBindTexture(GL_TEXTURE_2D, texture_);
  if (nx != nx_ || ny != ny_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, nx, ny, 0, GL_RED, GL_FLOAT, nullptr);
    // Linear: the class boundaries become smooth contours instead of cell steps.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    nx_ = nx, ny_ = ny;
  }
  return texture_;
}

void RasterLayer::set_values(const analysis::KdeGrid& g) {
  std::vector<float> v(g.values.begin(), g.values.end());
  glBindTexture(GL_TEXTURE_2D, texture(g.nx, g.ny));
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, g.nx, g.ny, GL_RED, GL_FLOAT, v.data());
  check_gl("uploading the density grid");
}

void RasterLayer::draw(const View& view, geo::Point origin, const DensityClasses& c,
                       float opacity) {
  if (count_ == 0 || nx_ == 0 || c.lower.empty()) return;
  program_.use();
  const auto t = view.clip_transform(origin);
  glUniform4f(program_.uniform("u_transform"), t[0], t[1], t[2], t[3]);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glUniform1i(program_.uniform("u_grid"), 0);
  const int n = static_cast<int>(std::min<size_t>(c.lower.size(), 8));
  glUniform1i(program_.uniform("u_classes"), n);
  for (int k = 0; k < n; ++k) {
    const std::string i = "[" + std::to_string(k) + "]";
    glUniform1f(program_.uniform(("u_lower" + i).c_str()), c.lower[size_t(k)]);
    const Rgba col = c.colour[size_t(k)];
    glUniform4f(program_.uniform(("u_colour" + i).c_str()), col.r / 255.f, col.g / 255.f,
                col.b / 255.f, col.a / 255.f);
  }
  glUniform1f(program_.uniform("u_opacity"), opacity);
  glBindVertexArray(mesh_.vao());
  glDrawArrays(GL_TRIANGLES, 0, count_);
  glBindVertexArray(0);
}

}  // namespace secmap::render
