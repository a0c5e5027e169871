// Change against a baseline: a window against the same window a year earlier or against a
// chosen window, per commune and for the whole province ("kéo giảm ít nhất 05% so với năm 2024").
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/dates.h"
#include "analysis/incidents.h"

namespace secmap::analysis {

struct ChangeRow {
  int32_t commune = -1;  // -1: the province (every incident in a commune of the set)
  int64_t current = 0, baseline = 0;
  int64_t change = 0;         // current − baseline
  std::optional<double> pct;  // 100 · change / baseline; none when the baseline is 0
  // With a reduction target: true when pct ≤ −target (a fall of at least target percent).
  std::optional<bool> meets_reduction;
};

struct CompareOptions {
  IncidentFilter filter;  // codes only; its day window is ignored
  Window current, baseline;
  std::optional<double> reduction_target_pct;  // e.g. 5 for "at least 5% fewer"
};

// One row per commune (index order), then the province row last.
std::vector<ChangeRow> compare_windows(const IncidentTable& t, size_t n_communes,
                                       const CompareOptions& o);

}  // namespace secmap::analysis
