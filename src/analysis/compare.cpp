#include "analysis/compare.h"

namespace secmap::analysis {

namespace {
ChangeRow make_row(int32_t commune, int64_t cur, int64_t base, std::optional<double> target) {
  ChangeRow r;
  r.commune = commune;
  r.current = cur;
  r.baseline = base;
  r.change = cur - base;
  if (base > 0) r.pct = 100.0 * double(r.change) / double(base);
  if (target) {
    // With no baseline a reduction cannot be measured; zero stays zero, anything else is not a
    // fall.
    if (r.pct)
      r.meets_reduction = *r.pct <= -*target;
    else
      r.meets_reduction = cur == 0;
  }
  return r;
}
}  // namespace

std::vector<ChangeRow> compare_windows(const IncidentTable& t, size_t n_communes,
                                       const CompareOptions& o) {
  const FilterMask keep(t, o.filter);
  std::vector<int64_t> cur(n_communes, 0), base(n_communes, 0);
  for (size_t i = 0; i < t.size(); ++i) {
    const int32_t c = t.commune[i];
    if (c < 0) continue;
    const int32_t d = t.day[i];
    const bool in_cur = o.current.contains(d), in_base = o.baseline.contains(d);
    if ((!in_cur && !in_base) || !keep.matches_codes(t, i)) continue;
    if (in_cur) ++cur[size_t(c)];
    if (in_base) ++base[size_t(c)];
  }
  std::vector<ChangeRow> rows;
  rows.reserve(n_communes + 1);
  int64_t tc = 0, tb = 0;
  for (size_t c = 0; c < n_communes; ++c) {
    rows.push_back(make_row(int32_t(c), cur[c], base[c], o.reduction_target_pct));
    tc += cur[c];
    tb += base[c];
  }
  rows.push_back(make_row(-1, tc, tb, o.reduction_target_pct));
  return rows;
}

}  // namespace secmap::analysis
