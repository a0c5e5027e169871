#include "ui/map_target.h"

#include <algorithm>

#include "render/gl_util.h"

namespace secmap::ui {
namespace {

void make_target(GLuint& fbo, GLuint& rb, int samples, int w, int h) {
  glGenFramebuffers(1, &fbo);
  glGenRenderbuffers(1, &rb);
  glBindRenderbuffer(GL_RENDERBUFFER, rb);
  if (samples > 1)
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, w, h);
  else
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw render::GlError("the map's offscreen framebuffer is incomplete");
}

}  // namespace

MapTarget::MapTarget(int width, int height, int samples)
    : width_(std::max(1, width)), height_(std::max(1, height)) {
  GLint max_samples = 1;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  samples_ = std::clamp(samples, 1, std::max(1, static_cast<int>(max_samples)));
  make_target(cache_fbo_, cache_rb_, 1, width_, height_);
  if (samples_ > 1) make_target(msaa_fbo_, msaa_rb_, samples_, width_, height_);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

MapTarget::~MapTarget() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  const GLuint fbos[] = {msaa_fbo_, cache_fbo_};
  const GLuint rbs[] = {msaa_rb_, cache_rb_};
  glDeleteFramebuffers(2, fbos);
  glDeleteRenderbuffers(2, rbs);
}

void MapTarget::begin(bool multisample) {
  drew_multisampled_ = multisample && samples_ > 1;
  glBindFramebuffer(GL_FRAMEBUFFER, drew_multisampled_ ? msaa_fbo_ : cache_fbo_);
  glViewport(0, 0, width_, height_);
}

void MapTarget::end() {
  if (drew_multisampled_) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, cache_fbo_);
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void MapTarget::blit_to(GLuint dst, int x0, int y0, int x1, int y1) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, cache_fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst);
  const bool same_size = x1 - x0 == width_ && y1 - y0 == height_;
  glBlitFramebuffer(0, 0, width_, height_, x0, y0, x1, y1, GL_COLOR_BUFFER_BIT,
                    same_size ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, dst);
}

}  // namespace secmap::ui
