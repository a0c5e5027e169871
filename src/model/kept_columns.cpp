#include "model/kept_columns.h"

#include <nlohmann/json.hpp>

#include "model/tables.h"

namespace secmap::model {

std::vector<std::pair<std::string, std::string>> read_kept_columns(store::Database& db,
                                                                   std::string_view table,
                                                                   int64_t id) {
  std::vector<std::pair<std::string, std::string>> out;
  const Table* spec = find_table(table);
  if (!spec) return out;
  store::Statement st = db.prepare("SELECT extra FROM \"" + spec->table + "\" WHERE id = ?1");
  st.bind(1, id);
  if (!st.step() || st.is_null(0)) return out;
  // ordered_json keeps the source's column order.
  const auto kept = nlohmann::ordered_json::parse(st.column_text(0), nullptr, false);
  if (!kept.is_object()) return out;
  for (const auto& [column, value] : kept.items())
    out.emplace_back(column, value.is_string() ? value.get<std::string>() : value.dump());
  return out;
}

}  // namespace secmap::model
