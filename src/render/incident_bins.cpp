#include "render/incident_bins.h"

#include <algorithm>
#include <cmath>

namespace secmap::render {

IncidentBins::IncidentBins()
    : accumulate_("bin_accumulate.vert.glsl", "bin_accumulate.frag.glsl"),
      cells_("bin_cells.vert.glsl", "bin_cells.frag.glsl") {}

IncidentBins::~IncidentBins() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (texture_) glDeleteTextures(1, &texture_);
  if (count_buffer_) glDeleteBuffers(1, &count_buffer_);
  if (count_program_) glDeleteProgram(count_program_);
  if (store_program_) glDeleteProgram(store_program_);
}

namespace {

bool gl43() {
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  return major > 4 || (major == 4 && minor >= 3);
}

}  // namespace

void IncidentBins::accumulate_compute(PointLayer& points, const View& view, geo::Point origin,
                                      const PointStyle& filter, const BinGrid& g) {
  if (!count_program_) {
    count_program_ = compute_program("bin_count.comp.glsl");
    store_program_ = compute_program("bin_store.comp.glsl");
  }
  const size_t cells = static_cast<size_t>(g.columns) * g.rows;
  if (!count_buffer_) glGenBuffers(1, &count_buffer_);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, count_buffer_);
  if (count_buffer_bytes_ < cells * 4) {
    count_buffer_bytes_ = cells * 4;
    glBufferData(GL_SHADER_STORAGE_BUFFER, static_cast<GLsizeiptr>(count_buffer_bytes_), nullptr,
                 GL_DYNAMIC_COPY);
  }
  const GLuint zero = 0;
  glClearBufferSubData(GL_SHADER_STORAGE_BUFFER, GL_R32UI, 0, static_cast<GLsizeiptr>(cells * 4),
                       GL_RED_INTEGER, GL_UNSIGNED_INT, &zero);
  glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 1, count_buffer_);
  const GLuint p = count_program_;
  glUseProgram(p);
  auto at = [&](const char* name) { return glGetUniformLocation(p, name); };
  const auto t = view.clip_transform(origin);
  glUniform1ui(at("u_points"), static_cast<GLuint>(points.size()));
  glUniform4f(at("u_transform"), t[0], t[1], t[2], t[3]);
  glUniform2f(at("u_viewport"), static_cast<float>(view.width), static_cast<float>(view.height));
  glUniform1f(at("u_cell"), g.cell_px);
  glUniform2f(at("u_phase"), static_cast<float>(g.phase_x), static_cast<float>(g.phase_y));
  glUniform2f(at("u_grid"), static_cast<float>(g.columns), static_cast<float>(g.rows));
  glUniform1f(at("u_day_from"), static_cast<float>(filter.days.from));
  glUniform1f(at("u_day_to"), static_cast<float>(filter.days.to));
  glUniform1ui(at("u_class_mask"), filter.class_mask);
  glUniform4ui(at("u_category_mask"), filter.category_mask[0], filter.category_mask[1],
               filter.category_mask[2], filter.category_mask[3]);
  glUniform1ui(at("u_severity_mask"), filter.severity_mask);
  glUniform1ui(at("u_status_mask"), filter.status_mask);
  if (points.size() > 0) {
    glBindBufferBase(GL_SHADER_STORAGE_BUFFER, 0, points.buffer());
    const size_t groups = std::min<size_t>((points.size() + 255) / 256, 65535);
    glDispatchCompute(static_cast<GLuint>(groups), 1, 1);
    glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT);
  }
  // The counters into the float texture the hexagon pass samples.
  glUseProgram(store_program_);
  glUniform2i(glGetUniformLocation(store_program_, "u_grid"), g.columns, g.rows);
  glBindImageTexture(0, texture_, 0, GL_FALSE, 0, GL_WRITE_ONLY, GL_R32F);
  glDispatchCompute(static_cast<GLuint>((g.columns + 15) / 16),
                    static_cast<GLuint>((g.rows + 15) / 16), 1);
  glMemoryBarrier(GL_TEXTURE_FETCH_BARRIER_BIT | GL_FRAMEBUFFER_BARRIER_BIT |
                  GL_TEXTURE_UPDATE_BARRIER_BIT);
  std::vector<GLuint> n(cells);
  // glBindBufferBase also set the generic binding (to the points last): read the counters.
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, count_buffer_);
  glGetBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, static_cast<GLsizeiptr>(cells * 4), n.data());
  counts_.assign(n.begin(), n.end());
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
  glUseProgram(0);
}

void IncidentBins::ensure_target(int w, int h) {
  if (texture_ && w <= tex_w_ && h <= tex_h_) return;
  tex_w_ = std::max(w, tex_w_);
  tex_h_ = std::max(h, tex_h_);
  if (!texture_) glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, tex_w_, tex_h_, 0, GL_RED, GL_FLOAT, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glBindTexture(GL_TEXTURE_2D, 0);
  if (!fbo_) glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw GlError("the incident bin texture (R32F) is not renderable on this GL driver");
}

namespace {

// The caller's framebuffer, viewport and blending, put back after the counting pass.
struct SavedGlState {
  GLint draw_fbo = 0, read_fbo = 0, vp[4] = {};
  GLint src_rgb = GL_ONE, dst_rgb = GL_ZERO, src_a = GL_ONE, dst_a = GL_ZERO;
  bool blend = false;
  SavedGlState() {
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
    glGetIntegerv(GL_VIEWPORT, vp);
    glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb);
    glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb);
    glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_a);
    glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_a);
    blend = glIsEnabled(GL_BLEND);
  }
  void restore() const {
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fbo));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo));
    glViewport(vp[0], vp[1], vp[2], vp[3]);
    glBlendFuncSeparate(src_rgb, dst_rgb, src_a, dst_a);
    if (blend)
      glEnable(GL_BLEND);
    else
      glDisable(GL_BLEND);
  }
};

}  // namespace

BinStats IncidentBins::accumulate(PointLayer& points, const View& view, geo::Point origin,
                                  const PointStyle& filter, const BinGrid& g) {
  BinStats st;
  st.cell_px = g.cell_px;
  st.columns = g.columns;
  st.rows = g.rows;
  ensure_target(g.columns, g.rows);
  if (compute_available_ < 0) compute_available_ = gl43() ? 1 : 0;
  used_compute_ = method_ == Method::Compute ||
                  (method_ == Method::Auto && compute_available_ == 1 && !software_renderer());
  if (used_compute_) {
    if (compute_available_ != 1) throw GlError("compute-shader binning needs OpenGL 4.3");
    accumulate_compute(points, view, origin, filter, g);
  } else {
    accumulate_raster(points, view, origin, filter, g);
  }
  // Statistics over the hexagons that reach into the view (the margin texels hold hexagons
  // entirely outside it).
  const double radius = g.cell_px / kSqrt3;
  for (int row = 0; row < g.rows; ++row)
    for (int col = 0; col < g.columns; ++col) {
      const float c = counts_[static_cast<size_t>(row) * g.columns + col];
      if (c < 0.5f) continue;
      const auto [cx, cy] = hex_centre(g, col, row);
      if (cx + radius < 0 || cy + radius < 0 || cx - radius > view.width ||
          cy - radius > view.height)
        continue;
      st.total += c;
      st.max = std::max<double>(st.max, c);
      ++st.cells_used;
    }
  return st;
}

void IncidentBins::accumulate_raster(PointLayer& points, const View& view, geo::Point origin,
                                     const PointStyle& filter, const BinGrid& g) {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, tex_w_, tex_h_);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);
  glViewport(0, 0, g.columns, g.rows);
  glEnable(GL_BLEND);
  glBlendFunc(GL_ONE, GL_ONE);
  accumulate_.use();
  const auto t = view.clip_transform(origin);
  glUniform4f(accumulate_.uniform("u_transform"), t[0], t[1], t[2], t[3]);
  glUniform2f(accumulate_.uniform("u_viewport"), static_cast<float>(view.width),
              static_cast<float>(view.height));
  glUniform1f(accumulate_.uniform("u_cell"), g.cell_px);
  glUniform2f(accumulate_.uniform("u_phase"), static_cast<float>(g.phase_x),
              static_cast<float>(g.phase_y));
  glUniform2f(accumulate_.uniform("u_grid"), static_cast<float>(g.columns),
              static_cast<float>(g.rows));
  set_point_filter_uniforms(accumulate_, filter);
  glEnable(GL_PROGRAM_POINT_SIZE);
  if (points.size() > 0) {
    glBindVertexArray(points.vao());
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(points.size()));
  }
  counts_.assign(static_cast<size_t>(g.columns) * g.rows, 0.f);
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glReadPixels(0, 0, g.columns, g.rows, GL_RED, GL_FLOAT, counts_.data());
}

BinStats IncidentBins::count(PointLayer& points, const View& view, geo::Point origin,
                             const PointStyle& filter, float cell_px) {
  const SavedGlState saved;
  BinStats st = accumulate(points, view, origin, filter, bin_grid(view, cell_px));
  set_bin_classes(st, bin_class_bounds(st.max));
  saved.restore();
  glBindVertexArray(0);
  return st;
}

BinStats IncidentBins::draw(PointLayer& points, const View& view, geo::Point origin,
                            const PointStyle& filter, float cell_px, float opacity,
                            const std::vector<double>& fixed_upper) {
  const SavedGlState saved;
  const BinGrid g = bin_grid(view, cell_px);
  BinStats st = accumulate(points, view, origin, filter, g);
  set_bin_classes(st, fixed_upper.empty() ? bin_class_bounds(st.max) : fixed_upper);
  const int n = static_cast<int>(st.upper.size());

  // Pass 2: the hexagons over the map, in the caller's framebuffer and blending.
  saved.restore();
  if (n > 0) {
    cells_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(cells_.uniform("u_counts"), 0);
    glUniform1f(cells_.uniform("u_cell"), g.cell_px);
    glUniform2f(cells_.uniform("u_phase"), static_cast<float>(g.phase_x),
                static_cast<float>(g.phase_y));
    glUniform2f(cells_.uniform("u_grid"), static_cast<float>(g.columns),
                static_cast<float>(g.rows));
    glUniform1i(cells_.uniform("u_classes"), n);
    float upper[8] = {}, size[8] = {}, colour[8 * 4] = {};
    for (int k = 0; k < n; ++k) {
      upper[k] = static_cast<float>(st.upper[k]);
      size[k] = st.size[k];
      colour[k * 4 + 0] = st.colour[k].r / 255.f;
      colour[k * 4 + 1] = st.colour[k].g / 255.f;
      colour[k * 4 + 2] = st.colour[k].b / 255.f;
      colour[k * 4 + 3] = st.colour[k].a / 255.f;
    }
    glUniform1fv(cells_.uniform("u_upper"), 8, upper);
    glUniform1fv(cells_.uniform("u_size"), 8, size);
    glUniform4fv(cells_.uniform("u_colour"), 8, colour);
    glUniform1f(cells_.uniform("u_opacity"), std::clamp(opacity, 0.f, 1.f));
    glBindVertexArray(empty_.vao());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(GL_TEXTURE_2D, 0);
  }
  glBindVertexArray(0);
  st.drawn = true;
  return st;
}

}  // namespace secmap::render
