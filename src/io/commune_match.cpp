#include "io/commune_match.h"

#include "text/unicode.h"

namespace secmap::io {

namespace {

std::string alnum(std::string_view folded) {
  std::string out;
  for (char c : folded)
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

std::string describe(const model::CommuneName& c) {
  return (c.full_name.empty() ? c.name : c.full_name) + " (" + c.code +
         (c.province_name.empty() ? "" : ", " + c.province_name) + ")";
}

}  // namespace

std::string commune_name_key(std::string_view name) {
  std::string f = text::fold_for_search(name);
  // "(thành phố Lào Cai)" after an old name says where it was, not what it was called.
  if (const size_t paren = f.find('('); paren != std::string::npos) f.erase(paren);
  return alnum(model::without_unit_word(f));
}

CommuneMatcher::CommuneMatcher(std::vector<model::CommuneName> communes)
    : communes_(std::move(communes)) {
  for (size_t i = 0; i < communes_.size(); ++i) {
    const model::CommuneName& c = communes_[i];
    if (!c.current) continue;
    by_code_.emplace(c.code, i);
    const std::string a = commune_name_key(c.name), b = commune_name_key(c.full_name);
    if (!a.empty()) by_name_[a].push_back(i);
    if (!b.empty() && b != a) by_name_[b].push_back(i);
    std::string_view rest = c.before_merger;
    while (!rest.empty()) {
      const size_t comma = rest.find(',');
      const std::string old = commune_name_key(rest.substr(0, comma));
      if (!old.empty()) merged_in_[old].push_back(i);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
  }
}

CommuneMatcher::Match CommuneMatcher::find(std::string_view written,
                                           std::string_view province) const {
  const std::string w(written);
  if (auto it = by_code_.find(w); it != by_code_.end()) return {communes_[it->second].code, {}};
  const std::string key = commune_name_key(written);
  const std::string prov = commune_name_key(province);
  auto in_province = [&](size_t i) {
    return prov.empty() || commune_name_key(communes_[i].province_name) == prov ||
           alnum(text::fold_for_search(communes_[i].province_name)) == prov;
  };
  if (auto it = by_name_.find(key); it != by_name_.end()) {
    std::vector<size_t> hits;
    for (size_t i : it->second)
      if (in_province(i)) hits.push_back(i);
    if (hits.size() == 1) return {communes_[hits.front()].code, {}};
    if (hits.size() > 1) {
      std::string list;
      for (size_t i : hits) list += (list.empty() ? "" : "; ") + describe(communes_[i]);
      return {{},
              "'" + w + "' names " + std::to_string(hits.size()) + " communes (" + list +
                  "); add a province column or --province, or give the commune's code"};
    }
    return {{}, "no commune named '" + w + "' in province '" + std::string(province) + "'"};
  }
  if (auto it = merged_in_.find(key); it != merged_in_.end()) {
    std::string list;
    for (size_t i : it->second)
      if (in_province(i)) list += (list.empty() ? "" : " or ") + describe(communes_[i]);
    if (!list.empty())
      return {{},
              "'" + w + "' is a commune from before the 2025 merger, now part of " + list +
                  "; write that commune (or its code)"};
  }
  return {{},
          "no current commune named '" + w +
              "' (nor a code); check the spelling or give the "
              "commune's code"};
}

}  // namespace secmap::io
