// Commune meshes per level of detail (simplified + triangulated, tessellate.h), cached for the
// renderer's life. Each level is built once; the map window also has the levels next to the
// current one built ahead by a background thread, so zooming across a level boundary finds its
// mesh ready instead of stalling the frame for the 100–400 ms a tessellation takes on two cores.
// GL-free.
#pragma once
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "render/map_data.h"
#include "render/tessellate.h"

namespace secmap::render {

class LodCache {
 public:
  // Keeps references: communes must outlive the cache.
  LodCache(const std::vector<Commune>& communes, geo::Point origin);
  ~LodCache();  // stops the background thread after its current level
  LodCache(const LodCache&) = delete;
  LodCache& operator=(const LodCache&) = delete;

  // The mesh of a level: from the cache, from the background thread (waiting for it when it is
  // building that level now), or built here. `waited_ms` gets the time this call blocked.
  const CommuneMeshData& get(int level, double* waited_ms = nullptr);
  // Queues levels for the background thread, in the order given, dropping those already built
  // or queued (a new call replaces the old queue: the view has moved on).
  void prefetch(const std::vector<int>& levels);
  bool has(int level) const;
  size_t levels_built() const;

 private:
  void worker();
  const std::vector<Commune>& communes_;
  geo::Point origin_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int, std::unique_ptr<const CommuneMeshData>> done_;
  std::deque<int> queue_;
  std::optional<int> building_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace secmap::render
