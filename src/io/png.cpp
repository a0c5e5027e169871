// stb's implementations are compiled here and nowhere else.
#include "io/png.h"

#include <cstring>
#include <string>

#include "files/atomic_output.h"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace secmap::io {

void write_png(const std::filesystem::path& file, const Image& image) {
  if (image.width <= 0 || image.height <= 0 ||
      image.rgba.size() != static_cast<size_t>(image.width) * image.height * 4)
    throw PngError("cannot write " + file.string() + ": image has no pixels or a wrong size");
  // Fast zlib level: stb's default (8) takes ~0.8 s for a 1920×1080 map; level 1 is ~5× faster
  // for files about 30% larger.
  stbi_write_png_compression_level = 1;
  // Encoded in memory (stb's file writer does not check its writes), then written whole or not
  // at all.
  std::string png;
  auto append = [](void* into, void* data, int size) {
    static_cast<std::string*>(into)->append(static_cast<const char*>(data), size_t(size));
  };
  if (!stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.rgba.data(),
                              image.width * 4))
    throw PngError("cannot write " + file.string() + ": the image could not be encoded");
  try {
    files::write_file(file, png);
  } catch (const files::OutputError& e) {
    throw PngError(std::string("cannot write ") + e.what());
  }
}

Image read_png(const std::filesystem::path& file) {
  int w = 0, h = 0, channels = 0;
  unsigned char* data = stbi_load(file.string().c_str(), &w, &h, &channels, 4);
  if (!data) {
    const char* why = stbi_failure_reason();
    throw PngError("cannot read " + file.string() + ": " + (why ? why : "unknown error"));
  }
  Image image;
  image.width = w;
  image.height = h;
  image.rgba.assign(data, data + static_cast<size_t>(w) * h * 4);
  stbi_image_free(data);
  return image;
}

}  // namespace secmap::io
