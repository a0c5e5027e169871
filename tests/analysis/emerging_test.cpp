// Emerging hotspots: the Mann–Kendall test against hand-computed values, the time steps, each
// ArcGIS pattern category from a constructed per-step significance series (the classifier in
// isolation), and an end-to-end run on a grid of square communes with a growing cluster.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "analysis/communes.h"
#include "analysis/emerging.h"
#include "analysis/mann_kendall.h"
#include "analysis_fixture.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

// "..H.C" → None, None, Hot, None, Cold (oldest first).
std::vector<StepSig> sig(const std::string& s) {
  std::vector<StepSig> v;
  for (char c : s) v.push_back(c == 'H' ? StepSig::Hot : c == 'C' ? StepSig::Cold : StepSig::None);
  return v;
}

const MannKendall kFlat{0, 125, 0, 1}, kUp{40, 125, 3.5, 0.0005}, kDown{-40, 125, -3.5, 0.0005};

Emerging cls(const std::string& s, const MannKendall& t = kFlat) {
  return classify_emerging(sig(s), t);
}

}  // namespace

TEST(MannKendall, HandComputedSeries) {
  std::vector<double> x{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  MannKendall r = mann_kendall(x);
  EXPECT_EQ(r.s, 45);
  EXPECT_EQ(r.variance, 125);  // 10·9·25/18
  EXPECT_NEAR(r.z, 44 / std::sqrt(125.0), 1e-12);
  EXPECT_NEAR(r.p, std::erfc(44 / std::sqrt(125.0) / std::sqrt(2.0)), 1e-12);

  std::reverse(x.begin(), x.end());
  r = mann_kendall(x);
  EXPECT_EQ(r.s, -45);
  EXPECT_NEAR(r.z, -44 / std::sqrt(125.0), 1e-12);

  // Ties: {1, 2, 2, 3}: S = 5; Var = (4·3·13 − 2·1·9)/18 = 138/18.
  const std::vector<double> t{1, 2, 2, 3};
  r = mann_kendall(t);
  EXPECT_EQ(r.s, 5);
  EXPECT_NEAR(r.variance, 138.0 / 18.0, 1e-12);
  EXPECT_NEAR(r.z, 4 / std::sqrt(138.0 / 18.0), 1e-12);

  // {3, 1, 2}: S = −1 − 1 + 1 = −1 → z = 0 with the continuity correction.
  const std::vector<double> u{3, 1, 2};
  r = mann_kendall(u);
  EXPECT_EQ(r.s, -1);
  EXPECT_EQ(r.z, 0);
  EXPECT_EQ(r.p, 1);
  const std::vector<double> flat{2, 2, 2};
  EXPECT_EQ(mann_kendall(flat).p, 1);
}

TEST(Emerging, TimeSteps) {
  auto m = time_steps(*parse_day("2025-01-15"), *parse_day("2025-03-10"), StepKind::Month);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].label, "2025-01");
  EXPECT_EQ(format_day(m[0].from), "2025-01-15");
  EXPECT_EQ(format_day(m[1].from), "2025-02-01");
  EXPECT_EQ(format_day(m[1].to), "2025-02-28");
  EXPECT_EQ(format_day(m[2].to), "2025-03-10");
  // 2025-01-01 was a Wednesday, in ISO week 2025-W01 (Monday 2024-12-30).
  auto w = time_steps(*parse_day("2025-01-01"), *parse_day("2025-01-13"), StepKind::Week);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].label, "2025-W01");
  EXPECT_EQ(format_day(w[0].to), "2025-01-05");
  EXPECT_EQ(format_day(w[1].from), "2025-01-06");
  EXPECT_EQ(format_day(w[2].from), "2025-01-13");
  EXPECT_EQ(format_day(w[2].to), "2025-01-13");
}

TEST(Emerging, HotSpotCategories) {
  EXPECT_EQ(cls(".........H"), Emerging::NewHot);
  EXPECT_EQ(cls(".......HHH"), Emerging::ConsecutiveHot);
  EXPECT_EQ(cls("........HH"), Emerging::ConsecutiveHot);
  EXPECT_EQ(cls("HHHHHHHHHH", kUp), Emerging::IntensifyingHot);
  EXPECT_EQ(cls("HHHHHHHHHH"), Emerging::PersistentHot);
  EXPECT_EQ(cls(".HHHHHHHHH"), Emerging::PersistentHot);  // 90% counts
  EXPECT_EQ(cls("HHHHHHHHHH", kDown), Emerging::DiminishingHot);
  EXPECT_EQ(cls("..H..H...H"), Emerging::SporadicHot);
  EXPECT_EQ(cls("..HH....HH"), Emerging::SporadicHot);  // a run, but not the only one
  EXPECT_EQ(cls("..C..H...H"), Emerging::OscillatingHot);
  EXPECT_EQ(cls("HHHHHHHHH."), Emerging::HistoricalHot);
  EXPECT_EQ(cls("HHHHHHHHH.", kDown), Emerging::HistoricalHot);
  // A significant rise alone, without 90% of steps hot, is no intensifying hot spot.
  EXPECT_EQ(cls(".......HHH", kUp), Emerging::ConsecutiveHot);
}

TEST(Emerging, ColdSpotCategoriesMirror) {
  EXPECT_EQ(cls(".........C"), Emerging::NewCold);
  EXPECT_EQ(cls(".......CCC"), Emerging::ConsecutiveCold);
  EXPECT_EQ(cls("CCCCCCCCCC", kDown), Emerging::IntensifyingCold);  // z falling: colder
  EXPECT_EQ(cls("CCCCCCCCCC"), Emerging::PersistentCold);
  EXPECT_EQ(cls("CCCCCCCCCC", kUp), Emerging::DiminishingCold);
  EXPECT_EQ(cls("..C..C...C"), Emerging::SporadicCold);
  EXPECT_EQ(cls("..H..C...C"), Emerging::OscillatingCold);
  EXPECT_EQ(cls("CCCCCCCCC."), Emerging::HistoricalCold);
  // The final step decides the side: a first cold step after hot ones is a new cold spot.
  EXPECT_EQ(cls("HHHHHHHHHC"), Emerging::NewCold);
}

TEST(Emerging, NoPattern) {
  EXPECT_EQ(cls(".........."), Emerging::NoPattern);
  EXPECT_EQ(cls("..H.C....."), Emerging::NoPattern);
  EXPECT_EQ(cls("HHHHHHHH.."), Emerging::NoPattern);  // 80% hot, final not hot
  EXPECT_EQ(cls("..........", kUp), Emerging::NoPattern);
  EXPECT_EQ(cls(""), Emerging::NoPattern);
  EXPECT_STREQ(emerging_name(Emerging::OscillatingCold), "oscillating_cold_spot");
  EXPECT_STREQ(emerging_name(Emerging::NoPattern), "no_pattern");
}

namespace {

// 5×5 squares of 0.05° (C00..C44, column then row); a steady background and a cluster around
// C00 that grows each month of 2025.
void growing_cluster_db(store::Database& db) {
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      add_square(db, "C" + std::to_string(i) + std::to_string(j), 104.0 + 0.05 * i, 22.0 + 0.05 * j,
                 0.05);
  char date[16];
  for (int m = 1; m <= 12; ++m) {
    std::snprintf(date, sizeof date, "2025-%02d-10", m);
    for (int i = 0; i < 5; ++i)
      for (int j = 0; j < 5; ++j) {
        const bool cluster = i <= 1 && j <= 1;
        const int n = cluster ? 3 * m : (i * 5 + j) % 3 + 1;
        for (int k = 0; k < n; ++k)
          add_incident(db, {.date = date, .commune = "C" + std::to_string(i) + std::to_string(j)});
      }
  }
}

}  // namespace

TEST(Emerging, GrowingClusterEndToEnd) {
  auto db = fresh_db("emerging_e2e");
  growing_cluster_db(db);
  const CommuneSet c = load_communes(db);
  const IncidentFilter f{.from = parse_day("2025-01-01"), .to = parse_day("2025-12-31")};
  const IncidentTable t = load_incidents(db, c, {f.from, f.to});
  const Weights w = queen_weights(c.geoms);
  const EmergingResult r = emerging_hotspots(t, w, f, StepKind::Month);
  ASSERT_EQ(r.steps.size(), 12u);
  const EmergingRow& hot = r.rows[size_t(c.find("C00"))];
  EXPECT_GT(hot.trend.z, 0);
  EXPECT_LT(hot.trend.p, 0.05);
  EXPECT_GE(hot.hot_steps, 2);
  EXPECT_EQ(hot.cold_steps, 0);
  const std::string name = emerging_name(hot.category);
  EXPECT_TRUE(name == "consecutive_hot_spot" || name == "intensifying_hot_spot") << name;
  const EmergingRow& far = r.rows[size_t(c.find("C44"))];
  EXPECT_EQ(far.hot_steps, 0);

  // The same through the command line.
  const auto dir = secmap::test::scratch_dir("emerging_cli");
  auto cli_db = store::Database::open(dir / "t.sqlite", store::Database::Mode::CreateIfMissing);
  growing_cluster_db(cli_db);
  const auto res = secmap::test::run_command(
      secmap::test::secmap_binary().string() + " analyze " + (dir / "t.sqlite").string() +
      " emerging --from 2025-01-01 --to 2025-12-31 --out " + (dir / "e.csv").string());
  ASSERT_EQ(res.exit_code, 0) << res.output;
  std::ifstream in(dir / "e.csv");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "code,name,steps,hot_steps,cold_steps,trend_z,trend_p,category");
  std::getline(in, line);
  EXPECT_EQ(line.rfind("C00,", 0), 0u) << line;
  EXPECT_NE(line.find("," + name), std::string::npos) << line;
  size_t rows = 1;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 25u);
}
