// Commune statuses for 2025 and 2026 (drug-free, "an toàn về ANTT" standard, movement class,
// residential areas and how many are safe, so the 80% target can be computed) and the
// designations: model units (điển hình), self-management and other models, key complex areas,
// crime-free communes and the 2026 focused-mobilisation list. Both follow the incident rates.
#pragma once
#include "demo/incidents_gen.h"
#include "demo/random.h"
#include "demo/world.h"
#include "store/database.h"

namespace secmap::demo {

void generate_commune_statuses(store::Database& db, const World& w, Rng& rng,
                               const IncidentStats& stats);
void generate_designations(store::Database& db, const World& w, Rng& rng,
                           const IncidentStats& stats);

}  // namespace secmap::demo
