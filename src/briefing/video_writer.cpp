#include "briefing/video_writer.h"

#include <gif_lib.h>

#include <cstdlib>
#include <vector>

#include "briefing/slide.h"
#include "files/atomic_output.h"

namespace secmap::briefing {
namespace {

std::string gif_error(int code) {
  const char* s = GifErrorString(code);
  return s ? s : "unknown GIF error";
}

class GifWriter : public VideoWriter {
 public:
  GifWriter(std::filesystem::path file, int frame_ms)
      : file_(std::move(file)), output_(file_), delay_cs_(frame_ms / 10) {
    int err = 0;
    gif_ = EGifOpenFileName(output_.path().c_str(), false, &err);
    if (!gif_) throw SlideError("cannot create " + file_.string() + ": " + gif_error(err));
    EGifSetGifVersion(gif_, true);  // GIF89a: delays and looping
  }
  ~GifWriter() override {
    if (gif_) {
      int err = 0;
      EGifCloseFile(gif_, &err);
    }
  }

  void add_frame(const io::Image& f) override {
    if (frames_ == 0) {
      width_ = f.width, height_ = f.height;
      check(EGifPutScreenDesc(gif_, width_, height_, 8, 0, nullptr), "screen");
      // NETSCAPE2.0: loop forever.
      unsigned char app[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
      unsigned char loop[] = {1, 0, 0};
      check(EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE), "loop");
      check(EGifPutExtensionBlock(gif_, sizeof app, app), "loop");
      check(EGifPutExtensionBlock(gif_, sizeof loop, loop), "loop");
      check(EGifPutExtensionTrailer(gif_), "loop");
    } else if (f.width != width_ || f.height != height_) {
      throw SlideError(file_.string() + ": frame " + std::to_string(frames_ + 1) + " is " +
                       std::to_string(f.width) + "x" + std::to_string(f.height) + ", not " +
                       std::to_string(width_) + "x" + std::to_string(height_));
    }
    const size_t n = static_cast<size_t>(f.width) * f.height;
    std::vector<GifByteType> r(n), g(n), b(n), index(n);
    for (size_t i = 0; i < n; ++i)
      r[i] = f.rgba[i * 4], g[i] = f.rgba[i * 4 + 1], b[i] = f.rgba[i * 4 + 2];
    int colours = 256;
    std::vector<GifColorType> palette(256);
    if (GifQuantizeBuffer(f.width, f.height, &colours, r.data(), g.data(), b.data(), index.data(),
                          palette.data()) == GIF_ERROR)
      throw SlideError(file_.string() + ": cannot reduce frame " + std::to_string(frames_ + 1) +
                       " to 256 colours");
    GraphicsControlBlock gcb{};
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.DelayTime = delay_cs_;
    gcb.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType ext[4];
    const size_t len = EGifGCBToExtension(&gcb, ext);
    check(EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(len), ext), "delay");
    ColorMapObject* map = GifMakeMapObject(256, palette.data());
    const int rc = EGifPutImageDesc(gif_, 0, 0, f.width, f.height, false, map);
    GifFreeMapObject(map);
    check(rc, "image");
    for (int y = 0; y < f.height; ++y)
      check(EGifPutLine(gif_, index.data() + static_cast<size_t>(y) * f.width, f.width), "pixels");
    ++frames_;
  }

  void finish() override {
    int err = 0;
    GifFileType* g = gif_;
    gif_ = nullptr;
    if (EGifCloseFile(g, &err) == GIF_ERROR)
      throw SlideError("cannot write " + file_.string() + ": " + gif_error(err));
    output_.commit();
  }

 private:
  void check(int rc, const char* what) {
    if (rc == GIF_ERROR)
      throw SlideError("cannot write " + file_.string() + " (" + what +
                       "): " + gif_error(gif_->Error));
  }
  std::filesystem::path file_;
  files::AtomicOutput output_;  // the GIF is renamed into place by finish()
  int delay_cs_;
  GifFileType* gif_ = nullptr;
  int frames_ = 0, width_ = 0, height_ = 0;
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class FfmpegWriter : public VideoWriter {
 public:
  FfmpegWriter(std::filesystem::path file, int frame_ms)
      : file_(std::move(file)), output_(file_), frame_ms_(frame_ms) {}
  ~FfmpegWriter() override {
    if (pipe_) pclose(pipe_);
  }
  void add_frame(const io::Image& f) override {
    if (!pipe_) {
      width_ = f.width, height_ = f.height;
      // H.264 needs even sizes; yuv420p plays everywhere.
      const std::string cmd = "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
                              std::to_string(f.width) + "x" + std::to_string(f.height) +
                              " -framerate 1000/" + std::to_string(frame_ms_) +
                              " -i - -vf pad=ceil(iw/2)*2:ceil(ih/2)*2 -pix_fmt yuv420p " +
                              "-movflags +faststart " + shell_quote(output_.path().string());
      pipe_ = popen(cmd.c_str(), "w");
      if (!pipe_) throw SlideError("cannot start ffmpeg for " + file_.string());
    } else if (f.width != width_ || f.height != height_) {
      throw SlideError(file_.string() + ": frames differ in size");
    }
    if (std::fwrite(f.rgba.data(), 1, f.rgba.size(), pipe_) != f.rgba.size())
      throw SlideError("ffmpeg stopped while writing " + file_.string());
  }
  void finish() override {
    FILE* p = pipe_;
    pipe_ = nullptr;
    if (!p || pclose(p) != 0) throw SlideError("ffmpeg failed to write " + file_.string());
    output_.commit();
  }

 private:
  std::filesystem::path file_;
  files::AtomicOutput output_;  // the video is renamed into place by finish()
  int frame_ms_;
  FILE* pipe_ = nullptr;
  int width_ = 0, height_ = 0;
};

}  // namespace

bool have_ffmpeg() {
  return std::system("command -v ffmpeg >/dev/null 2>&1") == 0;
}

namespace {
std::string lower_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}
}  // namespace

void check_video_path(const std::filesystem::path& file) {
  const std::string ext = lower_extension(file);
  if (ext != ".gif" && ext != ".mp4")
    throw SlideError(file.string() + ": the animation must be a .gif or .mp4 file");
  if (ext == ".mp4" && !have_ffmpeg())
    throw SlideError(file.string() +
                     ": MP4 needs the ffmpeg program, which is not installed (apt-get install "
                     "ffmpeg), or write a .gif instead");
}

std::unique_ptr<VideoWriter> open_video(const std::filesystem::path& file, int frame_ms) {
  check_video_path(file);
  if (lower_extension(file) == ".gif") return std::make_unique<GifWriter>(file, frame_ms);
  return std::make_unique<FfmpegWriter>(file, frame_ms);
}

int gif_frame_count(const std::filesystem::path& file) {
  int err = 0;
  GifFileType* g = DGifOpenFileName(file.c_str(), &err);
  if (!g) throw SlideError(file.string() + " is not a readable GIF: " + gif_error(err));
  const int rc = DGifSlurp(g);
  const int n = g->ImageCount;
  DGifCloseFile(g, &err);
  if (rc == GIF_ERROR) throw SlideError(file.string() + " is not a complete GIF");
  return n;
}

}  // namespace secmap::briefing
