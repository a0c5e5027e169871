#include "store/layers.h"

namespace secmap::store {

namespace {
using F = FieldType;
FieldInfo f(std::string name, F type, bool required = false, std::string code_list = {}) {
  return FieldInfo{std::move(name), type, required, std::move(code_list)};
}
}  // namespace

const std::vector<LayerInfo>& layers() {
  static const std::vector<LayerInfo> all = {
      {"communes",
       "communes",
       "MULTIPOLYGON",
       {f("code", F::Text, true), f("name", F::Text, true), f("full_name", F::Text),
        f("name_en", F::Text), f("kind", F::Text, false, "commune_kinds"),
        f("province_code", F::Text), f("province_name", F::Text), f("population", F::Integer),
        f("area_km2", F::Real), f("is_border", F::Boolean), f("valid_from", F::Date),
        f("valid_to", F::Date)},
       "code"},
      {"border",
       "border_line",
       "MULTILINESTRING",
       {f("name", F::Text, true), f("country_a", F::Text), f("country_b", F::Text)},
       ""},
      {"border_segments",
       "border_segments",
       "LINESTRING",
       {f("border_id", F::Integer, true), f("segment_id", F::Text, true),
        f("scheme", F::Text, true), f("seq", F::Integer, true), f("commune_code", F::Text),
        f("name", F::Text), f("length_m", F::Real)},
       "segment_id"},
      {"patrols",
       "patrols",
       "LINESTRING",
       {f("name", F::Text, true), f("unit", F::Text), f("mode", F::Text, false, "patrol_modes"),
        f("state", F::Text), f("starts_at", F::DateTime), f("ends_at", F::DateTime),
        f("joint", F::Boolean), f("sensitive", F::Boolean)},
       ""},
      {"designations",
       "designations",
       "POINT",
       {f("type", F::Text, true, "designation_types"), f("name", F::Text, true),
        f("level", F::Text), f("year", F::Integer), f("state", F::Text),
        f("commune_code", F::Text)},
       ""},
      {"facilities",
       "facilities",
       "POINT",
       {f("name", F::Text, true), f("kind", F::Text, true, "facility_kinds"), f("country", F::Text),
        f("commune_code", F::Text), f("sensitive", F::Boolean), f("notes", F::Text)},
       ""},
      {"crossings",
       "crossings",
       "POINT",
       {f("name", F::Text, true), f("alt_name", F::Text),
        f("kind", F::Text, true, "crossing_kinds"), f("status", F::Text), f("counterpart", F::Text),
        f("commune_code", F::Text), f("sensitive", F::Boolean), f("notes", F::Text)},
       ""},
      {"cooperation",
       "cooperation_events",
       "POINT",
       {f("kind", F::Text, true, "cooperation_kinds"), f("occurred_on", F::Date, true),
        f("vn_party", F::Text, true), f("counterpart", F::Text, true), f("subject", F::Text),
        f("notes", F::Text), f("counterpart_lon", F::Real), f("counterpart_lat", F::Real),
        f("sensitive", F::Boolean)},
       ""},
      {"incidents",
       "incidents",
       "POINT",
       {f("case_number", F::Text), f("category", F::Text, true, "incident_categories"),
        f("occurred_at", F::DateTime, true), f("severity", F::Text, false, "severities"),
        f("status", F::Text, false, "case_statuses"), f("cross_border", F::Boolean),
        f("campaign_tags", F::Text), f("description", F::Text)},
       "case_number"},
      {"commune_status",
       "commune_status",
       "",
       {f("commune_code", F::Text, true), f("period_from", F::Date, true), f("period_to", F::Date),
        f("drug_free", F::Text, false, "drug_free_statuses"),
        f("antt_standard", F::Text, false, "antt_standards"),
        f("movement_class", F::Text, false, "movement_classes"), f("residential_areas", F::Integer),
        f("residential_areas_safe", F::Integer)},
       ""},
      {"campaigns",
       "campaigns",
       "",
       {f("code", F::Text, true), f("name", F::Text, true), f("name_en", F::Text),
        f("date_from", F::Date, true), f("date_to", F::Date, true), f("province", F::Text)},
       "code"},
  };
  return all;
}

const LayerInfo* find_layer(std::string_view name) {
  for (const auto& l : layers())
    if (l.name == name) return &l;
  return nullptr;
}

}  // namespace secmap::store
