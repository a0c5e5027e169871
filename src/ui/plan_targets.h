// The plan-target tiles for the window: analysis::compute_targets for a year, the very
// computation `secmap analyze targets` prints, computed on a background thread once per
// database, year and edit. Each
// row carries its commune's code so Identify can show a commune's own rows. GL-free.
#pragma once
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "analysis/targets.h"
#include "store/database.h"
#include "ui/latest_job.h"
#include "ui/strings.h"

namespace secmap::ui {

class PlanTargets {
 public:
  int year() const { return year_; }
  void set_year(int year);
  // The data changed (an edit) or another database was opened: the rows are computed again.
  void invalidate();
  // Without waiting (the window): the rows for year() computed on a background thread — the
  // last finished ones for this year and database, perhaps from before the latest edit (then
  // updating() is true), or nullptr while the first are computed. Province rows first, then
  // per-commune rows.
  const std::vector<analysis::TargetRow>* rows_if_ready(store::Database& db);
  bool updating() const;
  // The same, waiting for the current rows (scripts, the state dump, tests). On failure an empty
  // list, and error() says why.
  const std::vector<analysis::TargetRow>& rows(store::Database& db);
  // The rows of one commune (by official code) among the rows ready; none while computing.
  std::vector<analysis::TargetRow> commune_rows(store::Database& db, const std::string& code);
  const std::string& error() const;

 private:
  struct Result {
    uint64_t epoch = 0;
    int year = 0;
    std::filesystem::path db;
    std::vector<analysis::TargetRow> rows;
    std::vector<std::string> codes;  // analysis::CommuneSet order
    std::string error;
  };
  // The finished result for year() and db (waiting when asked), or nullptr.
  const Result* result(store::Database& db, bool wait);

  int year_ = 2026;  // the plan year `secmap analyze targets` defaults to
  uint64_t epoch_ = 0;
  std::optional<std::pair<uint64_t, int>> requested_;  // (epoch, year) asked of the worker
  std::shared_ptr<const Result> shown_;
  mutable std::mutex mutex_;  // guards finished_
  std::shared_ptr<const Result> finished_;
  LatestJob worker_;  // last: joined before the rest goes
};

// The indicator's name in the interface language ("clearance_rate" → "Tỷ lệ điều tra …").
std::string indicator_name(const std::string& indicator, Lang lang);
const char* target_state_label(analysis::TargetState s, Lang lang);

}  // namespace secmap::ui
