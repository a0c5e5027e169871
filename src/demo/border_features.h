// Border features of the demo: the named gates of the real gate list (which has no
// coordinates) placed on the border line inside their 2025 commune, synthetic secondary gates,
// openings (lối mở) and trails (đường mòn), and the facilities along the border — border
// posts, police, customs and the BLO office pair Lào Cai ↔ Hà Khẩu.
#pragma once
#include <filesystem>

#include "demo/random.h"
#include "demo/world.h"
#include "store/database.h"

namespace secmap::demo {

// The border split into 5 km pieces and into stretches along each commune (src/border), written
// to border_segments inside the demo's transaction. place_crossings calls it first.
void place_border_segments(store::Database& db);

// gates_csv: the real names-only gate list, or empty for the synthetic province's own gates.
void place_crossings(store::Database& db, World& w, Rng& rng,
                     const std::filesystem::path& gates_csv);
void place_facilities(store::Database& db, World& w, Rng& rng);

}  // namespace secmap::demo
