#include "io/column_plan.h"

#include <algorithm>

#include "io/column_names.h"
#include "io/importer.h"

namespace secmap::io {

namespace {

constexpr const char* kPseudoFields[] = {"commune", "province"};

// The column a pseudo-field reads: the one --map names, else the first whose name is one of
// its usual names; -1 when none (or --map gave it none).
int pseudo_column(const model::Table& layer, const std::vector<std::string>& cols,
                  const std::map<std::string, std::string>& user_map, std::string_view pseudo,
                  const std::string& where) {
  if (auto m = user_map.find(std::string(pseudo)); m != user_map.end()) {
    if (m->second.empty()) return -1;
    for (size_t i = 0; i < cols.size(); ++i)
      if (cols[i] == m->second || column_key(cols[i]) == column_key(m->second))
        return static_cast<int>(i);
    throw ImportError(where + ": --map " + std::string(pseudo) + "=" + m->second +
                      ": the source has no column '" + m->second + "'");
  }
  for (const std::string& key : column_name_keys(layer.layer, pseudo))
    for (size_t i = 0; i < cols.size(); ++i)
      if (column_key(cols[i]) == key) return static_cast<int>(i);
  return -1;
}

}  // namespace

ColumnPlan plan_columns(const model::Table& layer, const std::vector<std::string>& cols,
                        const std::vector<std::string>& coordinate_columns,
                        const std::map<std::string, std::string>& user_map,
                        const std::string& where, bool list_missing) {
  ColumnPlan plan;
  // Incidents may name their commune instead of giving coordinates (a list kept by commune).
  if (layer.table == "incidents") {
    plan.commune_column = pseudo_column(layer, cols, user_map, "commune", where);
    if (plan.commune_column >= 0)
      plan.province_column = pseudo_column(layer, cols, user_map, "province", where);
  }
  std::map<std::string, std::string> field_map = user_map;  // without the pseudo-fields
  for (const char* pseudo : kPseudoFields) field_map.erase(pseudo);
  plan.bindings =
      bind_fields(layer, cols, field_map, where, list_missing ? &plan.missing_required : nullptr);

  // What fills what, and what fills nothing: every source column is accounted for.
  for (const auto& b : plan.bindings)
    if (b.source_index >= 0) plan.mapping.emplace_back(b.source_name, b.field->name);
  if (!layer.geometry.empty())  // a layer without geometry keeps such columns like any other
    for (const auto& c : coordinate_columns)
      plan.mapping.emplace_back(c, layer.geometry == "POINT" ? "location" : "geometry");
  if (plan.commune_column >= 0)
    plan.mapping.emplace_back(cols[plan.commune_column], "commune (of rows without coordinates)");
  if (plan.province_column >= 0)
    plan.mapping.emplace_back(cols[plan.province_column], "province (of that commune)");
  for (const auto& c : cols)
    if (std::none_of(plan.mapping.begin(), plan.mapping.end(),
                     [&](const auto& m) { return m.first == c; }))
      plan.unused_columns.push_back(c);
  return plan;
}

std::vector<std::string> mappable_fields(const model::Table& layer) {
  std::vector<std::string> out;
  for (const model::Column* c : layer.import_columns()) out.push_back(c->name);
  if (layer.table == "incidents")
    for (const char* pseudo : kPseudoFields) out.emplace_back(pseudo);
  return out;
}

}  // namespace secmap::io
