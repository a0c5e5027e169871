// Local hotspot analysis of per-commune values: Gi* or Local Moran's I with analytical and
// permutation p-values, Bonferroni and Benjamini–Hochberg corrections, and the map classes
// (hot/cold spot at 90/95/99% confidence; Moran quadrants HH/LL/HL/LH where significant).
#pragma once
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "analysis/permutation.h"
#include "analysis/weights.h"

namespace secmap::analysis {

enum class LocalStat { GiStar, Moran };
LocalStat parse_local_stat(const std::string& s);  // gistar|moran

enum class PSource { Norm, Perm, Fdr, Bonferroni };
PSource parse_p_source(const std::string& s);  // p_norm|p_perm|p_fdr|p_bonf

struct HotspotOptions {
  LocalStat stat = LocalStat::GiStar;
  // Gi*: binary weights with the focal unit (default) or row-standardised; Moran: row-
  // standardised by default (as GeoDa and PySAL), binary on request.
  std::optional<bool> row_standardise;
  PermutationOptions permutation;  // permutations = 0: analytical p only
  // Which p-value decides the class. Default as ArcGIS: Gi* by its analytical p (Hot Spot
  // Analysis), Local Moran by the permutation p (Cluster and Outlier Analysis; its analytical
  // moments are poor for skewed counts). Conditional permutation of Gi* holds the focal count
  // fixed, so p_perm there tests the neighbours alone: a commune with many incidents among
  // ordinary neighbours has a large z but an unremarkable p_perm.
  std::optional<PSource> classify_by;
  double moran_alpha = 0.05;  // significance for the Moran quadrant classes
};

struct HotspotResult {
  std::vector<double> statistic;  // Gi*: the z-score; Moran: I
  // p_perm is NaN without permutations; p_fdr and p_bonf correct the default classification p
  // (p_norm for Gi*, p_perm for Moran with permutations).
  std::vector<double> z, p_norm, p_perm, p_fdr, p_bonf;
  std::vector<std::string> cls;  // hot_99 … cold_90, HH/LL/HL/LH, or "ns"
};

// `neighbours`: weights without the focal unit (as built by weights.h).
HotspotResult local_hotspots(const Weights& neighbours, std::span<const double> x,
                             const HotspotOptions& o);

// The hotspot classes the map draws, the patrol plan aims at, and `secmap analyze hotspots`
// reports by default — one rule for all three: Gi* over binary weights with the focal commune,
// classed by the analytical p (permutations change p_perm only, never these classes).
// `neighbours` as queen_weights builds them; every commune "ns" when there are fewer than three.
std::vector<std::string> default_hotspot_classes(const Weights& neighbours,
                                                 std::span<const double> x);

// Gi* class from a z-score and the p-value chosen for classification.
std::string gistar_class(double z, double p);

}  // namespace secmap::analysis
