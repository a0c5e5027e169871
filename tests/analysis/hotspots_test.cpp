// Gi* and Local Moran's I on the real communes with queen weights against straightforward
// O(n²) implementations of the textbook formulas; permutation p-values reproducible for a seed,
// independent of the thread count, and within Monte Carlo error of the analytical p-values of
// the conditional null; classes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

#include "analysis/fdr.h"
#include "analysis/gistar.h"
#include "analysis/hotspots.h"
#include "analysis/moran.h"
#include "analysis/permutation.h"
#include "real_communes.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

using Dense = std::vector<std::vector<double>>;

Dense dense_binary(const Weights& w, bool self) {
  Dense d(w.n, std::vector<double>(w.n, 0.0));
  for (size_t i = 0; i < w.n; ++i) {
    for (int32_t j : w.row(i)) d[i][size_t(j)] = 1.0;
    if (self) d[i][i] = 1.0;
  }
  return d;
}

void row_standardise(Dense& d) {
  for (auto& r : d) {
    double s = 0;
    for (double v : r) s += v;
    if (s > 0)
      for (double& v : r) v /= s;
  }
}

// Ord & Getis (1995) Gi*, eq. as in ArcGIS's documentation, written out plainly.
std::vector<double> gistar_reference(const Dense& w, const std::vector<double>& x) {
  const size_t n = x.size();
  double xbar = 0;
  for (double v : x) xbar += v;
  xbar /= double(n);
  double sq = 0;
  for (double v : x) sq += v * v;
  const double S = std::sqrt(sq / double(n) - xbar * xbar);
  std::vector<double> z(n);
  for (size_t i = 0; i < n; ++i) {
    double num = 0, wsum = 0, w2 = 0;
    for (size_t j = 0; j < n; ++j) {
      num += w[i][j] * x[j];
      wsum += w[i][j];
      w2 += w[i][j] * w[i][j];
    }
    num -= xbar * wsum;
    z[i] = num / (S * std::sqrt((double(n) * w2 - wsum * wsum) / double(n - 1)));
  }
  return z;
}

// Counts with a cluster: communes near the first one get more incidents.
std::vector<double> clustered_counts(const CommuneSet& c, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const geo::Point hub = centroid(c.geoms[0]);
  std::vector<double> x(c.size());
  for (size_t i = 0; i < c.size(); ++i) {
    const geo::Point p = centroid(c.geoms[i]);
    const double d = std::hypot(p.x - hub.x, p.y - hub.y);
    std::poisson_distribution<int> pois(5.0 + 60.0 * std::exp(-d * d / 0.05));
    x[i] = pois(rng);
  }
  return x;
}

// Analytical two-sided p of the neighbour lag under the conditional null: k values drawn
// without replacement from the n − 1 others (finite-population moments).
std::vector<double> conditional_normal_p(const Weights& w, const std::vector<double>& v) {
  const size_t n = v.size();
  double sum = 0;
  for (double a : v) sum += a;
  std::vector<double> p(n);
  for (size_t i = 0; i < n; ++i) {
    const double N = double(n - 1);
    const double mu = (sum - v[i]) / N;
    double var = 0;
    for (size_t j = 0; j < n; ++j)
      if (j != i) var += (v[j] - mu) * (v[j] - mu);
    var /= N;
    double lag = 0, ws = 0, w2 = 0;
    const auto nb = w.row(i);
    const auto val = w.row_values(i);
    for (size_t k = 0; k < nb.size(); ++k) {
      lag += val[k] * v[size_t(nb[k])];
      ws += val[k];
      w2 += val[k] * val[k];
    }
    const double vl = var * N / (N - 1) * (w2 - ws * ws / N);
    p[i] = normal_p_two_sided((lag - mu * ws) / std::sqrt(vl));
  }
  return p;
}

// Writes the units for tests/analysis/pysal_gistar.py: one JSON line per commune with its value
// and its rings (lon, lat).
void write_units_jsonl(const std::filesystem::path& file, const CommuneSet& c,
                       const std::vector<double>& x) {
  std::FILE* f = std::fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr) << file;
  for (size_t i = 0; i < c.size(); ++i) {
    std::string shells, holes;
    for (const auto& poly : c.geoms[i].polygons)
      for (size_t r = 0; r < poly.rings.size(); ++r) {
        std::string& to = r == 0 ? shells : holes;
        to += to.empty() ? "[" : ",[";
        for (size_t k = 0; k < poly.rings[r].size(); ++k) {
          char b[64];
          std::snprintf(b, sizeof b, "%s[%.17g,%.17g]", k ? "," : "", poly.rings[r][k].x,
                        poly.rings[r][k].y);
          to += b;
        }
        to += "]";
      }
    std::fprintf(f, "{\"x\":%.17g,\"shells\":[%s],\"holes\":[%s]}\n", x[i], shells.c_str(),
                 holes.c_str());
  }
  std::fclose(f);
}

// Smallest distance in metres between the boundaries of two (multi)polygons: vertex to edge both
// ways, on a local equirectangular scale (plenty for a 1 m question).
double boundary_gap_m(const geo::Geometry& a, const geo::Geometry& b) {
  const double lat = 0.5 * (a.bbox().min_y + a.bbox().max_y);
  const double kx = 111320.0 * std::cos(lat * M_PI / 180), ky = 110574.0;
  auto one_way = [&](const geo::Geometry& from, const geo::Geometry& to) {
    double best = 1e300;
    for (const auto& pf : from.polygons)
      for (const auto& rf : pf.rings)
        for (const auto& v : rf)
          for (const auto& pt : to.polygons)
            for (const auto& rt : pt.rings)
              for (size_t k = 0; k + 1 < rt.size(); ++k) {
                const double ax = (rt[k].x - v.x) * kx, ay = (rt[k].y - v.y) * ky;
                const double bx = (rt[k + 1].x - v.x) * kx, by = (rt[k + 1].y - v.y) * ky;
                const double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
                const double t = len2 > 0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
                best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
              }
    return best;
  };
  return std::min(one_way(a, b), one_way(b, a));
}

std::vector<double> read_numbers(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<double> v;
  double d;
  while (in >> d) v.push_back(d);
  return v;
}

}  // namespace

// The independent implementation: libpysal's Queen contiguity and a numpy Gi* (binary, focal
// included) run by /usr/bin/python3 on the same polygons and counts. Neighbour lists and z-scores
// must agree; the numpy conditional permutation p-values must agree within Monte Carlo error.
TEST(GiStar, MatchesLibpysalAndNumpyOnRealCommunesWithQueenWeights) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  if (test::run_command("/usr/bin/python3 -c 'import libpysal, numpy, scipy'").exit_code != 0)
    GTEST_SKIP() << "python3-libpysal (with numpy and scipy) is not installed for /usr/bin/python3;"
                    " tools/setup installs it. The independent Gi* comparison did not run.";
  const CommuneSet& c = real_communes();
  const auto x = clustered_counts(c, 42);
  const auto dir = test::scratch_dir("gistar_pysal");
  write_units_jsonl(dir / "units.jsonl", c, x);
  const int R = 999;
  const auto run = test::run_command(
      "/usr/bin/python3 '" + (test::source_dir() / "tests/analysis/pysal_gistar.py").string() +
      "' '" + (dir / "units.jsonl").string() + "' '" + (dir / "peer").string() + "' " +
      std::to_string(R) + " 3");
  ASSERT_EQ(run.exit_code, 0) << run.output;

  // libpysal's Queen joins polygons that share a vertex exactly; ours also joins a vertex lying
  // on the other's edge (a T-junction) or within the 1 m snap. So libpysal's pairs must all be
  // ours, and each pair only we have must be that close (weights_test checks ours against
  // SpatiaLite's ST_Intersects).
  const Weights q = queen_weights(c.geoms);
  std::vector<std::vector<int32_t>> their_lists(c.size());
  std::ifstream nb(dir / "peer.nb");
  std::string line;
  std::vector<uint8_t> same_row(c.size(), 1);
  int extra_pairs = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    ASSERT_TRUE(std::getline(nb, line)) << "libpysal listed fewer units than " << c.size();
    std::istringstream in(line);
    for (int32_t j; in >> j;) their_lists[i].push_back(j);
    const auto row = q.row(i);
    const std::vector<int32_t> ours(row.begin(), row.end());
    same_row[i] = ours == their_lists[i];
    for (int32_t j : their_lists[i])
      EXPECT_TRUE(std::binary_search(ours.begin(), ours.end(), j))
          << c.codes[i] << " " << c.codes[size_t(j)] << ": libpysal's pair is not ours";
    for (int32_t j : ours) {
      if (std::binary_search(their_lists[i].begin(), their_lists[i].end(), j) || j < int32_t(i))
        continue;
      ++extra_pairs;
      EXPECT_LE(boundary_gap_m(c.geoms[i], c.geoms[size_t(j)]), 1.01)
          << c.codes[i] << " " << c.codes[size_t(j)] << ": only ours, but not touching";
    }
  }
  EXPECT_LE(extra_pairs, 5) << "libpysal and ours disagree on many pairs";

  const auto theirs = read_numbers(dir / "peer.z");
  ASSERT_EQ(theirs.size(), c.size());
  // The statistic on the same weights (libpysal's): every commune to 1e-6.
  const auto on_theirs = gistar_z(with_self(from_neighbor_lists(their_lists), 1.0), x);
  for (size_t i = 0; i < c.size(); ++i)
    EXPECT_NEAR(on_theirs[i], theirs[i], 1e-6) << c.codes[i] << " on libpysal's weights";
  // Our whole path (our queen weights): to 1e-6 wherever the neighbour lists agree.
  HotspotOptions o;
  o.permutation = {.permutations = R, .seed = 17, .threads = 2};
  const HotspotResult ours = local_hotspots(q, x, o);
  int hot = 0, compared = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    if (!same_row[i]) continue;
    ++compared;
    EXPECT_NEAR(ours.z[i], theirs[i], 1e-6) << c.codes[i];
    hot += ours.z[i] > 2.58;
  }
  EXPECT_GE(compared, int(c.size()) - 2 * extra_pairs);
  EXPECT_GT(hot, 0);  // the comparison covers significant communes, not only noise

  // Two independent Monte Carlo estimates of the same p (where the weights agree): the two-sided
  // p = 2·min(ge, le)/R has sd ≤ 2·sqrt(p(1−p)/R).
  const auto their_p = read_numbers(dir / "peer.p");
  ASSERT_EQ(their_p.size(), c.size());
  int far = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    if (!same_row[i]) continue;
    const double p = 0.5 * (ours.p_perm[i] + their_p[i]);
    const double sd = 2 * std::sqrt(std::max(p * (1 - p), 1.0 / R) / R);
    far += std::fabs(ours.p_perm[i] - their_p[i]) > 4 * std::sqrt(2.0) * sd;
    EXPECT_NEAR(ours.p_perm[i], their_p[i], 6 * std::sqrt(2.0) * sd + 2.0 / R) << c.codes[i];
  }
  EXPECT_LE(far, 2);
}

TEST(GiStar, MatchesTextbookFormulaOnRealCommunesWithQueenWeights) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  const CommuneSet& c = real_communes();
  const Weights q = queen_weights(c.geoms);
  const auto x = clustered_counts(c, 42);
  // Binary, focal commune included.
  const auto ours = gistar_z(with_self(q, 1.0), x);
  const auto ref = gistar_reference(dense_binary(q, true), x);
  int hot = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_NEAR(ours[i], ref[i], 1e-6) << c.codes[i];
    hot += ours[i] > 1.96;
  }
  EXPECT_GT(hot, 0);  // the cluster shows
  // Row-standardised.
  Dense rs = dense_binary(q, true);
  row_standardise(rs);
  const auto ours_rs = gistar_z(row_standardised(with_self(q, 1.0)), x);
  const auto ref_rs = gistar_reference(rs, x);
  for (size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(ours_rs[i], ref_rs[i], 1e-6);
}

TEST(LocalMoran, MatchesTextbookFormula) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  const CommuneSet& c = real_communes();
  const Weights q = row_standardised(queen_weights(c.geoms));
  const auto x = clustered_counts(c, 5);
  const LocalMoran m = local_moran(q, x);
  Dense w = dense_binary(queen_weights(c.geoms), false);
  row_standardise(w);
  const size_t n = x.size();
  const double dn = double(n);
  double mean = 0;
  for (double v : x) mean += v;
  mean /= dn;
  double m2 = 0, m4 = 0;
  for (double v : x) m2 += (v - mean) * (v - mean), m4 += std::pow(v - mean, 4);
  m2 /= dn;
  m4 /= dn;
  const double b2 = m4 / (m2 * m2);
  for (size_t i = 0; i < n; ++i) {
    double lag = 0, wi = 0, s1 = 0, kh = 0;
    for (size_t j = 0; j < n; ++j) {
      lag += w[i][j] * (x[j] - mean);
      wi += w[i][j];
      s1 += w[i][j] * w[i][j];
      for (size_t h = 0; h < n; ++h)
        if (h != j) kh += w[i][j] * w[i][h];
    }
    const double I = (x[i] - mean) / m2 * lag;
    const double E = -wi / (dn - 1);
    const double V = s1 * (dn - b2) / (dn - 1) + kh * (2 * b2 - dn) / ((dn - 1) * (dn - 2)) - E * E;
    EXPECT_NEAR(m.I[i], I, 1e-9);
    EXPECT_NEAR(m.z[i], (I - E) / std::sqrt(V), 1e-6);
    const Quadrant want = x[i] > mean ? (lag > 0 ? Quadrant::HH : Quadrant::HL)
                                      : (lag > 0 ? Quadrant::LH : Quadrant::LL);
    EXPECT_EQ(m.quadrant[i], want);
  }
}

TEST(Permutation, ReproducibleAndIndependentOfThreads) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  const CommuneSet& c = real_communes();
  const Weights w = with_self(queen_weights(c.geoms), 1.0);
  const auto x = clustered_counts(c, 1);
  PermutationOptions o{.permutations = 999, .seed = 99, .threads = 1};
  const auto a = permutation_p(w, x, o);
  o.threads = 2;
  const auto b = permutation_p(w, x, o);
  o.threads = 7;
  const auto d = permutation_p(w, x, o);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, d);
  o.seed = 100;
  EXPECT_NE(a, permutation_p(w, x, o));
  for (double p : a) {
    EXPECT_GE(p, 2.0 / 1000);
    EXPECT_LE(p, 1.0);
  }
}

TEST(Permutation, WithinMonteCarloErrorOfAnalytical) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  const CommuneSet& c = real_communes();
  const Weights w = with_self(queen_weights(c.geoms), 1.0);
  // Near-normal values with a smooth north–south trend, so some communes are significant and
  // sums of a few neighbours are close to normal (the analytical p assumes it).
  std::mt19937_64 rng(3);
  std::normal_distribution<double> nd(50, 10);
  geo::BBox box;
  for (const auto& g : c.geoms) box.add(g.bbox());
  std::vector<double> x(c.size());
  for (size_t i = 0; i < x.size(); ++i)
    x[i] = nd(rng) + 25 * (centroid(c.geoms[i]).y - box.min_y) / (box.max_y - box.min_y);
  const int R = 9999;
  const auto perm = permutation_p(w, x, {.permutations = R, .seed = 5});
  const auto ana = conditional_normal_p(w, x);
  int outside = 0, significant = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    const double p = ana[i];
    const double tol = 4 * std::sqrt(p * (1 - p) / R) + 0.015;
    outside += std::fabs(perm[i] - p) > tol;
    significant += p < 0.05;
    EXPECT_NEAR(perm[i], p, tol + 0.02) << c.codes[i];
  }
  EXPECT_LE(outside, 3);
  EXPECT_GT(significant, 5);
}

TEST(Permutation, ConvergesToExactConditionalDistribution) {
  // Ten units, each with three neighbours: the conditional null has C(9,3) = 84 equally likely
  // neighbour sets, so the exact two-sided p can be enumerated.
  std::vector<std::vector<int32_t>> lists(10);
  for (int i = 0; i < 10; ++i) lists[size_t(i)] = {(i + 1) % 10, (i + 2) % 10, (i + 5) % 10};
  Weights w = from_neighbor_lists(lists);
  const std::vector<double> x{3, 9, 1, 7, 7, 2, 12, 5, 0, 4};
  const int R = 20000;
  const auto perm = permutation_p(w, x, {.permutations = R, .seed = 11});
  for (size_t i = 0; i < 10; ++i) {
    std::vector<double> others;
    for (size_t j = 0; j < 10; ++j)
      if (j != i) others.push_back(x[j]);
    double obs = 0;
    for (int32_t j : w.row(i)) obs += x[size_t(j)];
    int ge = 0, le = 0, total = 0;
    for (size_t a = 0; a < 9; ++a)
      for (size_t b = a + 1; b < 9; ++b)
        for (size_t d = b + 1; d < 9; ++d) {
          const double s = others[a] + others[b] + others[d];
          ge += s >= obs, le += s <= obs, ++total;
        }
    const double exact = std::min(1.0, 2.0 * std::min(ge, le) / total);
    const double sd = std::sqrt(exact * (1 - exact) / R) * 2 + 2.0 / R;
    EXPECT_NEAR(perm[i], exact, 4 * sd + 1e-9) << i;
  }
}

TEST(Hotspots, ClassesAndCorrections) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  const CommuneSet& c = real_communes();
  const Weights q = queen_weights(c.geoms);
  const auto x = clustered_counts(c, 42);
  HotspotOptions o;
  o.permutation.seed = 1;
  const HotspotResult r = local_hotspots(q, x, o);
  ASSERT_EQ(r.cls.size(), c.size());
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(r.cls[i], gistar_class(r.z[i], r.p_norm[i]));  // ArcGIS's default
    EXPECT_GE(r.p_fdr[i], r.p_norm[i] - 1e-15);
    EXPECT_GE(r.p_bonf[i], r.p_fdr[i] - 1e-15);
    EXPECT_NEAR(r.p_norm[i], normal_p_two_sided(r.z[i]), 1e-15);
  }
  EXPECT_EQ(gistar_class(2.7, 0.007), "hot_99");
  EXPECT_EQ(gistar_class(-2.0, 0.045), "cold_95");
  EXPECT_EQ(gistar_class(1.7, 0.09), "hot_90");
  EXPECT_EQ(gistar_class(1.0, 0.3), "ns");
  o.stat = LocalStat::Moran;
  const HotspotResult m = local_hotspots(q, x, o);
  int hh = 0;
  const auto fdr = benjamini_hochberg(m.p_perm);
  for (size_t i = 0; i < c.size(); ++i) EXPECT_DOUBLE_EQ(m.p_fdr[i], fdr[i]);
  for (const auto& k : m.cls) {
    EXPECT_TRUE(k == "ns" || k == "HH" || k == "LL" || k == "HL" || k == "LH") << k;
    hh += k == "HH";
  }
  EXPECT_GT(hh, 0);
}
