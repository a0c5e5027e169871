// The map the demo is drawn on: the real 2025 communes and VN–CN border line imported from
// ../shared/realdata, or a clearly fictional "Tỉnh Minh Họa" when that data is absent; then
// the commune attributes the real data lacks (synthetic population, border flag, kind).
#pragma once
#include <filesystem>

#include "demo/random.h"
#include "demo/world.h"
#include "store/database.h"

namespace secmap::demo {

inline constexpr const char* kCommunesFile = "vn2025_communes_laocai_laichau.geojson";
inline constexpr const char* kBorderFile = "vn_cn_border_line_from_communes2025.geojson";
inline constexpr const char* kGatesFile = "vn_cn_border_gates_names_only.csv";

// Imports the real communes and border (not demo rows) and reads them into the world.
void load_real_province(store::Database& db, const std::filesystem::path& realdata, World& w);
// Writes a fictional province of ~30 communes with a wiggly border on its north edge.
void make_synthetic_province(store::Database& db, World& w, Rng& rng);
// Builds the locator and border walk, then sets kind, population and is_border on every
// commune row (population is synthetic for real communes too; the demo note says so).
void finish_communes(store::Database& db, World& w, Rng& rng);

}  // namespace secmap::demo
