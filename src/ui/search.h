// Search communes, crossings and facilities by name or code, ignoring diacritics and case
// ("muong khuong" finds "Mường Khương", "dong" finds "Đồng"), through text::fold_for_search.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "ui/features.h"

namespace secmap::ui {

struct SearchHit {
  FeatureRef ref;
  std::string name;    // as stored (NFC, with diacritics)
  std::string detail;  // code or kind, for telling equal names apart
};

// Hits whose name, other name or code contains the query; names starting with it come first,
// then communes before points, then alphabetical by folded name. Empty query: no hits.
std::vector<SearchHit> search_features(const FeatureIndex& index, std::string_view query,
                                       size_t limit = 50);

}  // namespace secmap::ui
