#include "demo/world.h"

#include <algorithm>

#include "demo/random.h"
#include "store/code_lists.h"

namespace secmap::demo {

namespace {
const std::string kEmpty;
const std::vector<std::string> kNoCodes;
}  // namespace

CodeBook::CodeBook(store::Database& db) {
  const store::CodeLists lists = store::CodeLists::load(db);
  for (const std::string& table : store::code_list_tables()) {
    auto& codes = codes_[table];
    for (const store::Code& c : lists.list(table)) {
      codes.push_back(c.code);
      names_[table][c.code] = c.name_vi;
      if (table == "incident_categories") groups_[c.code] = c.group;
      if (table == "case_statuses") cleared_[c.code] = c.cleared;
    }
  }
}

const std::vector<std::string>& CodeBook::codes(const std::string& table) const {
  auto it = codes_.find(table);
  return it == codes_.end() ? kNoCodes : it->second;
}

bool CodeBook::has(const std::string& table, const std::string& code) const {
  const auto& list = codes(table);
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string CodeBook::pick(const std::string& table, const std::string& preferred,
                           size_t fallback_index) const {
  if (has(table, preferred)) return preferred;
  const auto& list = codes(table);
  if (list.empty()) return {};
  return list[std::min(fallback_index, list.size() - 1)];
}

const std::string& CodeBook::name_vi(const std::string& table, const std::string& code) const {
  auto t = names_.find(table);
  if (t == names_.end()) return kEmpty;
  auto c = t->second.find(code);
  return c == t->second.end() ? kEmpty : c->second;
}

bool CodeBook::cleared(const std::string& status) const {
  auto it = cleared_.find(status);
  return it != cleared_.end() && it->second;
}

geo::Point random_point_in(const World& w, int commune, Rng& rng) {
  const auto& c = w.communes[static_cast<size_t>(commune)];
  for (int i = 0; i < 2000; ++i) {
    const geo::Point p{rng.uniform(c.bbox.min_x, c.bbox.max_x),
                       rng.uniform(c.bbox.min_y, c.bbox.max_y)};
    if (w.locate(p) == commune) return p;
  }
  return c.centre;  // a sliver of a commune: its centre is inside by construction
}

}  // namespace secmap::demo
