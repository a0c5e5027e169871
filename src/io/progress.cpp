#include "io/progress.h"

#include <unistd.h>

#include <cstdio>

namespace secmap::io {

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), tty_(isatty(2) == 1) {}

ProgressBar::~ProgressBar() {
  finish();
}

void ProgressBar::update(size_t done, size_t total) {
  if (finished_) return;
  const auto now = Clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;  // short jobs print nothing
  const double frac = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
  if (tty_) {
    if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done != total) return;
    last_draw_ = now;
    drawn_ = true;
    if (total) {
      constexpr int kWidth = 30;
      const int filled = static_cast<int>(frac * kWidth + 0.5);
      // Percent only: the importer counts reading and writing as separate steps.
      std::fprintf(stderr, "\r%s [%.*s%*s] %3d%%", label_.c_str(), filled,
                   "##############################", kWidth - filled, "",
                   static_cast<int>(frac * 100));
    } else {
      std::fprintf(stderr, "\r%s %zu", label_.c_str(), done);
    }
    std::fflush(stderr);
    return;
  }
  // Not a terminal: one line per quarter at most.
  const int quarter = total ? static_cast<int>(frac * 4) : -1;
  if (!total || quarter <= last_quarter_) return;
  last_quarter_ = quarter;
  std::fprintf(stderr, "%s %d%%\n", label_.c_str(), quarter * 25);
}

void ProgressBar::finish() {
  if (finished_) return;
  finished_ = true;
  if (tty_ && drawn_) std::fprintf(stderr, "\n");
}

}  // namespace secmap::io
