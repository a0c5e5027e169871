// The commune a row names when it has no coordinates: "Xã Bản Phiệt", "phuong lao cai", "Lào
// Cai" or a code. Names are compared without diacritics, case or the unit word (xã, phường,
// thị trấn, đặc khu); a name that several provinces share needs the province. A name of a
// commune merged away in 2025 is refused with the commune it became part of, never guessed.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/commune_names.h"

namespace secmap::io {

// "xa ban phiet" → "banphiet": folded, the unit word dropped, letters and digits only.
std::string commune_name_key(std::string_view name);

class CommuneMatcher {
 public:
  explicit CommuneMatcher(std::vector<model::CommuneName> communes);

  struct Match {
    std::string code;     // the current commune, or empty
    std::string problem;  // why there is none (English), with the fix
  };
  // `province` (a name, possibly empty) narrows a name several provinces share.
  Match find(std::string_view written, std::string_view province) const;

 private:
  std::vector<model::CommuneName> communes_;
  std::unordered_map<std::string, std::vector<size_t>> by_name_;    // current communes
  std::unordered_map<std::string, std::vector<size_t>> merged_in_;  // old name → its new commune
  std::unordered_map<std::string, size_t> by_code_;
};

}  // namespace secmap::io
