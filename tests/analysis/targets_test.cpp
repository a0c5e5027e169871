// Plan targets on a four-commune fixture whose answers were worked out by hand (see comments).
#include <gtest/gtest.h>

#include "analysis/targets.h"
#include "analysis_fixture.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

void add_cases(store::Database& db, const std::string& commune, int n, const std::string& status,
               const std::string& severity, const std::string& date = "2026-04-01") {
  for (int k = 0; k < n; ++k)
    add_incident(db, {.date = date, .severity = severity, .status = status, .commune = commune});
}

void add_status(store::Database& db, const std::string& code, int year, const char* drug,
                const char* antt, const char* movement, int areas, int safe) {
  auto st = db.prepare(
      "INSERT INTO commune_status (commune_code, period_from, period_to, drug_free, "
      "antt_standard, movement_class, residential_areas, residential_areas_safe) VALUES "
      "(?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, code)
      .bind(2, std::to_string(year) + "-01-01")
      .bind(3, std::to_string(year) + "-12-31");
  st.bind(4, drug).bind(5, antt).bind(6, movement).bind(7, areas).bind(8, safe).run();
}

const TargetRow& find(const std::vector<TargetRow>& rows, const CommuneSet& c,
                      const std::string& indicator, const std::string& code, int year = 2026) {
  const int32_t ci = code.empty() ? -1 : c.find(code);
  for (const auto& r : rows)
    if (r.indicator == indicator && r.commune == ci && r.year == year) return r;
  throw std::runtime_error("no row " + indicator + " " + code);
}

}  // namespace

TEST(Targets, HandComputedFixture) {
  auto db = fresh_db("targets");
  {
    store::Transaction tx(db);
    for (int i = 0; i < 4; ++i)
      add_square(db, std::string(1, char('A' + i)), 104.0 + 0.1 * i, 22.0, 0.1);
    // A: 10 cases, 9 cleared; 2 very serious, both cleared.
    add_cases(db, "A", 7, "solved", "nghiem_trong");
    add_cases(db, "A", 2, "tried", "rat_nghiem_trong");
    add_cases(db, "A", 1, "investigated", "it_nghiem_trong");
    // Not criminal cases of 2026: no severity; last year.
    add_incident(db, {.severity = std::nullopt, .status = "received", .commune = "A"});
    add_cases(db, "A", 3, "received", "nghiem_trong", "2025-06-01");
    // B: 10 cases, 8 cleared, 2 received; 1 especially serious among the received.
    add_cases(db, "B", 8, "solved", "nghiem_trong");
    add_cases(db, "B", 1, "received", "it_nghiem_trong");
    add_cases(db, "B", 1, "received", "dac_biet_nghiem_trong");
    // C: none. D: 5 prosecuted.
    add_cases(db, "D", 5, "prosecuted", "nghiem_trong");
    add_status(db, "A", 2026, "drug_free", "meets", "excellent", 10, 9);
    add_status(db, "B", 2026, "drug_free", "meets", "good", 10, 8);
    add_status(db, "C", 2026, "not_yet", "not_meets", "excellent", 5, 2);
    // D has no 2026 assessment. 2025: three of four drug-free.
    add_status(db, "A", 2025, "drug_free", "meets", "good", 10, 8);
    add_status(db, "B", 2025, "not_yet", "meets", "good", 10, 8);
    add_status(db, "C", 2025, "drug_free", "meets", "good", 5, 5);
    add_status(db, "D", 2025, "drug_free", "meets", "good", 5, 5);
    tx.commit();
  }
  const CommuneSet c = load_communes(db, {.geometry = false});
  const IncidentTable t = load_incidents(db, c);
  const auto rows = compute_targets(db, c, t, {.year = 2026});

  // Province: 25 cases, 22 cleared → 88% ≥ 85.
  const auto& clr = find(rows, c, "clearance_rate", "");
  EXPECT_EQ(clr.numerator, 22);
  EXPECT_EQ(clr.denominator, 25);
  EXPECT_DOUBLE_EQ(*clr.value, 88.0);
  EXPECT_EQ(clr.comparator, ">=");
  EXPECT_DOUBLE_EQ(*clr.target, 85.0);
  EXPECT_EQ(clr.state, TargetState::OnTrack);
  // Very + especially serious: 3 cases, 2 cleared → 66.7% < 90.
  const auto& ser = find(rows, c, "serious_clearance_rate", "");
  EXPECT_EQ(ser.numerator, 2);
  EXPECT_EQ(ser.denominator, 3);
  EXPECT_EQ(ser.state, TargetState::Behind);
  // Reports past "received": 23 of 25 = 92% ≥ 90.
  const auto& rep = find(rows, c, "reports_resolved", "");
  EXPECT_EQ(rep.numerator, 23);
  EXPECT_EQ(rep.state, TargetState::OnTrack);
  // Communes meeting the standard: A, B of 4 (D unassessed counts as not meeting) = 50%.
  const auto& antt = find(rows, c, "antt_communes", "");
  EXPECT_EQ(antt.numerator, 2);
  EXPECT_EQ(antt.denominator, 4);
  EXPECT_EQ(antt.state, TargetState::Behind);
  // Residential areas: (9 + 8 + 2) / (10 + 10 + 5) = 76%.
  const auto& res = find(rows, c, "antt_residential_areas", "");
  EXPECT_DOUBLE_EQ(*res.value, 76.0);
  EXPECT_EQ(res.state, TargetState::Behind);
  // Excellent: A, C of 4 = 50% < 60.
  const auto& exc = find(rows, c, "excellent_communes", "");
  EXPECT_DOUBLE_EQ(*exc.value, 50.0);
  EXPECT_DOUBLE_EQ(*exc.target, 60.0);
  EXPECT_EQ(exc.state, TargetState::Behind);
  // Drug-free: 2025 75% (no 2024 data: no target), 2026 50% < 75% → behind.
  const auto& df25 = find(rows, c, "drug_free_communes", "", 2025);
  EXPECT_DOUBLE_EQ(*df25.value, 75.0);
  EXPECT_EQ(df25.state, TargetState::NoTarget);
  const auto& df26 = find(rows, c, "drug_free_communes", "");
  EXPECT_DOUBLE_EQ(*df26.value, 50.0);
  EXPECT_DOUBLE_EQ(*df26.target, 75.0);
  EXPECT_EQ(df26.state, TargetState::Behind);

  // Per commune.
  EXPECT_DOUBLE_EQ(*find(rows, c, "clearance_rate", "A").value, 90.0);
  EXPECT_EQ(find(rows, c, "clearance_rate", "A").state, TargetState::OnTrack);
  EXPECT_EQ(find(rows, c, "clearance_rate", "B").state, TargetState::Behind);
  EXPECT_EQ(find(rows, c, "clearance_rate", "C").state, TargetState::NoData);
  EXPECT_EQ(find(rows, c, "serious_clearance_rate", "A").state, TargetState::OnTrack);
  EXPECT_EQ(find(rows, c, "serious_clearance_rate", "B").state, TargetState::Behind);
  EXPECT_EQ(find(rows, c, "antt_communes", "D").state, TargetState::NoData);
  EXPECT_DOUBLE_EQ(*find(rows, c, "antt_residential_areas", "A").value, 90.0);
  EXPECT_EQ(find(rows, c, "drug_free_communes", "C").state, TargetState::Behind);

  // 2025 rules: clearance must be above 80, standards have no target yet.
  const auto rows25 = compute_targets(db, c, t, {.year = 2025});
  const auto& clr25 = find(rows25, c, "clearance_rate", "", 2025);
  EXPECT_EQ(clr25.comparator, ">");
  EXPECT_DOUBLE_EQ(*clr25.target, 80.0);
  EXPECT_EQ(clr25.numerator, 0);
  EXPECT_EQ(clr25.denominator, 3);
  EXPECT_EQ(clr25.state, TargetState::Behind);
  EXPECT_EQ(find(rows25, c, "antt_communes", "", 2025).state, TargetState::NoTarget);
}
