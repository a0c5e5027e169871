// A progress bar on stderr for long imports/exports: silent for the first second, then redrawn
// in place on a terminal (at most ~10 times a second) or, when stderr is a file or pipe, a few
// plain lines (every 25%) so logs stay short.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace secmap::io {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();  // finishes the line if anything was drawn
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  // total 0: unknown (shows a count only).
  void update(size_t done, size_t total);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_draw_{};
  bool tty_ = false;
  bool drawn_ = false;
  bool finished_ = false;
  int last_quarter_ = -1;
};

}  // namespace secmap::io
