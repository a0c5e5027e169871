// Emerging hotspot analysis: Gi* of incident counts per commune in each time step (month by
// default), a Mann–Kendall trend test on each commune's series of Gi* z-scores, and the
// pattern categories of ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot
// Analysis works", pro.arcgis.com, tool reference of the Space Time Pattern Mining toolbox).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/dates.h"
#include "analysis/incidents.h"
#include "analysis/mann_kendall.h"
#include "analysis/weights.h"

namespace secmap::analysis {

enum class StepKind { Month, Week };
StepKind parse_step_kind(const std::string& s);  // month|week

// The time steps covering [from, to]: calendar months or ISO weeks (Monday to Sunday), the
// first and last clipped to the window. Labels "YYYY-MM" / "YYYY-Www".
std::vector<Window> time_steps(int32_t from, int32_t to, StepKind kind);

// Significance of one commune in one time step.
enum class StepSig : int8_t { None, Hot, Cold };

// The categories, in ArcGIS's names. Cold spot patterns mirror the hot spot ones.
enum class Emerging {
  NoPattern,
  NewHot,
  ConsecutiveHot,
  IntensifyingHot,
  PersistentHot,
  DiminishingHot,
  SporadicHot,
  OscillatingHot,
  HistoricalHot,
  NewCold,
  ConsecutiveCold,
  IntensifyingCold,
  PersistentCold,
  DiminishingCold,
  SporadicCold,
  OscillatingCold,
  HistoricalCold,
};
const char* emerging_name(Emerging e);  // "new_hot_spot" … "no_pattern"

struct EmergingOptions {
  double alpha = 0.05;        // a step is a hot/cold spot where Gi*'s two-sided p ≤ alpha
  double trend_alpha = 0.05;  // the Mann–Kendall trend counts where p ≤ trend_alpha
  double share = 0.9;         // "90 percent of the time-step intervals"
};

// Classifies one commune from its per-step significance (time order, last = most recent) and
// the Mann–Kendall test of its Gi* z-scores.
Emerging classify_emerging(std::span<const StepSig> series, const MannKendall& trend,
                           const EmergingOptions& o = {});

struct EmergingRow {
  int hot_steps = 0, cold_steps = 0;
  MannKendall trend;
  Emerging category = Emerging::NoPattern;
};

struct EmergingResult {
  std::vector<Window> steps;
  std::vector<std::vector<double>> z;  // z[step][commune]: Gi* per step
  std::vector<EmergingRow> rows;       // per commune
};

// Gi* (binary weights, focal commune included; `neighbours` without it, as weights.h builds
// them) of the filtered incident counts per commune in each step of [f.from, f.to], which
// must both be set.
EmergingResult emerging_hotspots(const IncidentTable& t, const Weights& neighbours,
                                 const IncidentFilter& f, StepKind step,
                                 const EmergingOptions& o = {});

}  // namespace secmap::analysis
