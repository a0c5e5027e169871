// Cross-border cooperation events (joint patrols, meetings, information exchanges, hand-overs,
// hotline contacts with the Chinese side at the BLO and the gates, 2024–2026) and the patrol
// routes along the border, planned and done.
#pragma once
#include "demo/random.h"
#include "demo/world.h"
#include "store/database.h"

namespace secmap::demo {

void generate_cooperation(store::Database& db, const World& w, Rng& rng);
void generate_patrols(store::Database& db, const World& w, Rng& rng);

}  // namespace secmap::demo
