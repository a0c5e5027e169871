#include "analysis/aggregate.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <tuple>

#include "model/layer_records.h"

namespace secmap::analysis {

std::vector<int64_t> count_per_commune(const IncidentTable& t, size_t n_communes,
                                       const IncidentFilter& f) {
  const FilterMask keep(t, f);
  std::vector<int64_t> counts(n_communes, 0);
  const size_t n = t.size();
  for (size_t i = 0; i < n; ++i) {
    const int32_t c = t.commune[i];
    if (c >= 0 && keep(t, i)) ++counts[static_cast<size_t>(c)];
  }
  return counts;
}

Period parse_period(const std::string& s) {
  if (s == "all") return Period::All;
  if (s == "day") return Period::Day;
  if (s == "week") return Period::Week;
  if (s == "month") return Period::Month;
  if (s == "year") return Period::Year;
  if (s == "campaign") return Period::Campaign;
  throw std::invalid_argument("unknown period '" + s + "' (all|day|week|month|year|campaign)");
}

Breakdown parse_breakdown(const std::string& s) {
  if (s == "none") return Breakdown::None;
  if (s == "group") return Breakdown::Group;
  if (s == "category") return Breakdown::Category;
  if (s == "severity") return Breakdown::Severity;
  if (s == "status") return Breakdown::Status;
  throw std::invalid_argument("unknown breakdown '" + s +
                              "' (none|group|category|severity|status)");
}

std::vector<AggregateRow> aggregate(const IncidentTable& t, const CommuneSet& communes,
                                    const AggregateOptions& o) {
  const FilterMask keep(t, o.filter);
  // (commune, period, key) → count; ISO period labels sort chronologically as text.
  std::map<std::tuple<int32_t, std::string, std::string>, int64_t> cells;
  auto key_of = [&](size_t i) -> std::string {
    switch (o.by) {
      case Breakdown::None:
        return {};
      case Breakdown::Group:
        return t.group_codes[t.group[i]];
      case Breakdown::Category:
        return t.category_codes[t.category[i]];
      case Breakdown::Severity:
        return t.severity[i] == kNoCode ? std::string("none") : t.severity_codes[t.severity[i]];
      case Breakdown::Status:
        return t.status_codes[t.status[i]];
    }
    return {};
  };
  for (size_t i = 0; i < t.size(); ++i) {
    const int32_t c = t.commune[i];
    if (c < 0 || !keep(t, i)) continue;
    const int32_t d = t.day[i];
    const std::string k = key_of(i);
    switch (o.period) {
      case Period::All:
        ++cells[{c, std::string(), k}];
        break;
      case Period::Day:
        ++cells[{c, format_day(d), k}];
        break;
      case Period::Week:
        ++cells[{c, iso_week_label(d), k}];
        break;
      case Period::Month:
        ++cells[{c, format_month(month_index(d)), k}];
        break;
      case Period::Year:
        ++cells[{c, std::to_string(civil_from_days(d).year), k}];
        break;
      case Period::Campaign:
        for (const auto& w : o.campaigns)
          if (w.contains(d)) ++cells[{c, w.label, k}];
        break;
    }
  }
  if (o.include_zero && o.by == Breakdown::None && o.period == Period::All)
    for (size_t c = 0; c < communes.size(); ++c) cells.try_emplace({int32_t(c), "", ""}, 0);

  std::vector<AggregateRow> rows;
  rows.reserve(cells.size());
  for (const auto& [k, n] : cells) {
    AggregateRow r;
    r.commune = std::get<0>(k);
    r.period = std::get<1>(k);
    r.key = std::get<2>(k);
    r.count = n;
    const auto& pop = communes.population[static_cast<size_t>(r.commune)];
    if (pop && *pop > 0) r.rate_per_10k = double(n) * 1e4 / double(*pop);
    rows.push_back(std::move(r));
  }
  // Communes are indexed in code order, so the map order is already code, period, key.
  return rows;
}

std::vector<Window> load_campaigns(store::Database& db) {
  std::vector<Window> out;
  for (const model::CampaignRecord& c : model::load_campaigns(db))
    out.push_back({c.code, c.from, c.to});
  return out;
}

}  // namespace secmap::analysis
