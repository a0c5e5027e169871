#include "demo/statuses.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "demo/calendar.h"

namespace secmap::demo {

namespace {

// Incidents per 10,000 inhabitants in a year, for each commune.
std::vector<double> rates(const World& w, const std::map<int, std::vector<int>>& by_year,
                          int year) {
  std::vector<double> r(w.communes.size(), 0.0);
  auto it = by_year.find(year);
  if (it == by_year.end()) return r;
  for (size_t i = 0; i < r.size() && i < it->second.size(); ++i)
    r[i] =
        1e4 * it->second[i] / std::max<double>(1.0, static_cast<double>(w.communes[i].population));
  return r;
}

// Rank of each commune (0 = lowest) by value with a little noise, as a fraction in [0, 1).
std::vector<double> noisy_rank(const std::vector<double>& v, Rng& rng) {
  std::vector<double> key(v.size());
  for (size_t i = 0; i < v.size(); ++i) key[i] = v[i] * rng.uniform(0.8, 1.2);
  std::vector<size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  std::vector<double> rank(v.size());
  for (size_t k = 0; k < idx.size(); ++k)
    rank[idx[k]] = static_cast<double>(k) / static_cast<double>(idx.size());
  return rank;
}

const std::string& nth(const std::vector<std::string>& list, size_t i) {
  static const std::string none;
  return list.empty() ? none : list[std::min(i, list.size() - 1)];
}

}  // namespace

void generate_commune_statuses(store::Database& db, const World& w, Rng& rng,
                               const IncidentStats& stats) {
  const CodeBook& codes = *w.codes;
  const std::string drug_free = codes.pick("drug_free_statuses", "drug_free", 0);
  const std::string not_yet = codes.pick("drug_free_statuses", "not_yet", 1);
  const std::string transforming = codes.pick("drug_free_statuses", "transforming", 2);
  const std::string meets = codes.pick("antt_standards", "meets", 0);
  const std::string not_meets = codes.pick("antt_standards", "not_meets", 1);
  const auto& classes = codes.codes("movement_classes");  // best first

  std::vector<int> areas(w.communes.size());
  for (size_t i = 0; i < areas.size(); ++i)
    areas[i] = static_cast<int>(w.communes[i].urban ? rng.range(8, 25) : rng.range(6, 20));

  auto st = db.prepare(
      "INSERT INTO commune_status (commune_code, period_from, period_to, drug_free, antt_standard, "
      "movement_class, residential_areas, residential_areas_safe, source, is_demo, updated_at, "
      "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'secmap demo')");
  for (int year : {2025, 2026}) {
    // Assessed on the previous year's record; 2026 improves toward the plan targets.
    const auto drug_rank = noisy_rank(rates(w, stats.drugs_by_year, year - 1), rng);
    const auto all_rank = noisy_rank(rates(w, stats.all_by_year, year - 1), rng);
    const double free_share = year == 2025 ? 0.55 : 0.66;
    const double meets_share = year == 2025 ? 0.72 : 0.82;
    const double cls[4] = {year == 2025 ? 0.45 : 0.58, year == 2025 ? 0.80 : 0.88,
                           year == 2025 ? 0.95 : 0.98, 1.0};
    for (size_t i = 0; i < w.communes.size(); ++i) {
      const std::string& df = drug_rank[i] < free_share ? drug_free
                              : drug_rank[i] >= 0.9     ? transforming
                                                        : not_yet;
      const bool ok = all_rank[i] < meets_share;
      const double mrank = std::clamp(all_rank[i] + rng.uniform(-0.15, 0.15), 0.0, 0.999);
      size_t k = 0;
      while (k < 3 && mrank >= cls[k]) ++k;
      double safe = ok ? rng.uniform(0.82, 0.97) : rng.uniform(0.55, 0.78);
      if (year == 2026) safe = std::min(1.0, safe + 0.03);
      const int n = areas[i];
      st.reset();
      st.bind(1, w.communes[i].code)
          .bind(2, std::to_string(year) + "-01-01")
          .bind(3, std::to_string(year) + "-12-31")
          .bind(4, df)
          .bind(5, ok ? meets : not_meets)
          .bind(6, nth(classes, k))
          .bind(7, n)
          .bind(8, static_cast<int>(std::lround(safe * n)))
          .bind(9, w.source_note)
          .bind(10, kDemoTimestamp);
      st.run();
    }
  }
}

void generate_designations(store::Database& db, const World& w, Rng& rng,
                           const IncidentStats& stats) {
  const CodeBook& codes = *w.codes;
  auto st = db.prepare(
      "INSERT INTO designations (type, name, level, year, state, commune_code, source, is_demo, "
      "updated_at, updated_by, geom) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 'secmap demo', "
      "MakePoint(?, ?, 4326))");
  auto add = [&](const char* type, const std::string& name, const char* level, int year,
                 const char* state, size_t c, geo::Point p) {
    if (!codes.has("designation_types", type)) return;
    st.reset();
    st.bind(1, type)
        .bind(2, name + " (demo)")
        .bind(3, level)
        .bind(4, year)
        .bind(5, state)
        .bind(6, w.communes[c].code)
        .bind(7, w.source_note)
        .bind(8, kDemoTimestamp)
        .bind(9, p.x)
        .bind(10, p.y);
    st.run();
  };
  const size_t n = w.communes.size();
  const auto r2025 = rates(w, stats.all_by_year, 2025);
  const auto r2024 = rates(w, stats.all_by_year, 2024);
  std::vector<size_t> by_rate(n);
  std::iota(by_rate.begin(), by_rate.end(), 0);
  std::stable_sort(by_rate.begin(), by_rate.end(),
                   [&](size_t a, size_t b) { return r2025[a] < r2025[b]; });

  // Model units (điển hình): one ward and one commune for 2026, one achieved in 2025.
  size_t ward = n, xa = n;
  for (size_t i : by_rate) {
    if (w.communes[i].urban && ward == n) ward = i;
    if (!w.communes[i].urban && xa == n) xa = i;
  }
  if (ward < n)
    add("model_unit", "Điển hình Phong trào toàn dân bảo vệ ANTQ — " + w.communes[ward].full_name,
        "tỉnh", 2026, "building", ward, w.communes[ward].centre);
  if (xa < n) {
    add("model_unit", "Điển hình Phong trào toàn dân bảo vệ ANTQ — " + w.communes[xa].full_name,
        "tỉnh", 2026, "selected", xa, w.communes[xa].centre);
    const size_t other = by_rate[std::min<size_t>(2, n - 1)];
    add("model_unit", "Điển hình Phong trào toàn dân bảo vệ ANTQ — " + w.communes[other].full_name,
        "tỉnh", 2025, "achieved", other, w.communes[other].centre);
  }
  // Self-management and other grassroots models in villages and residential groups.
  const std::pair<const char*, const char*> models[] = {
      {"self_management", "Mô hình tự quản về ANTT"},
      {"self_prevention", "Mô hình tự phòng"},
      {"self_protection", "Mô hình tự bảo vệ"},
      {"self_mediation", "Tổ hòa giải ở cơ sở"},
      {"fire_rescue", "Mô hình PCCC, cứu nạn, cứu hộ"},
      {"crime_prevention", "Mô hình phòng ngừa tội phạm"},
      {"religious", "Mô hình bảo đảm ANTT trong tổ chức tôn giáo"},
      {"school", "Mô hình trường học an toàn về ANTT"}};
  const double model_w[] = {30, 10, 10, 15, 8, 12, 4, 6};
  const char* states[] = {"maintained", "new", "replicated"};
  const int n_models = static_cast<int>(std::max<size_t>(20, n / 2));
  for (int k = 0; k < n_models; ++k) {
    const auto& [type, label] = models[rng.weighted(model_w)];
    const size_t c = rng.below(n);
    const geo::Point p = random_point_in(w, static_cast<int>(c), rng);
    add(type,
        std::string(label) + " thôn/tổ " + std::to_string(rng.range(1, 15)) + ", " +
            w.communes[c].full_name,
        "xã", static_cast<int>(rng.range(2024, 2026)), states[rng.below(3)], c, p);
  }
  // Crime-free communes (the quietest), key complex areas (the busiest) and one transformed.
  for (size_t k = 0; k < std::min<size_t>(4, n); ++k) {
    const size_t c = by_rate[k];
    add("crime_free",
        "Xã/phường không có tội phạm về TTXH, ma túy và TNXH — " + w.communes[c].full_name, "xã",
        2025, "striving", c, w.communes[c].centre);
  }
  for (size_t k = 0; k < std::min<size_t>(3, n); ++k) {
    const size_t c = by_rate[n - 1 - k];
    add("key_complex_area", "Địa bàn trọng điểm phức tạp về ANTT — " + w.communes[c].full_name,
        "tỉnh", 2025, "listed", c, w.communes[c].centre);
  }
  if (n > 4) {
    size_t best = by_rate[n - 4];  // busy in 2024, calmer in 2025
    for (size_t i = 0; i < n; ++i)
      if (r2024[i] - r2025[i] > r2024[best] - r2025[best]) best = i;
    add("transformed_area", "Địa bàn đã chuyển hóa thành công — " + w.communes[best].full_name,
        "tỉnh", 2025, "transformed", best, w.communes[best].centre);
  }
  // Focused mobilisation for Q2/2026: 20 communes/wards (half the synthetic province).
  const size_t focus = std::min<size_t>(20, n / 2);
  for (size_t k = 0; k < focus; ++k) {
    const size_t c = by_rate[n - 1 - (k * 2 % n)];
    add("focused_mobilisation", "Địa bàn vận động tập trung — " + w.communes[c].full_name, "tỉnh",
        2026, "selected", c, w.communes[c].centre);
  }
}

}  // namespace secmap::demo
