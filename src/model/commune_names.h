// Communes as a list names them: every commune, current or from before the 2025 merger, with
// the names it goes by and, where its source file gave it, the communes merged into it
// ("before_merger", kept with the row at import). For finding the commune a row names when it
// has no coordinates.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace secmap::model {

struct CommuneName {
  std::string code, name, full_name, province_name;
  bool current = false;       // valid_to is empty
  std::string before_merger;  // "Xã Tả Phời, Xã Hợp Thành" or empty
};

std::vector<CommuneName> load_commune_names(store::Database& db);

// A folded name (text::fold_for_search) without the unit word it starts with: "xa bat xat" →
// "bat xat" ("xã", "phường", "thị trấn", "đặc khu", "tt", "p.", "x."), else as it was. Lists,
// imports and searches write the unit or leave it out; names are compared without it.
std::string_view without_unit_word(std::string_view folded);

}  // namespace secmap::model
