#include "model/sensitivity.h"

namespace secmap::model {

bool SensitivityRule::kind_is_sensitive(std::string_view table, std::string_view kind) const {
  if (table != "crossings") return false;  // only crossing kinds carry the flag
  const store::Code* c = codes_->find("crossing_kinds", kind);
  return c && c->sensitive;
}

}  // namespace secmap::model
