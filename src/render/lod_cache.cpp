#include "render/lod_cache.h"

#include <algorithm>
#include <chrono>

namespace secmap::render {

LodCache::LodCache(const std::vector<Commune>& communes, geo::Point origin)
    : communes_(communes), origin_(origin) {}

LodCache::~LodCache() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

const CommuneMeshData& LodCache::get(int level, double* waited_ms) {
  const auto t0 = std::chrono::steady_clock::now();
  auto waited = [&] {
    if (waited_ms)
      *waited_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return building_ != level; });  // being built: wait for it
  if (auto it = done_.find(level); it != done_.end()) {
    waited();
    return *it->second;
  }
  std::erase(queue_, level);
  lock.unlock();
  auto mesh = std::make_unique<const CommuneMeshData>(
      tessellate_communes(communes_, origin_, lod_tolerance(level)));
  lock.lock();
  const CommuneMeshData& out = *done_.emplace(level, std::move(mesh)).first->second;
  waited();
  return out;
}

void LodCache::prefetch(const std::vector<int>& levels) {
  {
    std::lock_guard lock(mutex_);
    queue_.clear();
    for (int l : levels)
      if (!done_.count(l) && building_ != l &&
          std::find(queue_.begin(), queue_.end(), l) == queue_.end())
        queue_.push_back(l);
    if (queue_.empty()) return;
    if (!thread_.joinable()) thread_ = std::thread([this] { worker(); });
  }
  changed_.notify_all();
}

bool LodCache::has(int level) const {
  std::lock_guard lock(mutex_);
  return done_.count(level) > 0;
}

size_t LodCache::levels_built() const {
  std::lock_guard lock(mutex_);
  return done_.size();
}

void LodCache::worker() {
  std::unique_lock lock(mutex_);
  for (;;) {
    changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    const int level = queue_.front();
    queue_.pop_front();
    if (done_.count(level)) continue;
    building_ = level;
    lock.unlock();
    auto mesh = std::make_unique<const CommuneMeshData>(
        tessellate_communes(communes_, origin_, lod_tolerance(level)));
    lock.lock();
    done_.emplace(level, std::move(mesh));
    building_.reset();
    changed_.notify_all();
  }
}

}  // namespace secmap::render
