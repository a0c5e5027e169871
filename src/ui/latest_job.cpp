#include "ui/latest_job.h"

namespace secmap::ui {

LatestJob::~LatestJob() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    next_.reset();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LatestJob::submit(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    next_ = std::move(job);
    if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
  }
  wake_.notify_one();
}

void LatestJob::wait_idle() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return !running_ && !next_; });
}

bool LatestJob::busy() const {
  std::lock_guard lock(mutex_);
  return running_ || next_.has_value();
}

void LatestJob::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stop_ || next_.has_value(); });
    if (stop_) return;
    std::function<void()> job = std::move(*next_);
    next_.reset();
    running_ = true;
    lock.unlock();
    job();  // a job reports its own errors; nothing escapes it
    lock.lock();
    running_ = false;
    if (!next_) idle_.notify_all();
  }
}

}  // namespace secmap::ui
