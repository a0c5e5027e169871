// Communes as a list names them: every commune, current or from before the 2025 merger, with
// the names it goes by and, where its source file gave it, the communes merged into it
// ("before_merger", kept with the row at import). For finding the commune a row names when it
// has no coordinates.
#pragma once
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::model {

struct CommuneName {
  std::string code, name, full_name, province_name;
  bool current = false;       // valid_to is empty
  std::string before_merger;  // "Xã Tả Phời, Xã Hợp Thành" or empty
};

std::vector<CommuneName> load_commune_names(store::Database& db);

}  // namespace secmap::model
