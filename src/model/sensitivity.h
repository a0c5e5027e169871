// Which records are sensitive (never in a public view, export or text without
// --include-sensitive): a record is sensitive by its own `sensitive` flag, or by its kind when the
// kind's code list says so (crossing_kinds.sensitive: openings and trails). Every reader and the
// writer ask this one rule, so a file imported without a `sensitive` column cannot leak a trail.
#pragma once
#include <string_view>

#include "store/code_lists.h"

namespace secmap::model {

class SensitivityRule {
 public:
  explicit SensitivityRule(const store::CodeLists& codes) : codes_(&codes) {}
  // Records of this table and kind are sensitive whatever their flag says.
  bool kind_is_sensitive(std::string_view table, std::string_view kind) const;
  // A record of table with this flag and kind.
  bool operator()(std::string_view table, bool flag, std::string_view kind) const {
    return flag || kind_is_sensitive(table, kind);
  }

 private:
  const store::CodeLists* codes_;
};

}  // namespace secmap::model
