#include "ui/search.h"

#include <algorithm>
#include <tuple>

#include "model/commune_names.h"
#include "text/unicode.h"

namespace secmap::ui {

std::vector<SearchHit> search_features(const FeatureIndex& index, std::string_view query,
                                       size_t limit) {
  struct Ranked {
    bool prefix;
    int kind;
    std::string key;
    SearchHit hit;
  };
  std::vector<Ranked> ranked;
  std::string needle;
  try {
    needle = text::fold_for_search(query);
  } catch (const std::exception&) {
    return {};  // invalid UTF-8 typed in: nothing matches
  }
  if (needle.empty()) return {};
  // "xa bat xat" finds the commune Bát Xát: communes are named without their unit word.
  const std::string commune_needle(model::without_unit_word(needle));
  auto consider = [&](FeatureRef ref, const std::string& name, const std::string& other,
                      const std::string& code, std::string detail) {
    const std::string key = text::fold_for_search(name);
    const bool in_name = key.find(needle) != std::string::npos ||
                         (ref.kind == FeatureKind::Commune && !commune_needle.empty() &&
                          key.find(commune_needle) != std::string::npos);
    const bool in_other = !other.empty() && text::search_matches(other, needle);
    const bool in_code = !code.empty() && text::search_matches(code, needle);
    if (!in_name && !in_other && !in_code) return;
    ranked.push_back({key.rfind(needle, 0) == 0 ||
                          (ref.kind == FeatureKind::Commune && key.rfind(commune_needle, 0) == 0),
                      static_cast<int>(ref.kind),
                      key,
                      {ref, name, std::move(detail)}});
  };
  const auto& communes = index.data().communes;
  for (size_t i = 0; i < communes.size(); ++i)
    consider({FeatureKind::Commune, static_cast<int>(i)}, communes[i].name, {}, communes[i].code,
             communes[i].code);
  for (size_t i = 0; i < index.crossings().size(); ++i) {
    const auto& r = index.crossings()[i];
    consider({FeatureKind::Crossing, static_cast<int>(i)}, r.name, r.alt_name, {}, r.kind);
  }
  for (size_t i = 0; i < index.facilities().size(); ++i) {
    const auto& r = index.facilities()[i];
    consider({FeatureKind::Facility, static_cast<int>(i)}, r.name, {}, {}, r.kind);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return std::tie(b.prefix, a.kind, a.key) < std::tie(a.prefix, b.kind, b.key);
  });
  std::vector<SearchHit> out;
  for (auto& r : ranked) {
    if (out.size() >= limit) break;
    out.push_back(std::move(r.hit));
  }
  return out;
}

}  // namespace secmap::ui
