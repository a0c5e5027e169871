#include "ui/plan_targets.h"

#include "analysis/communes.h"
#include "analysis/incidents.h"

namespace secmap::ui {

void PlanTargets::set_year(int year) {
  if (year == year_) return;
  year_ = year;
  rows_.reset();
}

void PlanTargets::invalidate() {
  rows_.reset();
  codes_.clear();
  error_.clear();
}

const std::vector<analysis::TargetRow>& PlanTargets::rows(store::Database& db) {
  if (rows_) return *rows_;
  error_.clear();
  try {
    // The same inputs as `secmap analyze targets` (cmd_analyze run_targets).
    const analysis::CommuneSet c = analysis::load_communes(db, {.geometry = false});
    const analysis::IncidentTable t = analysis::load_incidents(db, c);
    analysis::TargetOptions o;
    o.year = year_;
    rows_ = analysis::compute_targets(db, c, t, o);
    codes_ = c.codes;
  } catch (const std::exception& e) {
    error_ = e.what();
    rows_.emplace();
  }
  return *rows_;
}

std::vector<analysis::TargetRow> PlanTargets::commune_rows(store::Database& db,
                                                           const std::string& code) {
  std::vector<analysis::TargetRow> out;
  for (const auto& r : rows(db))
    if (r.commune >= 0 && static_cast<size_t>(r.commune) < codes_.size() &&
        codes_[r.commune] == code)
      out.push_back(r);
  return out;
}

std::string indicator_name(const std::string& id, Lang lang) {
  const S s = id == "clearance_rate"           ? S::TargetClearance
              : id == "serious_clearance_rate" ? S::TargetSeriousClearance
              : id == "reports_resolved"       ? S::TargetReportsResolved
              : id == "antt_communes"          ? S::TargetAnttCommunes
              : id == "antt_residential_areas" ? S::TargetAnttAreas
              : id == "excellent_communes"     ? S::TargetExcellent
              : id == "drug_free_communes"     ? S::TargetDrugFree
                                               : S::Count_;
  return s == S::Count_ ? id : tr(s, lang);
}

const char* target_state_label(analysis::TargetState s, Lang lang) {
  switch (s) {
    case analysis::TargetState::OnTrack:
      return tr(S::OnTrack, lang);
    case analysis::TargetState::Behind:
      return tr(S::Behind, lang);
    case analysis::TargetState::NoTarget:
      return tr(S::NoTarget, lang);
    case analysis::TargetState::NoData:
      break;
  }
  return tr(S::TargetNoData, lang);
}

}  // namespace secmap::ui
