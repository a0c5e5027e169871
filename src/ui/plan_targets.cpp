#include "ui/plan_targets.h"

#include "analysis/communes.h"
#include "analysis/incidents.h"

namespace secmap::ui {

void PlanTargets::set_year(int year) {
  year_ = year;
}

void PlanTargets::invalidate() {
  ++epoch_;
}

const PlanTargets::Result* PlanTargets::result(store::Database& db, bool wait) {
  auto current = [&](const std::shared_ptr<const Result>& r) {
    return r && r->epoch == epoch_ && r->year == year_ && r->db == db.path();
  };
  auto take_finished = [&] {
    std::lock_guard lock(mutex_);
    if (finished_ && finished_->year == year_ && finished_->db == db.path()) shown_ = finished_;
  };
  take_finished();
  if (current(shown_)) return shown_.get();
  const std::pair<uint64_t, int> want{epoch_, year_};
  if (requested_ != want) {
    requested_ = want;
    worker_.submit([this, want, path = db.path()] {
      auto r = std::make_shared<Result>();
      r->epoch = want.first;
      r->year = want.second;
      r->db = path;
      try {
        // Its own connection, and the same inputs as `secmap analyze targets`.
        auto wdb = store::Database::open(path, store::Database::Mode::OpenExisting);
        const analysis::CommuneSet c = analysis::load_communes(wdb, {.geometry = false});
        const analysis::IncidentTable t = analysis::load_incidents(wdb, c);
        analysis::TargetOptions o;
        o.year = want.second;
        r->rows = analysis::compute_targets(wdb, c, t, o);
        r->codes = c.codes;
      } catch (const std::exception& e) {
        r->error = e.what();
      }
      std::lock_guard lock(mutex_);
      finished_ = std::move(r);
    });
  }
  if (wait) {
    worker_.wait_idle();
    take_finished();
    return current(shown_) ? shown_.get() : nullptr;
  }
  // Rows of this year from before the latest edit stand in (marked updating) until the new ones.
  return shown_ && shown_->year == year_ && shown_->db == db.path() ? shown_.get() : nullptr;
}

const std::vector<analysis::TargetRow>* PlanTargets::rows_if_ready(store::Database& db) {
  const Result* r = result(db, false);
  return r ? &r->rows : nullptr;
}

bool PlanTargets::updating() const {
  return worker_.busy() || !shown_ || shown_->epoch != epoch_ || shown_->year != year_;
}

const std::vector<analysis::TargetRow>& PlanTargets::rows(store::Database& db) {
  static const std::vector<analysis::TargetRow> none;
  const Result* r = result(db, true);
  return r ? r->rows : none;
}

const std::string& PlanTargets::error() const {
  static const std::string none;
  return shown_ ? shown_->error : none;
}

std::vector<analysis::TargetRow> PlanTargets::commune_rows(store::Database& db,
                                                           const std::string& code) {
  std::vector<analysis::TargetRow> out;
  const Result* r = result(db, false);
  if (!r) return out;
  for (const auto& row : r->rows)
    if (row.commune >= 0 && static_cast<size_t>(row.commune) < r->codes.size() &&
        r->codes[row.commune] == code)
      out.push_back(row);
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
