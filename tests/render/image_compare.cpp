#include "image_compare.h"

#include <cstdlib>

namespace secmap::test {
namespace {
bool differs(const uint8_t* p, const uint8_t* q, int threshold) {
  for (int c = 0; c < 4; ++c)
    if (std::abs(p[c] - q[c]) > threshold) return true;
  return false;
}
}  // namespace

ImageDiff compare_images(const io::Image& a, const io::Image& b, int threshold) {
  ImageDiff d;
  d.same_size = a.width == b.width && a.height == b.height;
  if (!d.same_size) return d;
  d.total = static_cast<size_t>(a.width) * a.height;
  for (size_t i = 0; i < d.total; ++i)
    d.differing += differs(&a.rgba[i * 4], &b.rgba[i * 4], threshold);
  return d;
}

void write_diff_image(const io::Image& a, const io::Image& b, int threshold,
                      const std::filesystem::path& file) {
  if (a.width != b.width || a.height != b.height) return;
  io::Image out = a;
  for (size_t i = 0; i < out.rgba.size() / 4; ++i) {
    uint8_t* p = &out.rgba[i * 4];
    if (differs(&a.rgba[i * 4], &b.rgba[i * 4], threshold)) {
      p[0] = 255, p[1] = 0, p[2] = 0;
    } else {
      for (int c = 0; c < 3; ++c) p[c] = static_cast<uint8_t>(160 + p[c] / 3);
    }
    p[3] = 255;
  }
  io::write_png(file, out);
}

}  // namespace secmap::test
