// Writing animation frames: an animated GIF through giflib (one colour table per frame, median
// cut, looping), or an MP4 by piping raw frames to the ffmpeg program when it is installed.
// The only file that includes giflib.
#pragma once
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "io/png.h"

namespace secmap::briefing {

class VideoWriter {
 public:
  virtual ~VideoWriter() = default;
  // Frames must all have the size of the first.
  virtual void add_frame(const io::Image& frame) = 0;
  // Completes the file; throws SlideError naming it on failure.
  virtual void finish() = 0;
};

// By the extension: .gif or .mp4; throws SlideError for another extension, or for .mp4 when
// ffmpeg is not installed (saying to install it or write a .gif).
std::unique_ptr<VideoWriter> open_video(const std::filesystem::path& file, int frame_ms);
// The checks open_video makes on the name alone (before any frame is drawn).
void check_video_path(const std::filesystem::path& file);

// Frames in a GIF file (read back with giflib); throws SlideError for a file that is not a GIF.
int gif_frame_count(const std::filesystem::path& file);

// Whether the ffmpeg program is on PATH.
bool have_ffmpeg();

}  // namespace secmap::briefing
