// Pixel comparison for render tests: counts pixels whose channels differ by more than a level
// threshold, and writes a difference image to look at when a test fails.
#pragma once
#include <filesystem>
#include <string>

#include "io/png.h"

namespace secmap::test {

struct ImageDiff {
  bool same_size = false;
  size_t differing = 0;  // pixels with any channel differing by more than the threshold
  size_t total = 0;
  double fraction() const { return total ? static_cast<double>(differing) / total : 1.0; }
};

ImageDiff compare_images(const io::Image& a, const io::Image& b, int threshold);
// Red where the images differ, faded `a` elsewhere.
void write_diff_image(const io::Image& a, const io::Image& b, int threshold,
                      const std::filesystem::path& file);

}  // namespace secmap::test
