#include "edit/tables.h"

#include <charconv>
#include <cmath>

#include "text/unicode.h"

namespace secmap::edit {

namespace {

using K = ColumnKind;

std::vector<TableSpec> make_tables() {
  std::vector<TableSpec> t;
  t.push_back({"incidents",
               "POINT",
               true,
               true,
               {{"case_number", K::Text},
                {"category", K::Text, true, "incident_categories"},
                {"occurred_at", K::DateTime, true},
                {"severity", K::Text, false, "severities"},
                {"status", K::Text, false, "case_statuses"},
                {"cross_border", K::Boolean},
                {"campaign_tags", K::Text},
                {"description", K::Text},
                {"sensitive", K::Boolean},
                {"source", K::Text}},
               {"commune_code", "outside_communes"}});
  t.push_back({"commune_status",
               "",
               false,
               false,
               {{"commune_code", K::Text, true},
                {"period_from", K::Date, true},
                {"period_to", K::Date},
                {"drug_free", K::Text, false, "drug_free_statuses"},
                {"antt_standard", K::Text, false, "antt_standards"},
                {"movement_class", K::Text, false, "movement_classes"},
                {"residential_areas", K::Integer},
                {"residential_areas_safe", K::Integer},
                {"source", K::Text}},
               {}});
  t.push_back({"designations",
               "POINT",
               false,
               false,
               {{"type", K::Text, true, "designation_types"},
                {"name", K::Text, true},
                {"level", K::Text},
                {"year", K::Integer},
                {"state", K::Text},
                {"commune_code", K::Text},
                {"source", K::Text}},
               {}});
  t.push_back({"crossings",
               "POINT",
               true,
               false,
               {{"name", K::Text, true},
                {"alt_name", K::Text},
                {"kind", K::Text, true, "crossing_kinds"},
                {"status", K::Text},
                {"counterpart", K::Text},
                {"commune_code", K::Text},
                {"sensitive", K::Boolean},
                {"notes", K::Text},
                {"source", K::Text}},
               {}});
  t.push_back({"facilities",
               "POINT",
               true,
               false,
               {{"name", K::Text, true},
                {"kind", K::Text, true, "facility_kinds"},
                {"country", K::Text},
                {"counterpart_id", K::Integer},
                {"commune_code", K::Text},
                {"sensitive", K::Boolean},
                {"notes", K::Text},
                {"source", K::Text}},
               {}});
  t.push_back({"cooperation_events",
               "POINT",
               false,
               false,
               {{"kind", K::Text, true, "cooperation_kinds"},
                {"occurred_on", K::Date, true},
                {"vn_party", K::Text, true},
                {"counterpart", K::Text, true},
                {"crossing_id", K::Integer},
                {"facility_id", K::Integer},
                {"subject", K::Text},
                {"notes", K::Text},
                {"counterpart_lon", K::Real},
                {"counterpart_lat", K::Real},
                {"sensitive", K::Boolean},
                {"source", K::Text}},
               {}});
  t.push_back({"campaigns",
               "",
               false,
               false,
               {{"code", K::Text, true},
                {"name", K::Text, true},
                {"name_en", K::Text},
                {"date_from", K::Date, true},
                {"date_to", K::Date, true},
                {"province", K::Text},
                {"source", K::Text}},
               {}});
  t.push_back({"patrols",
               "LINESTRING",
               true,
               false,
               {{"name", K::Text, true},
                {"unit", K::Text},
                {"mode", K::Text, false, "patrol_modes"},
                {"state", K::Text},
                {"starts_at", K::DateTime},
                {"ends_at", K::DateTime},
                {"joint", K::Boolean},
                {"sensitive", K::Boolean},
                {"source", K::Text}},
               {}});
  return t;
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

const ColumnSpec* TableSpec::column(std::string_view name) const {
  for (const ColumnSpec& c : columns)
    if (c.name == name) return &c;
  return nullptr;
}

const std::vector<TableSpec>& editable_tables() {
  static const std::vector<TableSpec> tables = make_tables();
  return tables;
}

const TableSpec* find_table(std::string_view table) {
  for (const TableSpec& t : editable_tables())
    if (t.table == table) return &t;
  return nullptr;
}

std::optional<nlohmann::json> parse_value(const ColumnSpec& col, std::string_view text,
                                          std::string* error) {
  const std::string s = trim(text);
  if (s.empty()) return nlohmann::json(nullptr);
  switch (col.kind) {
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
