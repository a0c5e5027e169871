// The plan-target tiles for the window (issue 4 §8): analysis::compute_targets for a year, the
// very computation `secmap analyze targets` prints, computed once per database and year. Each
// row carries its commune's code so Identify can show a commune's own rows. GL-free.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "analysis/targets.h"
#include "store/database.h"
#include "ui/strings.h"

namespace secmap::ui {

class PlanTargets {
 public:
  int year() const { return year_; }
  void set_year(int year);
  // Forget the rows (another database was opened).
  void invalidate();
  // Province rows first, then per-commune rows; computed on first use. On failure returns an
  // empty list and error() says why.
  const std::vector<analysis::TargetRow>& rows(store::Database& db);
  // The rows of one commune (by official code), after rows().
  std::vector<analysis::TargetRow> commune_rows(store::Database& db, const std::string& code);
  const std::string& error() const { return error_; }

 private:
  int year_ = 2026;  // the plan year `secmap analyze targets` defaults to
  std::optional<std::vector<analysis::TargetRow>> rows_;
  std::vector<std::string> codes_;  // analysis::CommuneSet order
  std::string error_;
};

// The indicator's name in the interface language ("clearance_rate" → "Tỷ lệ điều tra …").
std::string indicator_name(const std::string& indicator, Lang lang);
const char* target_state_label(analysis::TargetState s, Lang lang);

}  // namespace secmap::ui
