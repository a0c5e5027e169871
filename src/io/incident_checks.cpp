#include "io/incident_checks.h"

#include <algorithm>

namespace secmap::io {

IncidentRowChecks::IncidentRowChecks(edit::Validator& validator, std::string today)
    : validator_(validator), today_(today.empty() ? edit::today_iso() : std::move(today)) {}

std::vector<edit::FieldError> IncidentRowChecks::check(const edit::IncidentInput& in) {
  std::vector<edit::FieldError> errs = validator_.check_incident(in, today_);
  const bool case_ok = std::none_of(errs.begin(), errs.end(),
                                    [](const auto& e) { return e.field == "case_number"; });
  if (case_ok) validator_.claim_case_number(in.case_number);
  return errs;
}

}  // namespace secmap::io
