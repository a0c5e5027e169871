// A PNG of the window as drawn this frame (map and panels), read back from the GL back buffer
// before the swap. Used by the `screenshot` script command.
#pragma once
#include <filesystem>

namespace secmap::ui {

// Reads framebuffer 0 (width × height) and writes it; throws io::PngError naming the file.
void save_screenshot(const std::filesystem::path& file, int width, int height);

}  // namespace secmap::ui
