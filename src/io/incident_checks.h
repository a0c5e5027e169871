// Incident rows of a bulk import checked with the validation rules the window and the command
// line use (edit::Validator): code lists, dates not in the future, severity against status,
// points inside the province, and case numbers unique in the database and within the file.
#pragma once
#include <string>
#include <vector>

#include "edit/validation.h"
#include "store/database.h"

namespace secmap::io {

class IncidentRowChecks {
 public:
  // today: ISO date for "not in the future"; empty means today's local date.
  // The validator holds the province and the case numbers claimed by this batch.
  IncidentRowChecks(edit::Validator& validator, std::string today);
  // The errors of one row, checked in file order: a row's case number is claimed for the batch
  // when it passes, so a later row with the same number is the one reported.
  std::vector<edit::FieldError> check(const edit::IncidentInput& in);

 private:
  edit::Validator& validator_;
  std::string today_;
};

}  // namespace secmap::io
