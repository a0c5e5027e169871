#include <gtest/gtest.h>

#include <cmath>

#include "analysis/fdr.h"

using namespace secmap::analysis;

TEST(Fdr, BenjaminiHochbergKnownVector) {
  // R: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.20, 0.50), "BH")
  //    = 0.0300 0.0600 0.0600 0.0300 0.2400 0.5000
  const std::vector<double> p{0.01, 0.04, 0.03, 0.005, 0.20, 0.50};
  const auto q = benjamini_hochberg(p);
  const double want[] = {0.03, 0.06, 0.06, 0.03, 0.24, 0.50};
  for (size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(q[i], want[i], 1e-12) << i;
  const auto b = bonferroni(p);
  EXPECT_NEAR(b[0], 0.06, 1e-12);
  EXPECT_DOUBLE_EQ(b[5], 1.0);
}

TEST(Fdr, NanIsSkippedAndTiesAreStable) {
  const std::vector<double> p{NAN, 0.02, 0.02, 0.9};
  const auto q = benjamini_hochberg(p);
  EXPECT_TRUE(std::isnan(q[0]));
  EXPECT_NEAR(q[1], 0.03, 1e-12);  // m = 3: 0.02·3/2
  EXPECT_NEAR(q[2], 0.03, 1e-12);
  EXPECT_NEAR(q[3], 0.9, 1e-12);
  EXPECT_NEAR(bonferroni(p)[1], 0.06, 1e-12);
}

TEST(Fdr, NormalP) {
  EXPECT_NEAR(normal_p_two_sided(1.959963984540054), 0.05, 1e-12);
  EXPECT_NEAR(normal_p_two_sided(-2.5758293035489), 0.01, 1e-12);
  EXPECT_DOUBLE_EQ(normal_p_two_sided(0), 1.0);
}
