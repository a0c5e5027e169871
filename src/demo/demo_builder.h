// `secmap demo`: builds the demo database — real boundaries when ../shared/realdata is found,
// a synthetic province otherwise — and fills every layer with deterministic synthetic data.
// The file is built beside the target and renamed into place, so a failure leaves nothing.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace secmap::demo {

struct DemoOptions {
  uint64_t seed = 20250129;
  size_t incidents = 30000;
  std::vector<int> years;  // incident years to generate (empty: 2024–2026)
  bool synthetic = false;  // force the synthetic province even when real data exists
  std::optional<std::filesystem::path> realdata;  // explicit real-data folder
  bool replace = false;                           // overwrite an existing file
};

struct DemoSummary {
  bool real = false;
  std::filesystem::path realdata;                       // the folder used, when real
  std::vector<std::pair<std::string, int64_t>> counts;  // table → rows
  double seconds = 0;
  std::vector<std::pair<std::string, double>> stages;  // stage → seconds, for --verbose
};

// The real-data folder: the explicit one, $SECMAP_REALDATA, ../shared/realdata from the
// working directory, or ../shared/realdata beside the checkout holding the binary
// (build/secmap). A folder counts only when it holds the communes and border files.
std::optional<std::filesystem::path> find_realdata(
    const std::optional<std::filesystem::path>& explicit_dir);

// Throws std::runtime_error (store, import or demo errors) with a message naming the problem.
DemoSummary build_demo(const std::filesystem::path& db_path, const DemoOptions& options);

}  // namespace secmap::demo
