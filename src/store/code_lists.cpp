#include "store/code_lists.h"

namespace secmap::store {

const std::vector<std::string>& code_list_tables() {
  static const std::vector<std::string> tables = {
      "incident_groups",    "incident_categories", "severities",        "case_statuses",
      "drug_free_statuses", "antt_standards",      "movement_classes",  "designation_types",
      "crossing_kinds",     "facility_kinds",      "cooperation_kinds", "commune_kinds",
      "patrol_modes"};
  return tables;
}

CodeLists CodeLists::load(Database& db) {
  CodeLists out;
  for (const std::string& table : code_list_tables()) {
    const bool grouped = table == "incident_categories";
    const bool flagged = table == "crossing_kinds";
    const bool clearing = table == "case_statuses";
    Statement st = db.prepare("SELECT code, name_vi, name_en" +
                              std::string(grouped ? ", group_code" : ", ''") +
                              (flagged ? ", sensitive" : ", 0") + (clearing ? ", cleared" : ", 0") +
                              " FROM " + table + " ORDER BY sort_order, code");
    auto& list = out.lists_[table];
    while (st.step())
      list.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3),
                      st.column_int(4) != 0, st.column_int(5) != 0});
  }
  return out;
}

const Code* CodeLists::find(std::string_view table, std::string_view code) const {
  auto it = lists_.find(table);
  if (it == lists_.end()) return nullptr;
  for (const Code& c : it->second)  // lists are short (≤ ~110 entries)
    if (c.code == code) return &c;
  return nullptr;
}

const std::vector<Code>& CodeLists::list(std::string_view table) const {
  static const std::vector<Code> empty;
  auto it = lists_.find(table);
  return it == lists_.end() ? empty : it->second;
}

std::vector<std::string> CodeLists::tables() const {
  std::vector<std::string> out;
  for (const auto& [name, list] : lists_) out.push_back(name);
  return out;
}

}  // namespace secmap::store
