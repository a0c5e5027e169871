// Values of editable records as people type and read them (forms, `secmap edit --set`). The
// tables and their columns are model/tables.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "model/tables.h"

namespace secmap::edit {

using model::Fields;

// Parses a value typed by a person (form field, --set f=v) for a column. Empty text is NULL.
// Text is normalised to NFC. Returns nullopt and sets *error when the text is not of the kind.
std::optional<nlohmann::json> parse_value(const model::Column& col, std::string_view text,
                                          std::string* error);
// A value as a person reads it (for forms): "" for NULL, "1"/"0" for booleans.
std::string value_text(const nlohmann::json& v);

}  // namespace secmap::edit
