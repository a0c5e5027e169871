// The real Lào Cai + Lai Châu communes, imported once per test program and shared by the tests
// that need real polygons (weights, Gi*, permutations).
#pragma once
#include <memory>

#include "analysis/communes.h"
#include "analysis_fixture.h"

namespace secmap::analysis::testing {

inline const CommuneSet& real_communes() {
  static std::unique_ptr<CommuneSet> set;
  if (!set) {
    auto db = fresh_db("real_communes");
    import_real_communes(db);
    set = std::make_unique<CommuneSet>(load_communes(db));
  }
  return *set;
}

}  // namespace secmap::analysis::testing
