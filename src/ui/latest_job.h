// One background thread that runs the latest job asked of it: a job submitted while another
// waits replaces it (a time slider dragged across many windows computes only the last), so the
// window's thread never waits for statistics and never queues stale work.
#pragma once
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace secmap::ui {

class LatestJob {
 public:
  LatestJob() = default;
  ~LatestJob();
  LatestJob(const LatestJob&) = delete;
  LatestJob& operator=(const LatestJob&) = delete;

  // Runs job on the worker thread after the running one (if any); replaces a waiting one.
  void submit(std::function<void()> job);
  // Blocks until no job is running or waiting.
  void wait_idle();
  bool busy() const;

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::optional<std::function<void()>> next_;
  bool running_ = false, stop_ = false;
  std::thread thread_;  // started by the first submit
};

}  // namespace secmap::ui
