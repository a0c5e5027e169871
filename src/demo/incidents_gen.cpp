#include "demo/incidents_gen.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "demo/calendar.h"

namespace secmap::demo {

namespace {

// Share of each incident group (percent of all records). Unknown groups get 1.
double group_weight(const std::string& g) {
  static const std::map<std::string, double> w = {
      {"SO", 30}, {"DR", 13}, {"TR", 13}, {"AD", 8}, {"SE", 5}, {"BX", 7},   {"EC", 5},
      {"FR", 4},  {"PO", 4},  {"WX", 4},  {"EN", 3}, {"CY", 3}, {"NS", 0.6}, {"OF", 0.4}};
  auto it = w.find(g);
  return it == w.end() ? 1.0 : it->second;
}

// Relative weight of a category within its group: the common offences dominate.
double category_weight(const std::string& c) {
  static const std::map<std::string, double> w = {
      {"SO-06", 30}, {"SO-02", 18}, {"SO-07", 10}, {"SO-08", 8}, {"SO-04", 7},  {"SO-03", 4},
      {"SO-14", 4},  {"SO-16", 3},  {"SO-17", 3},  {"SO-05", 2}, {"SO-19", 2},  {"SO-01", 1.5},
      {"DR-01", 30}, {"DR-04", 25}, {"DR-03", 8},  {"DR-02", 3}, {"BX-01", 25}, {"BX-05", 25},
      {"BX-03", 15}, {"BX-07", 12}, {"BX-06", 8},  {"BX-02", 5}, {"BX-08", 5},  {"WX-04", 40},
      {"WX-01", 12}, {"WX-03", 10}, {"WX-05", 8},  {"WX-02", 6}, {"TR-01", 30}, {"TR-03", 25},
      {"TR-05", 15}, {"TR-06", 8},  {"SE-01", 12}, {"SE-02", 6}, {"SE-03", 4}};
  auto it = w.find(c);
  return it == w.end() ? 1.0 : it->second;
}

enum Where { kUrban, kCrossing, kRural, kBorderArea, kAnywhere, kWhereCount };

// Where incidents of a group happen: towns, crossings, rural hotspots, border communes, or
// anywhere in proportion to population.
std::array<double, kWhereCount> where_mix(const std::string& g) {
  if (g == "SO") return {0.50, 0.05, 0.15, 0.05, 0.25};
  if (g == "DR") return {0.30, 0.25, 0.10, 0.20, 0.15};
  if (g == "BX") return {0.03, 0.67, 0.00, 0.30, 0.00};
  if (g == "WX") return {0.35, 0.25, 0.10, 0.10, 0.20};
  if (g == "TR") return {0.65, 0.05, 0.10, 0.00, 0.20};
  if (g == "SE") return {0.55, 0.05, 0.15, 0.00, 0.25};
  if (g == "EC") return {0.45, 0.25, 0.05, 0.05, 0.20};
  return {0.35, 0.05, 0.15, 0.05, 0.40};
}

struct Hotspot {
  geo::Point at;
  double sd_m;
};

struct Incident {
  int64_t day = 0;
  int second = 0;
  size_t order = 0;
  std::string category, group;
  std::optional<std::string> severity;
  std::string status;
  geo::Point p;
  int commune = -1;
  bool cross_border = false;
};

// Daily intensity for a group: yearly decline, Tết build-up, a quieter Tết itself, early-spring
// festivals, a gentle annual cycle and busier weekends for street offences.
double day_weight(int64_t day, const std::string& g) {
  const int y = year_of(day);
  double f = y == 2024 ? 1.0 : y == 2025 ? 0.95 : 0.92;
  const double build = g == "WX" ? 3.0 : g == "BX" ? 1.2 : 0.6;
  for (const auto& t : tet_days()) {
    const int64_t before = t.day - day;
    if (before >= 1 && before <= 42)
      f *= 1.0 + build * (1.0 - (before - 1) / 42.0);
    else if (day >= t.day && day <= t.day + 3)
      f *= 0.8;
    else if (day > t.day + 3 && day <= t.day + 15)
      f *= 1.15;
  }
  f *= 1.0 + 0.08 * std::sin(2.0 * M_PI * static_cast<double>(day % 365) / 365.0);
  if ((g == "SO" || g == "TR" || g == "SE") && weekday(day) >= 5) f *= 1.15;
  return f;
}

int sample_second(Rng& rng, const std::string& g) {
  // Street and border offences lean to evenings and nights; traffic to rush hours.
  static const double night[24] = {5, 4, 3, 3, 2, 2, 2, 3, 3, 3, 3, 3,
                                   3, 3, 3, 3, 4, 5, 6, 7, 8, 8, 7, 6};
  static const double traffic[24] = {1, 1, 1, 1, 1, 2, 4, 7, 7, 4, 3, 4,
                                     5, 4, 3, 4, 6, 8, 8, 6, 4, 3, 2, 1};
  static const double office[24] = {1, 1, 1, 1, 1, 1, 2, 4, 7, 8, 8, 7,
                                    5, 6, 7, 8, 7, 5, 3, 2, 2, 1, 1, 1};
  const double* h = (g == "TR")                                                       ? traffic
                    : (g == "SO" || g == "DR" || g == "BX" || g == "SE" || g == "WX") ? night
                                                                                      : office;
  const int hour = static_cast<int>(rng.weighted({h, 24}));
  return hour * 3600 + static_cast<int>(rng.below(3600));
}

}  // namespace

IncidentStats generate_incidents(store::Database& db, const World& w, Rng& rng, size_t count,
                                 const std::vector<int>& years) {
  const CodeBook& codes = *w.codes;
  const int64_t first = demo_first_day(), last = demo_last_day();
  const size_t ndays = static_cast<size_t>(last - first + 1);

  // Groups and categories as they are in the database.
  std::vector<std::string> groups = codes.codes("incident_groups");
  std::map<std::string, std::vector<std::string>> cats;
  std::map<std::string, std::vector<double>> cat_w;
  for (const auto& c : codes.codes("incident_categories")) {
    const std::string& g = codes.category_groups().at(c);
    cats[g].push_back(c);
    cat_w[g].push_back(category_weight(c));
  }
  std::erase_if(groups, [&](const std::string& g) { return cats[g].empty(); });
  if (groups.empty()) throw store::StoreError("demo: the incident category code list is empty");
  std::vector<double> gw;
  for (const auto& g : groups) gw.push_back(group_weight(g));
  // Cumulative daily intensity per group, sampled by binary search.
  std::map<std::string, std::vector<double>> cdf;
  for (const auto& g : groups) {
    auto& v = cdf[g];
    v.resize(ndays);
    double acc = 0;
    for (size_t d = 0; d < ndays; ++d) {
      const int64_t day = first + static_cast<int64_t>(d);
      const bool wanted =
          years.empty() || std::find(years.begin(), years.end(), year_of(day)) != years.end();
      v[d] = acc += wanted ? day_weight(day, g) : 0.0;
    }
    if (acc <= 0)
      throw store::StoreError("demo: --years selects no day of 2024-01-01 … 2026-11-15");
  }

  // Hotspots: wards, crossings (gates weigh more than trails) and rural market centres.
  std::vector<Hotspot> urban, crossing, rural;
  std::vector<double> urban_w, crossing_w, rural_w, pop_w, border_w;
  for (const auto& c : w.communes) {
    pop_w.push_back(static_cast<double>(c.population));
    border_w.push_back(c.is_border ? static_cast<double>(c.population) : 0.0);
    if (!c.urban) continue;
    urban.push_back({c.centre, 1200});
    urban_w.push_back(static_cast<double>(c.population));
  }
  const std::string intl = codes.pick("crossing_kinds", "international_gate", 0);
  const std::string main_gate = codes.pick("crossing_kinds", "main_gate", 1);
  for (const auto& x : w.crossings) {
    if (x.commune < 0) continue;
    const bool gate = x.kind == intl || x.kind == main_gate;
    crossing.push_back({x.at, gate ? 1500.0 : 700.0});
    crossing_w.push_back(x.kind == intl ? 6.0 : gate ? 3.0 : 1.0);
  }
  for (int k = 0; k < 25; ++k) {
    const auto& c = w.communes[rng.weighted(pop_w)];
    rural.push_back({c.centre, 2000});
    rural_w.push_back(rng.uniform(0.5, 1.5));
  }
  if (std::all_of(border_w.begin(), border_w.end(), [](double x) { return x == 0; }))
    border_w = pop_w;

  auto from_hotspot = [&](const std::vector<Hotspot>& hs, const std::vector<double>& hw,
                          geo::Point& p) {
    if (hs.empty()) return false;
    const Hotspot& h = hs[rng.weighted(hw)];
    for (int tries = 0; tries < 20; ++tries) {
      const double mx = 111320.0 * std::cos(h.at.y * M_PI / 180.0);
      p = {h.at.x + rng.normal() * h.sd_m / mx, h.at.y + rng.normal() * h.sd_m / 110574.0};
      if (w.locate(p) >= 0) return true;  // spill-over across the border is drawn again
    }
    return false;
  };

  const auto& sevs = codes.codes("severities");
  const auto& statuses = codes.codes("case_statuses");
  auto status_pick = [&](std::initializer_list<std::pair<const char*, double>> options) {
    std::vector<std::string> names;
    std::vector<double> ws;
    for (const auto& [code, weight] : options)
      if (codes.has("case_statuses", code)) names.push_back(code), ws.push_back(weight);
    if (names.empty()) return statuses.empty() ? std::string("received") : statuses.front();
    return names[rng.weighted(ws)];
  };

  std::vector<Incident> out(count);
  for (size_t i = 0; i < count; ++i) {
    Incident& inc = out[i];
    inc.order = i;
    inc.group = groups[rng.weighted(gw)];
    const auto& g = inc.group;
    const auto& v = cdf[g];
    const double r = rng.uniform() * v.back();
    inc.day = first + (std::upper_bound(v.begin(), v.end(), r) - v.begin());
    inc.day = std::min(inc.day, last);
    inc.second = sample_second(rng, g);
    inc.category = cats[g][rng.weighted(cat_w[g])];

    const auto mix = where_mix(g);
    const auto where = static_cast<Where>(rng.weighted(mix));
    bool ok = false;
    if (where == kUrban)
      ok = from_hotspot(urban, urban_w, inc.p);
    else if (where == kCrossing)
      ok = from_hotspot(crossing, crossing_w, inc.p);
    else if (where == kRural)
      ok = from_hotspot(rural, rural_w, inc.p);
    if (!ok) {
      const auto& weights = where == kBorderArea || where == kCrossing ? border_w : pop_w;
      inc.p = random_point_in(w, static_cast<int>(rng.weighted(weights)), rng);
    }
    inc.commune = w.locate(inc.p);

    // Cross-border: border crimes by nature; drugs and weapons when found near the line.
    const bool at_border = where == kCrossing || where == kBorderArea;
    if (g == "BX")
      inc.cross_border =
          inc.category == "BX-04" || inc.category == "BX-09" ? rng.chance(0.3) : true;
    else if (g == "DR")
      inc.cross_border = rng.chance(at_border ? 0.7 : 0.08);
    else if (g == "WX")
      inc.cross_border = at_border && rng.chance(0.5);

    // Severity: Penal Code classes for crimes; none for administrative and non-crime records.
    const bool crime =
        !(g == "AD" || g == "PO" || g == "FR" || (g == "TR" && inc.category != "TR-01"));
    bool grave = false;
    if (crime && !sevs.empty()) {
      std::array<double, 4> sw{55, 30, 11, 4};
      if (g == "DR")
        sw = {30, 35, 23, 12};
      else if (g == "NS")
        sw = {20, 40, 25, 15};
      else if (inc.category == "SO-01")
        sw = {0, 0, 30, 70};
      else if (inc.category == "TR-01")
        sw = {60, 30, 8, 2};
      std::vector<double> ws(sevs.size(), 1.0);
      for (size_t k = 0; k < ws.size() && k < sw.size(); ++k) ws[k] = sw[k];
      const size_t k = rng.weighted(ws);
      inc.severity = sevs[k];
      grave = k >= 2;  // rất / đặc biệt nghiêm trọng: the separate clearance KPI
    }

    // Status ages with the case: old files are mostly cleared, recent ones still open.
    const int64_t age = last - inc.day;
    if (!crime) {
      inc.status = age < 10 ? status_pick({{"received", 6}, {"processed", 4}})
                            : status_pick({{"processed", 5}, {"resolved", 5}, {"received", 0.3}});
    } else {
      double pc = age > 365 ? 0.87 : age > 180 ? 0.85 : age > 60 ? 0.70 : age > 14 ? 0.45 : 0.15;
      if (grave) pc = std::min(0.95, pc + 0.06);
      if (rng.chance(pc)) {
        inc.status = age > 240 ? status_pick({{"solved", 35},
                                              {"prosecuted", 20},
                                              {"tried", 35},
                                              {"tried_exemplary", 3},
                                              {"tried_mobile", 4},
                                              {"tried_summary", 3}})
                               : status_pick({{"solved", 70}, {"prosecuted", 25}, {"tried", 5}});
        // The summary procedure is only for less-serious crimes (the validator's rule): a graver
        // case drawn for it is tried the ordinary way.
        if (inc.status == "tried_summary" && inc.severity && *inc.severity != "it_nghiem_trong")
          inc.status = "tried";
      } else if (age > 180) {
        inc.status = status_pick({{"suspended", 50}, {"investigated", 35}, {"instituted", 15}});
      } else {
        inc.status = status_pick({{"received", age < 14 ? 60.0 : 15.0},
                                  {"investigated", 45},
                                  {"instituted", 20},
                                  {"processed", 10}});
      }
    }
  }

  // Chronological ids and case numbers numbered per year.
  std::sort(out.begin(), out.end(), [](const Incident& a, const Incident& b) {
    if (a.day != b.day) return a.day < b.day;
    if (a.second != b.second) return a.second < b.second;
    return a.order < b.order;
  });
  auto st = db.prepare(
      "INSERT INTO incidents (case_number, category, occurred_at, severity, status, commune_code, "
      "outside_communes, cross_border, campaign_tags, description, sensitive, deleted, source, "
      "is_demo, updated_at, updated_by, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, 1, "
      "?, 'secmap demo', MakePoint(?, ?, 4326))");
  IncidentStats stats;
  std::map<int, int> serial;
  for (const auto& inc : out) {
    const int year = year_of(inc.day);
    char case_no[32];
    std::snprintf(case_no, sizeof case_no, "DEMO-%04d-%06d", year, ++serial[year]);
    const std::string tags = campaign_tags_for(inc.day);
    st.reset();
    st.bind(1, case_no)
        .bind(2, inc.category)
        .bind(3, iso_datetime(inc.day, inc.second))
        .bind(4, inc.severity)
        .bind(5, inc.status)
        .bind(6, inc.commune >= 0
                     ? std::optional<std::string>(w.communes[static_cast<size_t>(inc.commune)].code)
                     : std::nullopt)
        .bind(7, inc.commune >= 0 ? 0 : 1)
        .bind(8, inc.cross_border ? 1 : 0)
        .bind(9, tags.empty() ? std::optional<std::string>() : tags)
        .bind(10, "[demo] " + codes.name_vi("incident_categories", inc.category))
        .bind(11, w.source_note)
        .bind(12, kDemoTimestamp)
        .bind(13, inc.p.x)
        .bind(14, inc.p.y);
    st.run();
    if (inc.commune >= 0) {
      auto& all = stats.all_by_year[year];
      auto& drugs = stats.drugs_by_year[year];
      all.resize(w.communes.size());
      drugs.resize(w.communes.size());
      ++all[static_cast<size_t>(inc.commune)];
      if (inc.group == "DR") ++drugs[static_cast<size_t>(inc.commune)];
    }
  }
  stats.total = out.size();
  return stats;
}

}  // namespace secmap::demo
