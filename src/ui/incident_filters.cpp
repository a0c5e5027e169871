#include "ui/incident_filters.h"

#include <stdexcept>

namespace secmap::ui {
namespace {

using render::Incidents;

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(',', start);
    if (end == std::string_view::npos) end = s.size();
    std::string w(s.substr(start, end - start));
    while (!w.empty() && w.back() == ' ') w.pop_back();
    while (!w.empty() && w.front() == ' ') w.erase(w.begin());
    if (!w.empty()) out.push_back(w);
    start = end + 1;
  }
  return out;
}

const render::CodeList& list_of(const render::MapData& d, FilterList l) {
  return l == FilterList::Categories   ? d.incident_categories
         : l == FilterList::Severities ? d.severities
                                       : d.case_statuses;
}

int none_bit(FilterList l) {
  return l == FilterList::Categories   ? Incidents::kNoCategory
         : l == FilterList::Severities ? Incidents::kNoSeverity
                                       : Incidents::kNoStatus;
}

bool bit(const render::MapOptions& o, FilterList l, int b) {
  if (l == FilterList::Categories) return category_shown(o, b);
  const uint32_t m = l == FilterList::Severities ? o.severity_mask : o.status_mask;
  return (m >> b) & 1u;
}

void set_bit(render::MapOptions& o, FilterList l, int b, bool on) {
  if (l == FilterList::Categories) return set_category_shown(o, b, on);
  uint32_t& m = l == FilterList::Severities ? o.severity_mask : o.status_mask;
  m = on ? (m | 1u << b) : (m & ~(1u << b));
}

}  // namespace

bool category_shown(const render::MapOptions& o, int c) {
  return (o.category_mask[(c >> 5) & 3] >> (c & 31)) & 1u;
}

void set_category_shown(render::MapOptions& o, int c, bool on) {
  uint32_t& w = o.category_mask[(c >> 5) & 3];
  w = on ? (w | 1u << (c & 31)) : (w & ~(1u << (c & 31)));
}

std::vector<std::string> hidden_codes(const render::MapData& d, const render::MapOptions& o,
                                      FilterList l) {
  std::vector<std::string> out;
  const render::CodeList& list = list_of(d, l);
  for (size_t i = 0; i < list.size() && static_cast<int>(i) < none_bit(l); ++i)
    if (!bit(o, l, static_cast<int>(i))) out.push_back(list.entries[i].code);
  if (!bit(o, l, none_bit(l))) out.push_back("none");
  return out;
}

void show_only(const render::MapData& d, render::MapOptions& o, FilterList l,
               std::string_view codes) {
  const render::CodeList& list = list_of(d, l);
  const std::vector<std::string> words = split(codes);
  if (words.size() == 1 && words[0] == "all") {
    if (l == FilterList::Categories) o.category_mask.fill(0xFFFFFFFFu);
    if (l == FilterList::Severities) o.severity_mask = 0xFFFFFFFFu;
    if (l == FilterList::Statuses) o.status_mask = 0xFFFFFFFFu;
    return;
  }
  render::MapOptions next = o;
  if (l == FilterList::Categories) {  // the categories named, whatever the group filter was
    next.category_mask.fill(0);
    next.group_mask = 0xFFFFFFFFu;
  }
  if (l == FilterList::Severities) next.severity_mask = 0;
  if (l == FilterList::Statuses) next.status_mask = 0;
  for (const std::string& w : words) {
    if (w == "none") {
      set_bit(next, l, none_bit(l), true);
      continue;
    }
    const int i = list.index_of(w);
    if (i >= 0 && i < none_bit(l)) {
      set_bit(next, l, i, true);
      continue;
    }
    // A group code stands for its categories.
    const int g = l == FilterList::Categories ? d.incident_groups.index_of(w) : -1;
    if (g < 0)
      throw std::invalid_argument("unknown code '" + w + "' (codes are in the " +
                                  (l == FilterList::Categories   ? "incident_categories"
                                   : l == FilterList::Severities ? "severities"
                                                                 : "case_statuses") +
                                  " list)");
    for (size_t c = 0; c < d.category_group.size(); ++c)
      if (d.category_group[c] == g) set_bit(next, l, static_cast<int>(c), true);
  }
  o = next;
}

void hide_codes(const render::MapData& d, render::MapOptions& o, FilterList l,
                const std::vector<std::string>& codes) {
  for (const std::string& code : codes) {
    if (code == "none") {
      set_bit(o, l, none_bit(l), false);
      continue;
    }
    const int i = list_of(d, l).index_of(code);
    if (i >= 0 && i < none_bit(l)) set_bit(o, l, i, false);
  }
}

void clear_code_filters(render::MapOptions& o) {
  o.group_mask = 0xFFFFFFFFu;
  o.category_mask.fill(0xFFFFFFFFu);
  o.severity_mask = 0xFFFFFFFFu;
  o.status_mask = 0xFFFFFFFFu;
}

}  // namespace secmap::ui
