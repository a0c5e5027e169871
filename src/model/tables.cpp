#include "model/tables.h"

namespace secmap::model {

namespace {

using T = ColumnType;

Column c(std::string name, T type, bool required = false, std::string code_list = {}) {
  return Column{std::move(name), type, required, std::move(code_list), true, true};
}
// Set by an edit but never bound to a source column (the importer fills it itself, or it links
// records by id).
Column edit_only(std::string name, T type) {
  Column col = c(std::move(name), type);
  col.import = false;
  return col;
}

std::vector<Table> make_tables() {
  std::vector<Table> t;
  t.push_back({"communes",
               "communes",
               "MULTIPOLYGON",
               true,
               false,
               false,
               {c("code", T::Text, true), c("name", T::Text, true), c("full_name", T::Text),
                c("name_en", T::Text), c("kind", T::Text, false, "commune_kinds"),
                c("province_code", T::Text), c("province_name", T::Text),
                c("population", T::Integer), c("area_km2", T::Real), c("is_border", T::Boolean),
                c("valid_from", T::Date), c("valid_to", T::Date)},
               {},
               "code"});
  t.push_back({"border",
               "border_line",
               "MULTILINESTRING",
               true,
               false,
               false,
               {c("name", T::Text, true), c("country_a", T::Text), c("country_b", T::Text)},
               {},
               ""});
  t.push_back({"border_segments",
               "border_segments",
               "LINESTRING",
               true,
               false,
               false,
               {c("border_id", T::Integer, true), c("segment_id", T::Text, true),
                c("scheme", T::Text, true), c("seq", T::Integer, true), c("commune_code", T::Text),
                c("name", T::Text), c("length_m", T::Real)},
               {},
               "segment_id"});
  t.push_back(
      {"patrols",
       "patrols",
       "LINESTRING",
       true,
       true,
       false,
       {c("name", T::Text, true), c("unit", T::Text), c("mode", T::Text, false, "patrol_modes"),
        c("state", T::Text), c("starts_at", T::DateTime), c("ends_at", T::DateTime),
        c("joint", T::Boolean), c("sensitive", T::Boolean), edit_only("source", T::Text)},
       {},
       ""});
  t.push_back({"designations",
               "designations",
               "POINT",
               false,
               true,
               false,
               {c("type", T::Text, true, "designation_types"), c("name", T::Text, true),
                c("level", T::Text), c("year", T::Integer), c("state", T::Text),
                c("commune_code", T::Text), edit_only("source", T::Text)},
               {},
               ""});
  t.push_back(
      {"facilities",
       "facilities",
       "POINT",
       true,
       true,
       false,
       {c("name", T::Text, true), c("kind", T::Text, true, "facility_kinds"), c("country", T::Text),
        edit_only("counterpart_id", T::Integer), c("commune_code", T::Text),
        c("sensitive", T::Boolean), c("notes", T::Text), edit_only("source", T::Text)},
       {},
       ""});
  t.push_back({"crossings",
               "crossings",
               "POINT",
               true,
               true,
               false,
               {c("name", T::Text, true), c("alt_name", T::Text),
                c("kind", T::Text, true, "crossing_kinds"), c("status", T::Text),
                c("counterpart", T::Text), c("commune_code", T::Text), c("sensitive", T::Boolean),
                c("notes", T::Text), edit_only("source", T::Text)},
               {},
               ""});
  t.push_back(
      {"cooperation",
       "cooperation_events",
       "POINT",
       false,
       true,
       false,
       {c("kind", T::Text, true, "cooperation_kinds"), c("occurred_on", T::Date, true),
        c("vn_party", T::Text, true), c("counterpart", T::Text, true),
        edit_only("crossing_id", T::Integer), edit_only("facility_id", T::Integer),
        c("subject", T::Text), c("notes", T::Text), c("counterpart_lon", T::Real),
        c("counterpart_lat", T::Real), c("sensitive", T::Boolean), edit_only("source", T::Text)},
       {},
       ""});
  t.push_back({"incidents",
               "incidents",
               "POINT",
               true,
               true,
               true,
               {c("case_number", T::Text), c("category", T::Text, true, "incident_categories"),
                c("occurred_at", T::DateTime, true), c("severity", T::Text, false, "severities"),
                c("status", T::Text, false, "case_statuses"), c("cross_border", T::Boolean),
                c("campaign_tags", T::Text), c("description", T::Text),
                edit_only("sensitive", T::Boolean), edit_only("source", T::Text)},
               {"commune_code", "outside_communes"},
               "case_number"});
  t.push_back(
      {"commune_status",
       "commune_status",
       "",
       false,
       true,
       false,
       {c("commune_code", T::Text, true), c("period_from", T::Date, true), c("period_to", T::Date),
        c("drug_free", T::Text, false, "drug_free_statuses"),
        c("antt_standard", T::Text, false, "antt_standards"),
        c("movement_class", T::Text, false, "movement_classes"), c("residential_areas", T::Integer),
        c("residential_areas_safe", T::Integer), edit_only("source", T::Text)},
       {},
       ""});
  t.push_back({"campaigns",
               "campaigns",
               "",
               false,
               true,
               false,
               {c("code", T::Text, true), c("name", T::Text, true), c("name_en", T::Text),
                c("date_from", T::Date, true), c("date_to", T::Date, true), c("province", T::Text),
                edit_only("source", T::Text)},
               {},
               "code"});
  // Saved briefing views: written through the same writer and audit trail, never imported.
  Table slides{"",
               "slides",
               "",
               false,
               false,
               false,
               {c("deck", T::Text, true), c("position", T::Integer, true),
                c("title", T::Text, true), c("subtitle", T::Text), c("note", T::Text),
                c("view_json", T::Text, true), c("public", T::Boolean)},
               {},
               ""};
  for (Column& col : slides.columns) col.import = col.edit = false;
  t.push_back(std::move(slides));
  return t;
}

}  // namespace

const Column* Table::column(std::string_view name) const {
  for (const Column& col : columns)
    if (col.name == name) return &col;
  return nullptr;
}

std::vector<const Column*> Table::import_columns() const {
  std::vector<const Column*> out;
  for (const Column& col : columns)
    if (col.import) out.push_back(&col);
  return out;
}

std::vector<const Column*> Table::edit_columns() const {
  std::vector<const Column*> out;
  for (const Column& col : columns)
    if (col.edit) out.push_back(&col);
  return out;
}

const std::vector<Table>& tables() {
  static const std::vector<Table> all = make_tables();
  return all;
}

const Table* find_layer(std::string_view layer) {
  if (layer.empty()) return nullptr;
  for (const Table& t : tables())
    if (t.layer == layer) return &t;
  return nullptr;
}

const Table* find_table(std::string_view table) {
  for (const Table& t : tables())
    if (t.table == table) return &t;
  return nullptr;
}

const Table* find_editable(std::string_view table) {
  const Table* t = find_table(table);
  return t && t->editable ? t : nullptr;
}

const std::vector<std::string>& layer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const Table& t : tables())
      if (!t.layer.empty()) v.push_back(t.layer);
    return v;
  }();
  return names;
}

}  // namespace secmap::model
