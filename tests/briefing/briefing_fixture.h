// A small database for briefing tests: four square communes with known incident counts (2, 7,
// 0, 12 in 2025), a border, sensitive crossings (a trail, an opening, a gate flagged sensitive)
// and a sensitive facility, built with SQL so the expectations are exact.
#pragma once
#include <filesystem>

namespace secmap::test {

inline constexpr const char* kBriefingBBox = "103.95,21.95,104.25,22.25";
// Incidents per commune, in commune code order 91001 … 91004.
inline constexpr int kBriefingCounts[] = {2, 7, 0, 12};

void build_briefing_fixture(const std::filesystem::path& path);
// Adds a crossing of a public kind (an international gate, not flagged).
void add_public_gate(const std::filesystem::path& path);

}  // namespace secmap::test
