#include "render/static_cache.h"

#include <cmath>

namespace secmap::render {
namespace {

// The view's offset from the cached image's centre in pixels (x right, y up, as GL).
bool pixel_offset(const View& cached, const View& v, long& dx, long& dy) {
  const double fx = (v.centre.x - cached.centre.x) / v.m_per_px;
  const double fy = (v.centre.y - cached.centre.y) / v.m_per_px;
  dx = std::lround(fx), dy = std::lround(fy);
  // Whole pixels only (the window pans by mouse pixels), so the copy is exact.
  return std::abs(fx - double(dx)) < 1e-3 && std::abs(fy - double(dy)) < 1e-3;
}

}  // namespace

StaticLayerCache::~StaticLayerCache() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (texture_) glDeleteTextures(1, &texture_);
}

bool StaticLayerCache::covers(const View& v, const std::string& key) const {
  if (key_.empty() || key != key_ || v.m_per_px != cached_.m_per_px) return false;
  const int mx = (cached_.width - v.width) / 2, my = (cached_.height - v.height) / 2;
  if (mx < 0 || my < 0 || cached_.width != v.width + 2 * mx || cached_.height != v.height + 2 * my)
    return false;
  long dx = 0, dy = 0;
  return pixel_offset(cached_, v, dx, dy) && std::abs(dx) <= mx && std::abs(dy) <= my;
}

View StaticLayerCache::begin(const View& v, const std::string& key) {
  View big = v;
  big.width = v.width + 2 * static_cast<int>(std::lround(v.width * kMargin));
  big.height = v.height + 2 * static_cast<int>(std::lround(v.height * kMargin));
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
  if (big.width > max_size || big.height > max_size)
    throw GlError("static layer cache of " + std::to_string(big.width) + "x" +
                  std::to_string(big.height) + " is larger than GL allows");
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &previous_fbo_);
  if (!fbo_) {
    glGenFramebuffers(1, &fbo_);
    glGenTextures(1, &texture_);
  }
  if (big.width != width_ || big.height != height_) {
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, big.width, big.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw GlError("static layer cache framebuffer is incomplete");
    width_ = big.width, height_ = big.height;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  cached_ = big;
  key_ = key;
  ++builds_;
  return big;
}

void StaticLayerCache::end() {
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo_));
  check_gl("drawing the static layer cache");
}

void StaticLayerCache::blit(const View& v) const {
  long dx = 0, dy = 0;
  pixel_offset(cached_, v, dx, dy);
  const GLint x0 = static_cast<GLint>((cached_.width - v.width) / 2 + dx);
  const GLint y0 = static_cast<GLint>((cached_.height - v.height) / 2 + dy);
  GLint draw_fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBlitFramebuffer(x0, y0, x0 + v.width, y0 + v.height, 0, 0, v.width, v.height,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(draw_fbo));
}

}  // namespace secmap::render
