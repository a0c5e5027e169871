#include "analysis/emerging.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/fdr.h"
#include "analysis/gistar.h"

namespace secmap::analysis {

StepKind parse_step_kind(const std::string& s) {
  if (s == "month") return StepKind::Month;
  if (s == "week") return StepKind::Week;
  throw std::invalid_argument("unknown time step '" + s + "' (month|week)");
}

std::vector<Window> time_steps(int32_t from, int32_t to, StepKind kind) {
  if (to < from) throw std::invalid_argument("time steps: --to is before --from");
  std::vector<Window> out;
  if (kind == StepKind::Month) {
    for (int32_t m = month_index(from); m <= month_index(to); ++m)
      out.push_back({format_month(m), std::max(from, first_day_of_month(m)),
                     std::min(to, first_day_of_month(m + 1) - 1)});
  } else {
    // Day 0 (1970-01-01) was a Thursday: (d + 3) mod 7 is the weekday counted from Monday.
    int32_t monday = from - ((from + 3) % 7 + 7) % 7;
    for (; monday <= to; monday += 7)
      out.push_back({iso_week_label(monday), std::max(from, monday), std::min(to, monday + 6)});
  }
  return out;
}

const char* emerging_name(Emerging e) {
  switch (e) {
    case Emerging::NoPattern:
      return "no_pattern";
    case Emerging::NewHot:
      return "new_hot_spot";
    case Emerging::ConsecutiveHot:
      return "consecutive_hot_spot";
    case Emerging::IntensifyingHot:
      return "intensifying_hot_spot";
    case Emerging::PersistentHot:
      return "persistent_hot_spot";
    case Emerging::DiminishingHot:
      return "diminishing_hot_spot";
    case Emerging::SporadicHot:
      return "sporadic_hot_spot";
    case Emerging::OscillatingHot:
      return "oscillating_hot_spot";
    case Emerging::HistoricalHot:
      return "historical_hot_spot";
    case Emerging::NewCold:
      return "new_cold_spot";
    case Emerging::ConsecutiveCold:
      return "consecutive_cold_spot";
    case Emerging::IntensifyingCold:
      return "intensifying_cold_spot";
    case Emerging::PersistentCold:
      return "persistent_cold_spot";
    case Emerging::DiminishingCold:
      return "diminishing_cold_spot";
    case Emerging::SporadicCold:
      return "sporadic_cold_spot";
    case Emerging::OscillatingCold:
      return "oscillating_cold_spot";
    case Emerging::HistoricalCold:
      return "historical_cold_spot";
  }
  return "no_pattern";
}

namespace {

// The hot spot rules of ArcGIS Pro's Emerging Hot Spot Analysis, applied to `same` (the kind of
// spot being tested) and `other` (the opposite kind); `rising` says the Mann–Kendall trend of
// the clustering intensity is significantly increasing for this kind (z up for hot spots, z
// down for cold spots), `falling` the reverse. Returns offsets into the hot or cold block:
// 0 none, 1 new, 2 consecutive, 3 intensifying, 4 persistent, 5 diminishing, 6 sporadic,
// 7 oscillating, 8 historical.
int classify_side(std::span<const StepSig> s, StepSig same, StepSig other, bool rising,
                  bool falling, double share) {
  const size_t n = s.size();
  size_t count = 0;
  bool any_other = false;
  for (StepSig v : s) count += v == same, any_other |= v == other;
  const bool last = s.back() == same;
  const bool mostly = double(count) >= share * double(n);
  if (last) {
    // Intensifying: "a statistically significant hot spot for 90 percent of the time-step
    //   intervals, including the final time step. In addition, the intensity of clustering of
    //   high counts in each time step is increasing overall and that increase is statistically
    //   significant."
    // Diminishing: the same with a significant decrease.
    // Persistent: "a statistically significant hot spot for 90 percent of the time-step
    //   intervals with no discernible trend in the intensity of clustering over time."
    if (mostly) return rising ? 3 : falling ? 5 : 4;
    // New: "a statistically significant hot spot for the final time step and has never been a
    //   statistically significant hot spot before."
    if (count == 1) return 1;
    // Consecutive: "a single uninterrupted run of at least two statistically significant hot
    //   spot bins in the final time-step intervals. The location has never been a statistically
    //   significant hot spot prior to the final hot spot run and less than 90 percent of all
    //   bins are statistically significant hot spots."
    size_t run = 0;
    while (run < n && s[n - 1 - run] == same) ++run;
    if (run == count) return 2;
    // Oscillating: "a statistically significant hot spot for the final time-step interval that
    //   has a history of also being a statistically significant cold spot during a prior time
    //   step. Less than 90 percent of the time-step intervals have been statistically
    //   significant hot spots."
    if (any_other) return 7;
    // Sporadic: "a statistically significant hot spot for the final time-step interval with a
    //   history of also being an on-again and off-again hot spot. Less than 90 percent of the
    //   time-step intervals have been statistically significant hot spots and none of the
    //   time-step intervals have been statistically significant cold spots."
    return 6;
  }
  // Historical: "the most recent time period is not hot, but at least 90 percent of the
  //   time-step intervals have been statistically significant hot spots."
  if (mostly) return 8;
  return 0;  // No pattern detected: none of the patterns above.
}

}  // namespace

Emerging classify_emerging(std::span<const StepSig> series, const MannKendall& trend,
                           const EmergingOptions& o) {
  if (series.empty()) return Emerging::NoPattern;
  const bool sig = trend.p <= o.trend_alpha;
  const bool up = sig && trend.z > 0, down = sig && trend.z < 0;
  // Cold spots intensify as z falls (more negative clustering).
  auto hot = [&] { return classify_side(series, StepSig::Hot, StepSig::Cold, up, down, o.share); };
  auto cold = [&] { return classify_side(series, StepSig::Cold, StepSig::Hot, down, up, o.share); };
  // The final step decides the side (a final cold step after 90% hot ones is a new or
  // oscillating cold spot, not a historical hot spot); without one, only a historical share
  // can hold, and never for both sides.
  if (series.back() == StepSig::Cold) {
    const int c = cold();
    return c ? Emerging(int(Emerging::HistoricalHot) + c) : Emerging::NoPattern;
  }
  if (const int h = hot()) return Emerging(int(Emerging::NoPattern) + h);
  if (const int c = cold()) return Emerging(int(Emerging::HistoricalHot) + c);
  return Emerging::NoPattern;
}

EmergingResult emerging_hotspots(const IncidentTable& t, const Weights& neighbours,
                                 const IncidentFilter& f, StepKind step, const EmergingOptions& o) {
  if (!f.from || !f.to) throw std::invalid_argument("emerging: needs --from and --to");
  const size_t n = neighbours.n;
  if (n < 3) throw std::invalid_argument("emerging: need at least 3 communes");
  EmergingResult r;
  r.steps = time_steps(*f.from, *f.to, step);
  const size_t m = r.steps.size();
  // Step of each day in the window, then one scan of the incidents.
  std::vector<int32_t> step_of(size_t(*f.to - *f.from + 1));
  for (size_t k = 0; k < m; ++k)
    for (int32_t d = r.steps[k].from; d <= r.steps[k].to; ++d)
      step_of[size_t(d - *f.from)] = int32_t(k);
  std::vector<std::vector<double>> counts(m, std::vector<double>(n, 0.0));
  const FilterMask mask(t, f);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.commune[i] < 0 || size_t(t.commune[i]) >= n || !mask(t, i)) continue;
    ++counts[size_t(step_of[size_t(t.day[i] - *f.from)])][size_t(t.commune[i])];
  }
  const Weights w = with_self(neighbours, 1.0);
  r.z.resize(m);
  for (size_t k = 0; k < m; ++k) r.z[k] = gistar_z(w, counts[k]);

  r.rows.resize(n);
  std::vector<StepSig> sig(m);
  std::vector<double> series(m);
  for (size_t i = 0; i < n; ++i) {
    EmergingRow& row = r.rows[i];
    for (size_t k = 0; k < m; ++k) {
      const double z = r.z[k][i];
      series[k] = z;
      const bool s = z != 0 && normal_p_two_sided(z) <= o.alpha;
      sig[k] = !s ? StepSig::None : z > 0 ? StepSig::Hot : StepSig::Cold;
      row.hot_steps += sig[k] == StepSig::Hot;
      row.cold_steps += sig[k] == StepSig::Cold;
    }
    row.trend = mann_kendall(series);
    row.category = classify_emerging(sig, row.trend, o);
  }
  return r;
}

}  // namespace secmap::analysis
