#include "model/commune_names.h"

#include <nlohmann/json.hpp>

namespace secmap::model {

std::vector<CommuneName> load_commune_names(store::Database& db) {
  std::vector<CommuneName> out;
  auto st = db.prepare(
      "SELECT code, name, full_name, province_name, valid_to IS NULL, extra FROM communes "
      "ORDER BY id");
  auto text = [&](int c) { return st.is_null(c) ? std::string() : st.column_text(c); };
  while (st.step()) {
    CommuneName n{text(0), text(1), text(2), text(3), st.column_int(4) != 0, {}};
    if (!st.is_null(5)) {
      const auto extra = nlohmann::json::parse(st.column_text(5), nullptr, false);
      if (extra.is_object())
        if (auto b = extra.find("before_merger"); b != extra.end() && b->is_string())
          n.before_merger = b->get<std::string>();
    }
    out.push_back(std::move(n));
  }
  return out;
}

std::string_view without_unit_word(std::string_view f) {
  for (std::string_view unit : {"xa ", "phuong ", "thi tran ", "dac khu ", "tt ", "p. ", "x. "})
    if (f.substr(0, unit.size()) == unit) return f.substr(unit.size());
  return f;
}

}  // namespace secmap::model
