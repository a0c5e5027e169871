// Incidents per commune × period × breakdown (category group, category, severity, status), with
// rates per 10,000 people where the commune's population is known.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "analysis/dates.h"
#include "analysis/incidents.h"

namespace secmap::analysis {

// Incidents per commune (index-aligned with the CommuneSet) passing the filter. Incidents in no
// commune are not counted.
std::vector<int64_t> count_per_commune(const IncidentTable& t, size_t n_communes,
                                       const IncidentFilter& f);

enum class Period { All, Day, Week, Month, Year, Campaign };
enum class Breakdown { None, Group, Category, Severity, Status };
Period parse_period(const std::string& s);        // all|day|week|month|year|campaign
Breakdown parse_breakdown(const std::string& s);  // none|group|category|severity|status

struct AggregateOptions {
  IncidentFilter filter;
  Period period = Period::All;
  Breakdown by = Breakdown::None;
  std::vector<Window> campaigns;  // for Period::Campaign; an incident counts in each it falls in
  bool include_zero = true;       // rows for communes with no incident (only for None/All)
};

struct AggregateRow {
  int32_t commune = -1;
  std::string period;  // "" for All, "2025-03-14", "2025-W11", "2025-03", "2025", campaign code
  std::string key;     // breakdown code, "" for None
  int64_t count = 0;
  std::optional<double> rate_per_10k;
};

// Rows sorted by commune code, period, key.
std::vector<AggregateRow> aggregate(const IncidentTable& t, const CommuneSet& communes,
                                    const AggregateOptions& o);

// Named windows from the campaigns table, in date order.
std::vector<Window> load_campaigns(store::Database& db);

}  // namespace secmap::analysis
