#include "analysis/targets.h"

#include <map>

#include "analysis/dates.h"
#include "model/layer_records.h"

namespace secmap::analysis {

const char* state_name(TargetState s) {
  switch (s) {
    case TargetState::OnTrack:
      return "on_track";
    case TargetState::Behind:
      return "behind";
    case TargetState::NoData:
      return "no_data";
    case TargetState::NoTarget:
      return "no_target";
  }
  return "?";
}

namespace {

struct Goal {
  std::string comparator;
  std::optional<double> target;
};

// Targets as written in the plans: the late-2025 directive uses "above", the 2026 plan "from …
// upward"; years before 2025 have no target.
Goal goal_for(const std::string& indicator, int year) {
  if (year < 2025) return {};
  const bool y25 = year == 2025;
  if (indicator == "clearance_rate") return y25 ? Goal{">", 80} : Goal{">=", 85};
  if (indicator == "serious_clearance_rate" || indicator == "reports_resolved")
    return y25 ? Goal{">", 90} : Goal{">=", 90};
  if (y25) return {};  // the standard/classification targets start with the 2026 plan
  if (indicator == "antt_communes" || indicator == "antt_residential_areas") return {">=", 80};
  if (indicator == "excellent_communes") return {">=", 60};
  return {};
}

TargetRow make_row(const std::string& indicator, int32_t commune, int year, int64_t num,
                   int64_t den, const Goal& g) {
  TargetRow r;
  r.indicator = indicator;
  r.commune = commune;
  r.year = year;
  r.numerator = num;
  r.denominator = den;
  r.comparator = g.comparator;
  r.target = g.target;
  if (den > 0) r.value = 100.0 * double(num) / double(den);
  if (!r.value)
    r.state = TargetState::NoData;
  else if (!g.target)
    r.state = TargetState::NoTarget;
  else {
    const bool ok = g.comparator == ">" ? *r.value > *g.target : *r.value >= *g.target;
    r.state = ok ? TargetState::OnTrack : TargetState::Behind;
  }
  return r;
}

struct Status {
  bool present = false;
  std::string drug_free, antt, movement;
  std::optional<int64_t> areas, areas_safe;
};

// Per commune, the status row in force during the year (the latest one starting by its end).
std::vector<Status> statuses_for_year(store::Database& db, const CommuneSet& communes, int year) {
  std::vector<Status> out(communes.size());
  const std::string first = std::to_string(year) + "-01-01", last = std::to_string(year) + "-12-31";
  for (const model::StatusRecord& r : model::load_status_records(db)) {  // by period_from, id
    if (r.period_from > last || (!r.period_to.empty() && r.period_to < first)) continue;
    const int32_t c = communes.find(r.commune_code);
    if (c < 0) continue;
    Status& s = out[size_t(c)];  // later rows overwrite: the latest period wins
    s.present = true;
    s.drug_free = r.drug_free.value_or("");
    s.antt = r.antt.value_or("");
    s.movement = r.movement.value_or("");
    s.areas = r.areas;
    s.areas_safe = r.areas_safe;
  }
  return out;
}

// Share of communes whose field equals `code`: province row + one row per commune.
void share_of_communes(std::vector<TargetRow>& province, std::vector<TargetRow>& per_commune,
                       const std::string& indicator, int year, const std::vector<Status>& st,
                       std::string Status::*field, const std::string& code, const Goal& g) {
  int64_t yes = 0;
  for (size_t c = 0; c < st.size(); ++c) {
    const bool has = st[c].present && !(st[c].*field).empty();
    const bool ok = has && st[c].*field == code;
    yes += ok;
    per_commune.push_back(make_row(indicator, int32_t(c), year, ok, has ? 1 : 0, g));
  }
  province.push_back(make_row(indicator, -1, year, yes, int64_t(st.size()), g));
}

}  // namespace

std::vector<TargetRow> compute_targets(store::Database& db, const CommuneSet& communes,
                                       const IncidentTable& t, const TargetOptions& o) {
  const int year = o.year;
  const int32_t from = days_from_civil(year, 1, 1);
  const int32_t to = std::min(days_from_civil(year, 12, 31), o.as_of.value_or(INT32_MAX));
  const size_t n = communes.size();

  // Case rates from the incident table.
  const uint16_t very = t.code_of(t.severity_codes, "rat_nghiem_trong");
  const uint16_t especially = t.code_of(t.severity_codes, "dac_biet_nghiem_trong");
  const uint16_t received = t.code_of(t.status_codes, "received");
  struct Tally {
    int64_t cases = 0, cleared = 0, serious = 0, serious_cleared = 0, resolved = 0;
  };
  std::vector<Tally> tally(n);
  Tally all;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t.day[i] < from || t.day[i] > to || t.severity[i] == kNoCode) continue;
    const bool cleared = t.status_cleared[t.status[i]] != 0;
    const bool serious = t.severity[i] == very || t.severity[i] == especially;
    const bool resolved = t.status[i] != received;
    for (Tally* x : {&all, t.commune[i] >= 0 ? &tally[size_t(t.commune[i])] : nullptr}) {
      if (!x) continue;
      x->cases += 1;
      x->cleared += cleared;
      x->serious += serious;
      x->serious_cleared += serious && cleared;
      x->resolved += resolved;
    }
  }

  std::vector<TargetRow> province, per_commune;
  auto case_rate = [&](const std::string& ind, int64_t Tally::*num, int64_t Tally::*den) {
    const Goal g = goal_for(ind, year);
    province.push_back(make_row(ind, -1, year, all.*num, all.*den, g));
    for (size_t c = 0; c < n; ++c)
      per_commune.push_back(make_row(ind, int32_t(c), year, tally[c].*num, tally[c].*den, g));
  };
  case_rate("clearance_rate", &Tally::cleared, &Tally::cases);
  case_rate("serious_clearance_rate", &Tally::serious_cleared, &Tally::serious);
  case_rate("reports_resolved", &Tally::resolved, &Tally::cases);

  // Standards and classifications from commune_status.
  const std::vector<Status> st = statuses_for_year(db, communes, year);
  share_of_communes(province, per_commune, "antt_communes", year, st, &Status::antt, "meets",
                    goal_for("antt_communes", year));
  {
    const Goal g = goal_for("antt_residential_areas", year);
    int64_t safe = 0, areas = 0;
    for (size_t c = 0; c < n; ++c) {
      const int64_t a = st[c].areas.value_or(0), s = st[c].areas_safe.value_or(0);
      if (st[c].areas && st[c].areas_safe) safe += s, areas += a;
      per_commune.push_back(make_row("antt_residential_areas", int32_t(c), year,
                                     st[c].areas_safe ? s : 0, st[c].areas_safe ? a : 0, g));
    }
    province.push_back(make_row("antt_residential_areas", -1, year, safe, areas, g));
  }
  share_of_communes(province, per_commune, "excellent_communes", year, st, &Status::movement,
                    "excellent", goal_for("excellent_communes", year));

  // Drug-free communes: the series over the plan period, each year against the year before
  // ("giữ vững"); per commune, drug-free is on track.
  {
    std::map<int, std::pair<int64_t, bool>> by_year;  // year → (drug-free count, any data)
    for (int y = 2024; y <= 2030; ++y) {
      const auto sy = y == year ? st : statuses_for_year(db, communes, y);
      int64_t yes = 0;
      bool any = false;
      for (const auto& s : sy) {
        any = any || (s.present && !s.drug_free.empty());
        yes += s.present && s.drug_free == "drug_free";
      }
      by_year[y] = {yes, any};
    }
    for (int y = 2025; y <= 2030; ++y) {
      if (!by_year[y].second && y != year) continue;
      Goal g;
      if (by_year[y - 1].second) g = {">=", 100.0 * double(by_year[y - 1].first) / double(n)};
      TargetRow r = make_row("drug_free_communes", -1, y, by_year[y].first, int64_t(n), g);
      if (!by_year[y].second) r.value.reset(), r.state = TargetState::NoData;
      province.push_back(r);
    }
    for (size_t c = 0; c < n; ++c) {
      const bool has = st[c].present && !st[c].drug_free.empty();
      per_commune.push_back(make_row("drug_free_communes", int32_t(c), year,
                                     has && st[c].drug_free == "drug_free", has ? 1 : 0,
                                     {">=", 100.0}));
    }
  }
  province.insert(province.end(), per_commune.begin(), per_commune.end());
  return province;
}

}  // namespace secmap::analysis
