#include "render/gpu_kde.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>

namespace secmap::render {
namespace {

// Binding points, as in shaders/kde_*.comp.glsl.
enum Binding { kPoints = 0, kDays = 1, kCounts = 2, kRows = 3, kDensity = 4, kTaps = 5, kMax = 6 };

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

GLuint groups(int n, int size) {
  return static_cast<GLuint>((n + size - 1) / size);
}

}  // namespace

bool GpuKde::supported() {
  const char* force_cpu = std::getenv("SECMAP_KDE_CPU");
  if (force_cpu && std::strcmp(force_cpu, "1") == 0) return false;
  GLint major = 0, minor = 0;
  glGetIntegerv(GL_MAJOR_VERSION, &major);
  glGetIntegerv(GL_MINOR_VERSION, &minor);
  while (glGetError() != GL_NO_ERROR) {
  }
  return major > 4 || (major == 4 && minor >= 3);
}

GpuKde::GpuKde(const analysis::KdeGrid& g, double bandwidth_m)
    : x0_(g.x0), y0_(g.y0), cell_(g.cell), nx_(g.nx), ny_(g.ny), stride_(g.nx) {
  bin_ = compute_program("kde_bin.comp.glsl");
  rows_ = compute_program("kde_blur_rows.comp.glsl");
  cols_ = compute_program("kde_blur_cols.comp.glsl");
  max_ = compute_program("kde_max.comp.glsl");
  buffers_.resize(7);
  glGenBuffers(7, buffers_.data());
  const size_t cells = size_t(stride_) * size_t(ny_);
  for (int b : {kCounts, kRows, kDensity}) {
    glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(b));
    glBufferData(GL_SHADER_STORAGE_BUFFER, GLsizeiptr(cells * 4), nullptr, GL_DYNAMIC_COPY);
  }
  // The CPU path's taps: truncated at 4σ, normalised, and cut where they would only meet zeros.
  const std::vector<double> taps = analysis::gaussian_taps(bandwidth_m / g.cell);
  const int r_full = int(taps.size() / 2);
  r_ = std::min(r_full, std::max(nx_, ny_));
  std::vector<float> half(size_t(r_ + 1));
  for (int k = 0; k <= r_; ++k) half[size_t(k)] = float(taps[size_t(k + r_full)]);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kTaps));
  glBufferData(GL_SHADER_STORAGE_BUFFER, GLsizeiptr(half.size() * 4), half.data(), GL_STATIC_DRAW);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kMax));
  glBufferData(GL_SHADER_STORAGE_BUFFER, 4, nullptr, GL_DYNAMIC_READ);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
  check_gl("creating the GPU density buffers");
}

GpuKde::~GpuKde() {
  glDeleteBuffers(GLsizei(buffers_.size()), buffers_.data());
  for (GLuint p : {bin_, rows_, cols_, max_})
    if (p) glDeleteProgram(p);
}

void GpuKde::set_points(std::span<const geo::Point> pts, std::span<const int32_t> days) {
  static_assert(sizeof(geo::Point) == 2 * sizeof(double), "dvec2 layout");
  points_ = static_cast<uint32_t>(std::min(pts.size(), days.size()));
  // Empty buffers still need storage to bind.
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kPoints));
  glBufferData(GL_SHADER_STORAGE_BUFFER, GLsizeiptr(std::max<size_t>(points_, 1) * 16),
               points_ ? pts.data() : nullptr, GL_STATIC_DRAW);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kDays));
  glBufferData(GL_SHADER_STORAGE_BUFFER, GLsizeiptr(std::max<size_t>(points_, 1) * 4),
               points_ ? days.data() : nullptr, GL_STATIC_DRAW);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
  check_gl("uploading incidents for the GPU density");
}

GpuKdeStats GpuKde::compute(DayRange days, bool measure) {
  GpuKdeStats st;
  const auto t0 = Clock::now();
  for (int b = 0; b < 7; ++b) glBindBufferBase(GL_SHADER_STORAGE_BUFFER, GLuint(b), buffer(b));
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kCounts));
  glClearBufferData(GL_SHADER_STORAGE_BUFFER, GL_R32UI, GL_RED_INTEGER, GL_UNSIGNED_INT, nullptr);
  glUseProgram(bin_);
  glUniform2d(glGetUniformLocation(bin_, "u_origin"), x0_, y0_);
  glUniform1d(glGetUniformLocation(bin_, "u_inv_cell"), 1.0 / cell_);
  glUniform1i(glGetUniformLocation(bin_, "u_nx"), nx_);
  glUniform1i(glGetUniformLocation(bin_, "u_ny"), ny_);
  glUniform1i(glGetUniformLocation(bin_, "u_stride"), stride_);
  glUniform1i(glGetUniformLocation(bin_, "u_from"), days.from);
  glUniform1i(glGetUniformLocation(bin_, "u_to"), days.to);
  glUniform1ui(glGetUniformLocation(bin_, "u_count"), points_);
  // Enough groups to fill any GPU; each invocation strides over the rest.
  glDispatchCompute(std::clamp<GLuint>(groups(int(points_), 256), 1, 4096), 1, 1);
  glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT);
  if (measure) glFinish(), st.bin_ms = ms_since(t0);

  const auto t1 = Clock::now();
  for (GLuint p : {rows_, cols_}) {
    glUseProgram(p);
    glUniform1i(glGetUniformLocation(p, "u_nx"), nx_);
    glUniform1i(glGetUniformLocation(p, "u_ny"), ny_);
    glUniform1i(glGetUniformLocation(p, "u_stride"), stride_);
    glUniform1i(glGetUniformLocation(p, "u_r"), r_);
    if (p == cols_)
      glUniform1f(glGetUniformLocation(p, "u_scale"), float(1.0 / (cell_ * cell_ * 1e-6)));
    glDispatchCompute(groups(nx_, 16), groups(ny_, 16), 1);
    glMemoryBarrier(GL_SHADER_STORAGE_BARRIER_BIT);
  }
  glMemoryBarrier(GL_PIXEL_BUFFER_BARRIER_BIT | GL_BUFFER_UPDATE_BARRIER_BIT |
                  GL_TEXTURE_UPDATE_BARRIER_BIT);
  glUseProgram(0);
  if (measure) glFinish(), st.blur_ms = ms_since(t1), st.total_ms = ms_since(t0);
  check_gl("computing the density on the GPU");
  return st;
}

float GpuKde::max_value() {
  const uint32_t zero = 0;
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kMax));
  glBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, 4, &zero);
  glBindBufferBase(GL_SHADER_STORAGE_BUFFER, kDensity, buffer(kDensity));
  glBindBufferBase(GL_SHADER_STORAGE_BUFFER, kMax, buffer(kMax));
  glUseProgram(max_);
  const uint32_t cells = uint32_t(stride_) * uint32_t(ny_);
  glUniform1ui(glGetUniformLocation(max_, "u_cells"), cells);
  glDispatchCompute(std::clamp<GLuint>(groups(int(cells), 256), 1, 1024), 1, 1);
  glMemoryBarrier(GL_BUFFER_UPDATE_BARRIER_BIT);
  glUseProgram(0);
  uint32_t bits = 0;
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kMax));
  glGetBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, 4, &bits);
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
  float v = 0;
  std::memcpy(&v, &bits, 4);
  check_gl("reducing the GPU density");
  return v;
}

void GpuKde::read(analysis::KdeGrid& g) {
  std::vector<float> v(size_t(stride_) * size_t(ny_));
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, buffer(kDensity));
  glGetBufferSubData(GL_SHADER_STORAGE_BUFFER, 0, GLsizeiptr(v.size() * 4), v.data());
  glBindBuffer(GL_SHADER_STORAGE_BUFFER, 0);
  g.values.resize(size_t(nx_) * size_t(ny_));
  for (int j = 0; j < ny_; ++j)
    for (int i = 0; i < nx_; ++i) g.at(i, j) = double(v[size_t(j) * size_t(stride_) + size_t(i)]);
  check_gl("reading the GPU density");
}

void GpuKde::copy_to_texture(GLuint texture) {
  glBindBuffer(GL_PIXEL_UNPACK_BUFFER, buffer(kDensity));
  glBindTexture(GL_TEXTURE_2D, texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, stride_);
  glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, nx_, ny_, GL_RED, GL_FLOAT, nullptr);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
  glBindBuffer(GL_PIXEL_UNPACK_BUFFER, 0);
  check_gl("copying the GPU density to a texture");
}

}  // namespace secmap::render
