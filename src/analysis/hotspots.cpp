#include "analysis/hotspots.h"

#include <cmath>
#include <stdexcept>

#include "analysis/fdr.h"
#include "analysis/gistar.h"
#include "analysis/moran.h"

namespace secmap::analysis {

LocalStat parse_local_stat(const std::string& s) {
  if (s == "gistar" || s == "gi*") return LocalStat::GiStar;
  if (s == "moran") return LocalStat::Moran;
  throw std::invalid_argument("unknown statistic '" + s + "' (gistar|moran)");
}

PSource parse_p_source(const std::string& s) {
  if (s == "p_norm" || s == "norm") return PSource::Norm;
  if (s == "p_perm" || s == "perm") return PSource::Perm;
  if (s == "p_fdr" || s == "fdr") return PSource::Fdr;
  if (s == "p_bonf" || s == "bonferroni") return PSource::Bonferroni;
  throw std::invalid_argument("unknown p-value '" + s + "' (p_norm|p_perm|p_fdr|p_bonf)");
}

std::string gistar_class(double z, double p) {
  if (std::isnan(p) || std::isnan(z) || z == 0) return "ns";
  const char* side = z > 0 ? "hot_" : "cold_";
  if (p <= 0.01) return std::string(side) + "99";
  if (p <= 0.05) return std::string(side) + "95";
  if (p <= 0.10) return std::string(side) + "90";
  return "ns";
}

HotspotResult local_hotspots(const Weights& neighbours, std::span<const double> x,
                             const HotspotOptions& o) {
  if (x.size() != neighbours.n)
    throw std::invalid_argument("hotspots: values and weights differ in size");
  if (x.size() < 3) throw std::invalid_argument("hotspots: need at least 3 communes");
  const size_t n = x.size();
  HotspotResult r;
  const bool perm = o.permutation.permutations > 0;
  std::vector<double> permuted(x.begin(), x.end());
  std::vector<uint8_t> fixed;
  std::vector<Quadrant> quadrant;
  Weights w;
  if (o.stat == LocalStat::GiStar) {
    w = with_self(neighbours, 1.0);
    if (o.row_standardise.value_or(false)) w = row_standardised(std::move(w));
    r.z = gistar_z(w, x);
    r.statistic = r.z;
  } else {
    w = neighbours;
    if (o.row_standardise.value_or(true)) w = row_standardised(std::move(w));
    const LocalMoran m = local_moran(w, x);
    r.statistic = m.I;
    r.z = m.z;
    quadrant = m.quadrant;
    // I_i = d_i/m2 · lag(d): with d_i = 0 it is 0 whatever the neighbours are.
    double mean = 0;
    for (double v : x) mean += v;
    mean /= double(n);
    fixed.resize(n);
    for (size_t i = 0; i < n; ++i) {
      permuted[i] = x[i] - mean;
      fixed[i] = permuted[i] == 0;
    }
  }
  r.p_norm.resize(n);
  for (size_t i = 0; i < n; ++i) r.p_norm[i] = normal_p_two_sided(r.z[i]);
  r.p_perm = perm ? permutation_p(w, permuted, o.permutation, fixed) : std::vector<double>(n, NAN);
  const bool base_perm = perm && o.stat == LocalStat::Moran;
  const std::vector<double>& base = base_perm ? r.p_perm : r.p_norm;
  r.p_fdr = benjamini_hochberg(base);
  r.p_bonf = bonferroni(base);

  const PSource src = o.classify_by.value_or(base_perm ? PSource::Perm : PSource::Norm);
  const std::vector<double>& pc = src == PSource::Norm   ? r.p_norm
                                  : src == PSource::Perm ? r.p_perm
                                  : src == PSource::Fdr  ? r.p_fdr
                                                         : r.p_bonf;
  if (src == PSource::Perm && !perm)
    throw std::invalid_argument("classifying by p_perm needs permutations > 0");
  r.cls.resize(n);
  for (size_t i = 0; i < n; ++i) {
    if (o.stat == LocalStat::GiStar) {
      r.cls[i] = gistar_class(r.z[i], pc[i]);
    } else {
      const bool sig = !std::isnan(pc[i]) && pc[i] <= o.moran_alpha;
      r.cls[i] = sig && quadrant[i] != Quadrant::None ? quadrant_name(quadrant[i]) : "ns";
    }
  }
  return r;
}

std::vector<std::string> default_hotspot_classes(const Weights& neighbours,
                                                 std::span<const double> x) {
  if (x.size() < 3) return std::vector<std::string>(x.size(), "ns");
  HotspotOptions o;
  o.permutation.permutations = 0;
  return local_hotspots(neighbours, x, o).cls;
}

}  // namespace secmap::analysis
