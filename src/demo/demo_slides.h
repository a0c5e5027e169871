// The demo briefing deck: a few slides in the `slides` table (an overview, the Tết 2025 window
// beside Tết 2024, a public-safe slide, rates for 2025) so `secmap slides` and the presentation
// mode have something to show on a fresh demo database.
#pragma once
#include "store/database.h"

namespace secmap::demo {

void write_demo_slides(store::Database& db);

}  // namespace secmap::demo
