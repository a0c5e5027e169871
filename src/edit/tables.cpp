#include "edit/tables.h"

#include <charconv>
#include <cmath>

#include "text/unicode.h"

namespace secmap::edit {

namespace {

using K = model::ColumnType;

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::optional<nlohmann::json> parse_value(const model::Column& col, std::string_view text,
                                          std::string* error) {
  const std::string s = trim(text);
  if (s.empty()) return nlohmann::json(nullptr);
  switch (col.type) {
    case K::Integer: {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      if (ec != std::errc() || p != s.data() + s.size()) {
        *error = "'" + s + "' is not a whole number";
        return std::nullopt;
      }
      return nlohmann::json(v);
    }
    case K::Real: {
      char* end = nullptr;
      const double v = std::strtod(s.c_str(), &end);
      if (end != s.c_str() + s.size() || !std::isfinite(v)) {
        *error = "'" + s + "' is not a number";
        return std::nullopt;
      }
      return nlohmann::json(v);
    }
    case K::Boolean: {
      if (s == "1" || s == "true" || s == "yes" || s == "có") return nlohmann::json(1);
      if (s == "0" || s == "false" || s == "no" || s == "không") return nlohmann::json(0);
      *error = "'" + s + "' is not a yes/no value (1/0, true/false)";
      return std::nullopt;
    }
    case K::Text:
    case K::Date:
    case K::DateTime:
      return nlohmann::json(text::to_nfc(s));
  }
  return std::nullopt;
}

std::string value_text(const nlohmann::json& v) {
  if (v.is_null()) return {};
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "1" : "0";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  return v.dump();
}

}  // namespace secmap::edit
