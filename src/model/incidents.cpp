#include "model/incidents.h"

#include <unordered_map>

#include "store/civil_date.h"

namespace secmap::model {

uint16_t IncidentTable::code_of(const std::vector<std::string>& list, std::string_view code) const {
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i] == code) return static_cast<uint16_t>(i);
  return kNoCode;
}

namespace {

// Code list → (codes in sort order, extra flag column).
void load_list(store::Database& db, const char* sql, std::vector<std::string>& codes,
               std::vector<uint8_t>* flags) {
  auto st = db.prepare(sql);
  while (st.step()) {
    codes.push_back(st.column_text(0));
    if (flags) flags->push_back(st.column_int(1) ? 1 : 0);
  }
}

}  // namespace

IncidentTable load_incidents(store::Database& db, const CommuneSet& communes,
                             const IncidentQuery& q) {
  IncidentTable t;
  load_list(db, "SELECT code, social_order FROM incident_groups ORDER BY sort_order, code",
            t.group_codes, &t.group_social_order);
  load_list(db, "SELECT code FROM severities ORDER BY sort_order, code", t.severity_codes, nullptr);
  load_list(db, "SELECT code, cleared FROM case_statuses ORDER BY sort_order, code", t.status_codes,
            &t.status_cleared);
  std::vector<std::string> cat_groups;
  {
    auto st =
        db.prepare("SELECT code, group_code FROM incident_categories ORDER BY sort_order, code");
    while (st.step()) {
      t.category_codes.push_back(st.column_text(0));
      cat_groups.push_back(st.column_text(1));
    }
  }
  t.category_group.resize(t.category_codes.size());
  for (size_t i = 0; i < cat_groups.size(); ++i)
    t.category_group[i] = t.code_of(t.group_codes, cat_groups[i]);
  const std::vector<uint16_t>& cat_group = t.category_group;

  // Small-string lookups: few distinct codes, so cache by text.
  std::unordered_map<std::string, uint16_t> cat_ix, sev_ix, stat_ix;
  for (size_t i = 0; i < t.category_codes.size(); ++i) cat_ix[t.category_codes[i]] = uint16_t(i);
  for (size_t i = 0; i < t.severity_codes.size(); ++i) sev_ix[t.severity_codes[i]] = uint16_t(i);
  for (size_t i = 0; i < t.status_codes.size(); ++i) stat_ix[t.status_codes[i]] = uint16_t(i);

  std::string sql = "SELECT commune_code, occurred_at, category, severity, status";
  // X()/Y() read the SpatiaLite blob directly; cheaper than decoding WKB per row.
  if (q.points) sql += ", id, X(geom), Y(geom)";
  if (q.commune_only && !q.points) sql += ", id";
  sql += " FROM incidents WHERE deleted = 0";
  if (q.points) sql += " AND geom IS NOT NULL";
  if (q.commune_only) sql += " AND geom IS NULL AND commune_code IS NOT NULL";
  if (q.from) sql += " AND occurred_at >= '" + store::format_day(*q.from) + "'";
  // occurred_at may carry a time: compare with the day after the window.
  if (q.to) sql += " AND occurred_at < '" + store::format_day(*q.to + 1) + "'";
  if (q.points || q.commune_only) sql += " ORDER BY id";
  auto st = db.prepare(sql);
  auto text_of = [&](int col, std::string_view& out) {
    size_t n = 0;
    const uint8_t* p = st.column_blob_data(col, &n);
    out = p ? std::string_view(reinterpret_cast<const char*>(p), n) : std::string_view();
    return p != nullptr;
  };
  std::string key;
  auto lookup = [&](std::unordered_map<std::string, uint16_t>& m, std::string_view v) {
    key.assign(v);
    const auto it = m.find(key);
    return it == m.end() ? kNoCode : it->second;
  };
  std::string last_commune;
  int32_t last_commune_ix = -1;
  while (st.step()) {
    std::string_view commune, occurred, cat, sev, stat;
    const bool has_commune = text_of(0, commune);
    text_of(1, occurred);
    text_of(2, cat);
    const bool has_sev = text_of(3, sev);
    text_of(4, stat);
    const auto d = store::parse_day(occurred);
    if (!d) continue;  // not a date: cannot be placed in any window
    int32_t ci = -1;
    if (has_commune) {
      if (commune != last_commune) {  // incidents often come in runs of one commune
        last_commune.assign(commune);
        last_commune_ix = communes.find(commune);
      }
      ci = last_commune_ix;
    }
    const uint16_t c = lookup(cat_ix, cat);
    if (c == kNoCode) continue;  // foreign keys make this impossible in a valid store
    t.commune.push_back(ci);
    t.day.push_back(*d);
    t.category.push_back(c);
    t.group.push_back(cat_group[c]);
    t.severity.push_back(has_sev ? lookup(sev_ix, sev) : kNoCode);
    const uint16_t s = lookup(stat_ix, stat);
    t.status.push_back(s == kNoCode ? 0 : s);
    if (q.points) {
      t.id.push_back(st.column_int(5));
      t.lonlat.push_back({st.column_double(6), st.column_double(7)});
    } else if (q.commune_only) {
      t.id.push_back(st.column_int(5));
    }
  }
  return t;
}

std::optional<int32_t> last_incident_day(store::Database& db) {
  const auto last = db.query_text("SELECT max(occurred_at) FROM incidents WHERE deleted = 0");
  return last ? store::parse_day(*last) : std::nullopt;
}

}  // namespace secmap::model
