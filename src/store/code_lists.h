// The code lists of a database (categories, severities, statuses, kinds …) loaded once, for
// validating imported values and writing legends in Vietnamese or English.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace secmap::store {

struct Code {
  std::string code;
  std::string name_vi;
  std::string name_en;
  std::string group;       // incident_categories: group_code; empty elsewhere
  bool sensitive = false;  // crossing_kinds: records of this kind are sensitive (openings, trails)
  bool cleared = false;    // case_statuses: a case in this status counts as cleared
};

class CodeLists {
 public:
  // Reads every code-list table of the schema, each in sort_order.
  static CodeLists load(Database& db);

  // The entry, or nullptr for an unknown table or code.
  const Code* find(std::string_view table, std::string_view code) const;
  // All entries of a table in sort order; empty for an unknown table.
  const std::vector<Code>& list(std::string_view table) const;
  bool contains(std::string_view table, std::string_view code) const {
    return find(table, code) != nullptr;
  }
  // Names of the code-list tables.
  std::vector<std::string> tables() const;

 private:
  std::map<std::string, std::vector<Code>, std::less<>> lists_;
};

// Names of the code-list tables in schema v1.
const std::vector<std::string>& code_list_tables();

}  // namespace secmap::store
