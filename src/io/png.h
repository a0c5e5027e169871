// PNG files for rendered maps and golden images, through stb_image / stb_image_write (the only
// file that includes them). Images are 8-bit RGBA, rows top to bottom.
#pragma once
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace secmap::io {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;  // width * height * 4 bytes, first row is the top of the image

  uint8_t* pixel(int x, int y) { return rgba.data() + (static_cast<size_t>(y) * width + x) * 4; }
  const uint8_t* pixel(int x, int y) const {
    return rgba.data() + (static_cast<size_t>(y) * width + x) * 4;
  }
};

class PngError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes an RGBA PNG. Throws PngError naming the file when it cannot be written.
void write_png(const std::filesystem::path& file, const Image& image);
// Reads any PNG as RGBA. Throws PngError naming the file when it is missing or not a PNG.
Image read_png(const std::filesystem::path& file);

}  // namespace secmap::io
