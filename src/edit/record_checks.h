// Checks of a whole record of any editable table (the merged result of an edit), built on the
// Validator's rules. Incidents go through Validator::check_incident, so the window, the command
// line and the importer apply the same rules.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "edit/tables.h"
#include "edit/validation.h"

namespace secmap::edit {

struct RecordToCheck {
  const model::Table* spec = nullptr;
  const Fields* fields = nullptr;  // the record's columns after the edit
  const std::optional<geo::Geometry>* geom = nullptr;
  std::optional<int64_t> id;  // the record itself (uniqueness checks skip it)
  bool accept_outside = false;
};

std::vector<FieldError> check_record(const Validator& v, const RecordToCheck& r,
                                     std::string_view today);

// The values a column of a table may take when it has fixed choices and no code list (a
// crossing's status, a route's state, a facility's country); empty for any other column. The
// checks and the window's form both read them here.
const std::vector<const char*>& fixed_choices(std::string_view table, std::string_view column);

// The incident form of an incidents row's fields and point.
IncidentInput incident_input(const Fields& fields, const std::optional<geo::Geometry>& geom,
                             std::optional<int64_t> id, bool accept_outside);
// And back: the columns an IncidentInput sets (geometry separate).
Fields incident_fields(const IncidentInput& in);

}  // namespace secmap::edit
