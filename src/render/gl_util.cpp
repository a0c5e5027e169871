#include "render/gl_util.h"

#include <algorithm>
#include <cstring>

namespace secmap::render {
namespace {

GLuint compile(GLenum type, std::string_view file) {
  std::string_view src = shader_source(file);
  GLuint s = glCreateShader(type);
  const char* text = src.data();
  GLint len = static_cast<GLint>(src.size());
  glShaderSource(s, 1, &text, &len);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[4096] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    throw GlError("shader " + std::string(file) + " does not compile: " + log);
  }
  return s;
}

}  // namespace

std::string_view shader_source(std::string_view name) {
  for (const auto& [file, content] : shaders::embedded_files())
    if (file == name) return content;
  throw GlError("shader " + std::string(name) + " is not embedded in the binary");
}

Program::Program(std::string_view vertex_file, std::string_view fragment_file) {
  GLuint vs = compile(GL_VERTEX_SHADER, vertex_file);
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, fragment_file);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[4096] = {};
    glGetProgramInfoLog(id_, sizeof log, nullptr, log);
    glDeleteProgram(id_);
    id_ = 0;
    throw GlError("shaders " + std::string(vertex_file) + " + " + std::string(fragment_file) +
                  " do not link: " + log);
  }
}

Program::~Program() {
  if (id_) glDeleteProgram(id_);
}

Program& Program::operator=(Program&& o) noexcept {
  if (this != &o) {
    if (id_) glDeleteProgram(id_);
    id_ = std::exchange(o.id_, 0);
  }
  return *this;
}

Mesh::Mesh(Mesh&& o) noexcept
    : vao_(std::exchange(o.vao_, 0)), buffers_(std::exchange(o.buffers_, {})) {}

Mesh& Mesh::operator=(Mesh&& o) noexcept {
  if (this != &o) {
    release();
    vao_ = std::exchange(o.vao_, 0);
    buffers_ = std::exchange(o.buffers_, {});
  }
  return *this;
}

GLuint Mesh::vao() {
  if (!vao_) glGenVertexArrays(1, &vao_);
  return vao_;
}

GLuint compute_program(std::string_view file) {
  const std::string_view src = shader_source(file);
  const GLuint s = glCreateShader(GL_COMPUTE_SHADER);
  const char* text = src.data();
  const GLint len = static_cast<GLint>(src.size());
  glShaderSource(s, 1, &text, &len);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  char log[4096] = {};
  if (!ok) {
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    throw GlError("shader " + std::string(file) + " does not compile: " + log);
  }
  const GLuint p = glCreateProgram();
  glAttachShader(p, s);
  glLinkProgram(p);
  glDeleteShader(s);
  glGetProgramiv(p, GL_LINK_STATUS, &ok);
  if (!ok) {
    glGetProgramInfoLog(p, sizeof log, nullptr, log);
    glDeleteProgram(p);
    throw GlError("shader " + std::string(file) + " does not link: " + log);
  }
  return p;
}

GLuint Mesh::add_buffer(const void* data, size_t bytes) {
  glBindVertexArray(vao());
  GLuint b = 0;
  glGenBuffers(1, &b);
  glBindBuffer(GL_ARRAY_BUFFER, b);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  buffers_.push_back(b);
  return b;
}

void Mesh::release() {
  if (!buffers_.empty()) glDeleteBuffers(static_cast<GLsizei>(buffers_.size()), buffers_.data());
  buffers_.clear();
  if (vao_) glDeleteVertexArrays(1, &vao_);
  vao_ = 0;
}

Framebuffer::Framebuffer(int width, int height, int samples)
    : width_(width), height_(height), samples_(samples) {
  GLint max_samples = 1;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  samples_ = std::clamp(samples_, 1, std::max(1, static_cast<int>(max_samples)));
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
  if (width <= 0 || height <= 0 || width > max_size || height > max_size)
    throw GlError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                  " is outside what this GL allows (1.." + std::to_string(max_size) + ")");

  auto make = [&](GLuint& fbo, GLuint& rb, int s) {
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    if (s > 1)
      glRenderbufferStorageMultisample(GL_RENDERBUFFER, s, GL_RGBA8, width, height);
    else
      glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw GlError("offscreen framebuffer is incomplete");
  };
  make(image_fbo_, image_rb_, 1);
  if (samples_ > 1) make(msaa_fbo_, msaa_rb_, samples_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  check_gl("creating the offscreen framebuffer");
}

Framebuffer::~Framebuffer() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  GLuint fbos[] = {image_fbo_, msaa_fbo_};
  GLuint rbs[] = {image_rb_, msaa_rb_};
  glDeleteFramebuffers(2, fbos);
  glDeleteRenderbuffers(2, rbs);
}

void Framebuffer::bind(bool multisample) {
  bound_fbo_ = multisample && msaa_fbo_ ? msaa_fbo_ : image_fbo_;
  glBindFramebuffer(GL_FRAMEBUFFER, bound_fbo_);
  glViewport(0, 0, width_, height_);
}

void Framebuffer::resolve() {
  if (bound_fbo_ != msaa_fbo_ || !msaa_fbo_) return;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, image_fbo_);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void Framebuffer::blit_to(GLuint dst, int sx0, int sy0, int sx1, int sy1, int x0, int y0, int x1,
                          int y1) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, image_fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst);
  const bool same_size = x1 - x0 == sx1 - sx0 && y1 - y0 == sy1 - sy0;
  glBlitFramebuffer(sx0, sy0, sx1, sy1, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT,
                    same_size ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, dst);
}

std::vector<uint8_t> Framebuffer::read_rgba() {
  resolve();
  glBindFramebuffer(GL_READ_FRAMEBUFFER, image_fbo_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  const size_t row = static_cast<size_t>(width_) * 4;
  std::vector<uint8_t> px(row * height_);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  check_gl("reading the rendered image");
  // GL rows run bottom-up; images run top-down.
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height_ / 2; ++y) {
    uint8_t* a = px.data() + y * row;
    uint8_t* b = px.data() + (height_ - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, bound_fbo_ ? bound_fbo_ : image_fbo_);  // drawing goes on
  return px;
}

bool software_renderer() {
  const char* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const std::string_view name = r ? r : "";
  return name.find("llvmpipe") != std::string_view::npos ||
         name.find("softpipe") != std::string_view::npos;
}

int default_map_samples() {
  return software_renderer() ? 1 : 4;
}

void check_gl(const char* what) {
  GLenum e = glGetError();
  if (e != GL_NO_ERROR) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%04x", e);
    throw GlError(std::string("OpenGL error ") + buf + " while " + what);
  }
}

}  // namespace secmap::render
