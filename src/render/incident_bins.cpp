#include "render/incident_bins.h"

#include <algorithm>
#include <cmath>

namespace secmap::render {
namespace {

// Sequential yellow → dark red (ColorBrewer YlOrRd, 6 classes), slightly transparent so the
// communes underneath still read.
constexpr Rgba kRamp[] = {{255, 237, 160, 225}, {254, 204, 92, 230}, {253, 160, 60, 235},
                          {245, 100, 40, 240},  {215, 40, 30, 245},  {150, 0, 38, 250}};
constexpr int kMaxClasses = 6;

std::string fmt_count(double v, Lang lang) {
  const std::string s = std::to_string(static_cast<long long>(std::llround(v)));
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += lang == Lang::Vi ? '.' : ',';
    out += s[i];
  }
  return out;
}

}  // namespace

BinGrid bin_grid(const View& view, float cell_px) {
  BinGrid g;
  g.cell_px = std::max(1.f, cell_px);
  const double cell_m = g.cell_px * view.m_per_px;
  // Ground position of the bottom-left pixel edge, in cells: its fraction is the phase.
  const double x0 = (view.centre.x - 0.5 * view.width * view.m_per_px) / cell_m;
  const double y0 = (view.centre.y - 0.5 * view.height * view.m_per_px) / cell_m;
  g.phase_x = (x0 - std::floor(x0)) * g.cell_px;
  g.phase_y = (y0 - std::floor(y0)) * g.cell_px;
  g.columns = static_cast<int>(std::ceil((view.width + g.phase_x) / g.cell_px));
  g.rows = static_cast<int>(std::ceil((view.height + g.phase_y) / g.cell_px));
  return g;
}

std::vector<double> bin_class_bounds(double max) {
  std::vector<double> upper;
  if (!(max >= 1)) return upper;
  if (max <= kMaxClasses) {  // few enough: one class per count
    for (int k = 1; k <= static_cast<int>(max); ++k) upper.push_back(k);
    return upper;
  }
  // Round numbers spread geometrically between 1 and max, the last class open above.
  auto nice = [](double v) {
    const double mag = std::pow(10.0, std::floor(std::log10(v)));
    const double f = v / mag;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
  };
  for (int k = 1; k < kMaxClasses; ++k) {
    const double b = nice(std::pow(max, static_cast<double>(k) / kMaxClasses));
    if (b < max && (upper.empty() || b > upper.back())) upper.push_back(b);
  }
  upper.push_back(max);
  return upper;
}

LegendSection bin_legend(const BinStats& s, Lang lang) {
  LegendSection out{tr(Text::IncidentsBinned, lang), {}};
  for (size_t k = 0; k < s.upper.size(); ++k) {
    const double lo = k == 0 ? 1 : s.upper[k - 1] + 1;
    const bool last = k + 1 == s.upper.size();
    std::string label;
    if (last && s.upper.size() > 1 && s.upper[k] > lo)
      label = "> " + fmt_count(lo - 1, lang);  // ASCII: every map font has it
    else if (s.upper[k] <= lo)
      label = fmt_count(s.upper[k], lang);
    else
      label = fmt_count(lo, lang) + " – " + fmt_count(s.upper[k], lang);
    out.entries.push_back({LegendEntry::Kind::Fill, label, s.colour[k], {}});
  }
  return out;
}

IncidentBins::IncidentBins()
    : accumulate_("bin_accumulate.vert.glsl", "bin_accumulate.frag.glsl"),
      cells_("bin_cells.vert.glsl", "bin_cells.frag.glsl") {}

IncidentBins::~IncidentBins() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (texture_) glDeleteTextures(1, &texture_);
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

BinStats IncidentBins::draw(PointLayer& points, const View& view, geo::Point origin,
                            const PointStyle& filter, float cell_px, float opacity) {
  BinStats st;
  const BinGrid g = bin_grid(view, cell_px);
  st.cell_px = g.cell_px;
  st.columns = g.columns;
  st.rows = g.rows;
  GLint draw_fbo = 0, read_fbo = 0, vp[4] = {};
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read_fbo);
  glGetIntegerv(GL_VIEWPORT, vp);
  GLint src_rgb = GL_ONE, dst_rgb = GL_ZERO, src_a = GL_ONE, dst_a = GL_ZERO;
  glGetIntegerv(GL_BLEND_SRC_RGB, &src_rgb);
  glGetIntegerv(GL_BLEND_DST_RGB, &dst_rgb);
  glGetIntegerv(GL_BLEND_SRC_ALPHA, &src_a);
  glGetIntegerv(GL_BLEND_DST_ALPHA, &dst_a);
  const bool blend = glIsEnabled(GL_BLEND);

  // Pass 1: counts per cell.
  ensure_target(g.columns, g.rows);
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
  for (float c : counts_) {
    st.total += c;
    st.max = std::max<double>(st.max, c);
    if (c > 0.5f) ++st.cells_used;
  }
  st.upper = bin_class_bounds(st.max);
  const int n = static_cast<int>(st.upper.size());
  for (int k = 0; k < n; ++k)  // the darkest class is always the top one
    st.colour.push_back(kRamp[kMaxClasses - n + k]);

  // Pass 2: the cells over the map, in the caller's framebuffer and blending.
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw_fbo));
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read_fbo));
  glViewport(vp[0], vp[1], vp[2], vp[3]);
  glBlendFuncSeparate(src_rgb, dst_rgb, src_a, dst_a);
  if (!blend) glDisable(GL_BLEND);
  if (n > 0) {
    cells_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glUniform1i(cells_.uniform("u_counts"), 0);
    glUniform1f(cells_.uniform("u_cell"), g.cell_px);
    glUniform2f(cells_.uniform("u_phase"), static_cast<float>(g.phase_x),
                static_cast<float>(g.phase_y));
    glUniform1f(cells_.uniform("u_gap"), g.cell_px >= 8 ? 1.f : 0.f);
    glUniform1i(cells_.uniform("u_classes"), n);
    float upper[8] = {}, colour[8 * 4] = {};
    for (int k = 0; k < n; ++k) {
      upper[k] = static_cast<float>(st.upper[k]);
      colour[k * 4 + 0] = st.colour[k].r / 255.f;
      colour[k * 4 + 1] = st.colour[k].g / 255.f;
      colour[k * 4 + 2] = st.colour[k].b / 255.f;
      colour[k * 4 + 3] = st.colour[k].a / 255.f;
    }
    glUniform1fv(cells_.uniform("u_upper"), 8, upper);
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
