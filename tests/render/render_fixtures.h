// Small deterministic databases for render tests, built with SQL through store::Database so the
// golden images never depend on real data or on the importer.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace secmap::test {

struct FixtureIncident {
  double lon, lat;
  std::string date;  // YYYY-MM-DD
};

// The incidents the "grid" fixtures contain (for tests that locate them in images).
const std::vector<FixtureIncident>& grid_incidents();
// The bbox the grid fixtures are drawn with in tests: "103.95,21.95,104.25,22.25".
inline constexpr const char* kGridBBox = "103.95,21.95,104.25,22.25";

// Builds fixture `name` ("grid": four square communes with Vietnamese names, statuses, a border,
// one crossing of each kind, facilities and incidents; "grid_demo": the same marked demo=1) at
// path (replaced if present). Throws std::invalid_argument for an unknown name.
void build_fixture(const std::string& name, const std::filesystem::path& path);

}  // namespace secmap::test
