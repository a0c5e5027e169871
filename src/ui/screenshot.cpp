#include "ui/screenshot.h"

#include <GL/glcorearb.h>

#include <cstring>
#include <vector>

#include "io/png.h"

namespace secmap::ui {

void save_screenshot(const std::filesystem::path& file, int width, int height) {
  io::Image img;
  img.width = width;
  img.height = height;
  img.rgba.resize(static_cast<size_t>(width) * height * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
  // GL rows run bottom-up; PNG rows top-down. The window is opaque whatever alpha GL left.
  const size_t row = static_cast<size_t>(width) * 4;
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    uint8_t* a = img.rgba.data() + y * row;
    uint8_t* b = img.rgba.data() + (height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  io::write_png(file, img);
}

}  // namespace secmap::ui
