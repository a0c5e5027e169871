// The provincial plan's targets (DOMAIN.md §5.1) as value, target and on-track/behind, for the
// province and per commune:
//   clearance_rate          cleared criminal cases / criminal cases        > 80 (2025), ≥ 85
//   (2026+) serious_clearance_rate  the same for very + especially serious cases   > 90 (2025), ≥
//   90 (2026+) reports_resolved        criminal reports past "received" / all         > 90 (2025),
//   ≥ 90 (2026+) antt_communes           communes meeting "an toàn về ANTT"             ≥ 80
//   (2026+) antt_residential_areas  residential areas meeting the standard         ≥ 80 (2026+)
//   excellent_communes      communes classed "xuất sắc" in the movement    ≥ 60 (2026+)
//   drug_free_communes      drug-free communes; the plan (2025–2030) sets no number, only "giữ
//                           vững": on track when the share is not below the year before.
// A criminal case is an incident with a Penal Code severity class; "cleared" is the status's
// case_statuses.cleared flag. Communes without a status row for the year count in the
// denominator as not meeting (the plan's share is of all units) and are no_data on their own.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/communes.h"
#include "analysis/incidents.h"
#include "store/database.h"

namespace secmap::analysis {

enum class TargetState { OnTrack, Behind, NoData, NoTarget };
const char* state_name(TargetState s);  // on_track | behind | no_data | no_target

struct TargetRow {
  std::string indicator;
  int32_t commune = -1;  // -1: the province
  int year = 0;
  int64_t numerator = 0, denominator = 0;
  std::optional<double> value;  // percent
  std::string comparator;       // ">=" or ">" (empty without a target)
  std::optional<double> target;
  TargetState state = TargetState::NoData;
};

struct TargetOptions {
  int year = 2026;
  // Incidents up to this day count (default: the end of the year), for mid-year dashboards.
  std::optional<int32_t> as_of;
};

// Province rows first (one per indicator, plus drug_free_communes for every year 2025–2030
// with status data), then per-commune rows in commune order.
std::vector<TargetRow> compute_targets(store::Database& db, const CommuneSet& communes,
                                       const IncidentTable& incidents, const TargetOptions& o);

}  // namespace secmap::analysis
