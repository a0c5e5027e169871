// Incident filters: the category, severity and status masks select exactly the
// incidents SpatiaLite's SQL selects with the same WHERE, the shader draws exactly the incidents
// the CPU filter accepts, and changing a filter never re-uploads geometry.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/incident_filter.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::test {
namespace {

using namespace secmap::render;

// A synthetic demo province (no real data needed), built once for the program.
const std::filesystem::path& demo_db() {
  static const std::filesystem::path db = [] {
    const auto dir = scratch_dir("render_incident_filters");
    const auto path = dir / "demo.sqlite";
    const auto r = run_command(secmap_binary().string() + " demo " + path.string() +
                               " --synthetic --force --incidents 6000");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return path;
  }();
  return db;
}

// SQL list of quoted codes.
std::string in_list(const std::vector<std::string>& codes) {
  std::string s;
  for (const auto& c : codes) s += (s.empty() ? "'" : ",'") + c + "'";
  return "(" + s + ")";
}

struct Case {
  std::vector<std::string> categories;  // empty: all
  std::vector<std::string> severities;  // empty: all; "none" = NULL
  std::vector<std::string> statuses;    // empty: all
  std::string from, to;                 // empty: all dates
};

// The filter for a case, built from the code lists' indices (the loader's own mapping).
IncidentFilter filter_of(const MapData& d, const Case& c) {
  IncidentFilter f;
  if (!c.categories.empty()) {
    f.category_mask.fill(0);
    for (const auto& code : c.categories) {
      const int i = d.incident_categories.index_of(code);
      EXPECT_GE(i, 0) << code;
      f.category_mask[i / 32] |= 1u << (i % 32);
    }
  }
  if (!c.severities.empty()) {
    f.severity_mask = 0;
    for (const auto& code : c.severities)
      f.severity_mask |=
          1u << (code == "none" ? Incidents::kNoSeverity : d.severities.index_of(code));
  }
  if (!c.statuses.empty()) {
    f.status_mask = 0;
    for (const auto& code : c.statuses) f.status_mask |= 1u << d.case_statuses.index_of(code);
  }
  if (!c.from.empty()) f.days = {*day_number(c.from), *day_number(c.to)};
  return f;
}

long long sql_count(store::Database& db, const Case& c, const std::string& commune = "") {
  std::string sql = "SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL";
  if (!c.categories.empty()) sql += " AND category IN " + in_list(c.categories);
  if (!c.severities.empty()) {
    std::vector<std::string> codes;
    bool none = false;
    for (const auto& s : c.severities) s == "none" ? void(none = true) : codes.push_back(s);
    sql += " AND (severity IN " + in_list(codes) + (none ? " OR severity IS NULL)" : ")");
  }
  if (!c.statuses.empty()) sql += " AND status IN " + in_list(c.statuses);
  if (!c.from.empty())
    sql += " AND substr(occurred_at, 1, 10) BETWEEN '" + c.from + "' AND '" + c.to + "'";
  if (!commune.empty()) sql += " AND commune_code = '" + commune + "'";
  auto st = db.prepare(sql);
  EXPECT_TRUE(st.step());
  return st.column_int(0);
}

std::vector<std::string> codes_where(store::Database& db, const std::string& sql) {
  std::vector<std::string> out;
  auto st = db.prepare(sql);
  while (st.step()) out.push_back(st.column_text(0));
  return out;
}

TEST(IncidentFilters, CountsEqualSqlCountWithTheSameWhere) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  ASSERT_GT(d.incidents.size(), 1000u);
  ASSERT_EQ(d.incidents.category.size(), d.incidents.size());
  // Categories of two groups that have incidents, the most common severity and no severity,
  // statuses that count as cleared, and a campaign-like window, in combinations.
  const auto drugs =
      codes_where(db, "SELECT code FROM incident_categories WHERE group_code = 'DR'");
  const auto so = codes_where(db, "SELECT code FROM incident_categories WHERE group_code = 'SO'");
  const auto top = codes_where(
      db, "SELECT category FROM incidents GROUP BY category ORDER BY count(*) DESC LIMIT 3");
  const auto cleared = codes_where(db, "SELECT code FROM case_statuses WHERE cleared = 1");
  const std::vector<Case> cases = {
      {},
      {drugs, {}, {}, "", ""},
      {so, {"nghiem_trong", "none"}, {}, "", ""},
      {{}, {"rat_nghiem_trong", "dac_biet_nghiem_trong"}, {}, "", ""},
      {{}, {}, cleared, "", ""},
      {{}, {"none"}, {}, "", ""},
      {top, {}, {"received", "solved"}, "2024-12-15", "2025-02-14"},
      {{}, {}, {}, "2025-01-01", "2025-06-30"},
  };
  int nonzero = 0, partial = 0;
  for (size_t k = 0; k < cases.size(); ++k) {
    const IncidentFilter f = filter_of(d, cases[k]);
    const long long want = sql_count(db, cases[k]);
    EXPECT_EQ(static_cast<long long>(count_incidents(d.incidents, f)), want) << "case " << k;
    nonzero += want > 0;
    partial += want > 0 && want < static_cast<long long>(d.incidents.size());
    // Per commune too, on the commune with most incidents.
    const auto counts = incident_counts(d.incidents, d.communes.size(), f);
    const auto busiest = std::max_element(counts.begin(), counts.end()) - counts.begin();
    EXPECT_EQ(counts[busiest], sql_count(db, cases[k], d.communes[busiest].code)) << "case " << k;
  }
  EXPECT_GE(nonzero, 6);  // the cases select something ...
  EXPECT_GE(partial, 5);  // ... and not everything
}

// Renders into an offscreen target and reads it back.
std::vector<uint8_t> draw(MapRenderer& r, Framebuffer& fb, const View& v, const MapOptions& o) {
  fb.bind();
  r.render(v, o);
  return fb.read_rgba();
}

TEST(IncidentFilters, ShaderDrawsWhatTheCpuFilterAcceptsWithoutUploads) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  EglContext context;
  constexpr int W = 640, H = 480;
  Framebuffer fb(W, H, 1);
  MapRenderer renderer(d);
  // Zoomed on the busiest commune, incidents alone in one colour, as symbols.
  const auto counts = d.incident_counts(INT32_MIN / 2, INT32_MAX / 2);
  const int c = static_cast<int>(std::max_element(counts.begin(), counts.end()) - counts.begin());
  const View v = View::fit(d.communes[c].bbox, W, H);
  MapOptions o;
  o.plain = true;
  o.layers = {"incidents"};
  o.binning = MapOptions::Binning::Off;
  const std::vector<uint8_t> all = draw(renderer, fb, v, o);
  const uint64_t uploads = renderer.geometry_uploads();

  MapOptions none = o;
  none.status_mask = 0;
  const std::vector<uint8_t> empty = draw(renderer, fb, v, none);

  MapOptions some = o;  // serious, not cleared, in one group's categories
  const int dr = d.incident_groups.index_of("DR");
  some.category_mask.fill(0);
  for (size_t k = 0; k < d.category_group.size(); ++k)
    if (d.category_group[k] == dr || k % 3 == 0) some.category_mask[k / 32] |= 1u << (k % 32);
  some.severity_mask = (1u << d.severities.index_of("nghiem_trong")) |
                       (1u << d.severities.index_of("rat_nghiem_trong"));
  some.status_mask = ~(1u << d.case_statuses.index_of("solved"));
  const std::vector<uint8_t> filtered = draw(renderer, fb, v, some);
  EXPECT_EQ(renderer.geometry_uploads(), uploads) << "a filter change uploaded geometry";

  // Every pixel the filtered render inks lies near an incident the CPU filter accepts, and every
  // accepted incident in the view inks its pixel.
  const IncidentFilter f = some.incident_filter();
  std::vector<geo::Point> accepted, rejected;
  for (size_t i = 0; i < d.incidents.size(); ++i)
    (f.accepts(d.incidents, i) ? accepted : rejected).push_back(v.to_pixel(d.incidents.at[i]));
  auto inked = [&](const std::vector<uint8_t>& img, int x, int y) {
    return img[(static_cast<size_t>(y) * W + x) * 4] < 128;  // plain: black on white
  };
  size_t inked_pixels = 0, checked = 0, inked_empty = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) {
      inked_empty += inked(empty, x, y);
      if (!inked(filtered, x, y)) continue;
      ++inked_pixels;
      bool near = false;
      for (const auto& p : accepted)
        if (std::hypot(p.x - (x + 0.5), p.y - (y + 0.5)) <= 4.5) near = true;
      EXPECT_TRUE(near) << "pixel " << x << "," << y << " inked away from accepted incidents";
      if (!near) return;
    }
  for (const auto& p : accepted) {
    if (p.x < 2 || p.y < 2 || p.x > W - 3 || p.y > H - 3) continue;
    ++checked;
    EXPECT_TRUE(inked(filtered, static_cast<int>(p.x), static_cast<int>(p.y)))
        << "accepted incident at " << p.x << "," << p.y << " not drawn";
  }
  EXPECT_EQ(inked_empty, 0u) << "no status shown, yet pixels were drawn";
  EXPECT_GT(checked, 5u);
  EXPECT_GT(inked_pixels, 0u);
  size_t all_inked = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) all_inked += inked(all, x, y);
  EXPECT_GT(all_inked, inked_pixels);  // the filter removed something
}

// Issue 3: the commune count and rate styles count the incidents the filters select, the same
// set the incident layer draws: per commune, the class each commune is drawn in and the legend's
// numbers agree with SQL for the filtered set, and the renderer's legend follows a filter change
// without re-uploading geometry.
TEST(IncidentFilters, CountStyleAndLegendFollowTheFiltersAsSqlCountsThem) {
  auto db = store::Database::open(demo_db());
  const MapData d = load_map_data(db);
  const auto so = codes_where(db, "SELECT code FROM incident_categories WHERE group_code = 'SO'");
  const auto drugs =
      codes_where(db, "SELECT code FROM incident_categories WHERE group_code = 'DR'");
  std::vector<std::string> cats = drugs;
  cats.insert(cats.end(), so.begin(), so.end());
  const Case c{cats,
               {"nghiem_trong", "rat_nghiem_trong", "none"},
               {"received", "investigated", "solved", "processed"},
               "2024-06-01",
               "2025-12-31"};
  const IncidentFilter f = filter_of(d, c);
  const CommuneColours got = style_communes(d, StyleKind::Count, Lang::En, f);
  const CommuneColours dates_only = style_communes(d, StyleKind::Count, Lang::En, f.days);
  // SQL per commune with the same WHERE.
  std::vector<long long> want(d.communes.size());
  int differ = 0;
  const auto by_date = incident_counts(d.incidents, d.communes.size(), IncidentFilter{f.days});
  for (size_t i = 0; i < d.communes.size(); ++i) {
    want[i] = sql_count(db, c, d.communes[i].code);
    differ += want[i] != by_date[i];
  }
  ASSERT_GT(differ, 3) << "the case should filter more than dates do";
  // Each class's label "lo – hi (n)" holds exactly its communes' SQL counts.
  std::map<int, std::pair<long long, long long>> range;  // class → min, max SQL count
  std::map<int, int> members;
  for (size_t i = 0; i < d.communes.size(); ++i) {
    ASSERT_GE(got.cls[i], 0);
    EXPECT_EQ(got.cls[i] == 0, want[i] == 0) << d.communes[i].code;
    auto& r = range.try_emplace(got.cls[i], want[i], want[i]).first->second;
    r.first = std::min(r.first, want[i]);
    r.second = std::max(r.second, want[i]);
    ++members[got.cls[i]];
  }
  ASSERT_EQ(got.legend.entries.size(), range.size());
  size_t e = 0;
  for (const auto& [cls, r] : range) {
    const std::string& label = got.legend.entries[e++].label;
    long long lo = -1, hi = -1, n = -1;
    if (std::sscanf(label.c_str(), "%lld – %lld (%lld)", &lo, &hi, &n) != 3) {
      ASSERT_EQ(std::sscanf(label.c_str(), "%lld (%lld)", &hi, &n), 2) << label;
      lo = hi;
    }
    EXPECT_LE(lo, r.first) << label;
    EXPECT_GE(hi, r.second) << label;
    EXPECT_EQ(n, members[cls]) << label;
  }
  bool legend_differs = got.legend.entries.size() != dates_only.legend.entries.size();
  for (size_t k = 0; !legend_differs && k < got.legend.entries.size(); ++k)
    legend_differs = got.legend.entries[k].label != dates_only.legend.entries[k].label;
  EXPECT_TRUE(legend_differs) << "the legend ignores the filters";

  // The renderer's commune legend follows the filters (cached per filter, no uploads).
  EglContext context;
  Framebuffer fb(320, 240, 1);
  fb.bind();
  MapRenderer renderer(d);
  MapOptions o;
  o.style = StyleKind::Count;
  o.lang = Lang::En;
  o.layers = {"communes"};
  o.days = f.days;
  const View v = View::fit(d.extent, 320, 240);
  renderer.render(v, o);
  const uint64_t uploads = renderer.geometry_uploads();
  o.category_mask = f.category_mask;
  o.severity_mask = f.severity_mask;
  o.status_mask = f.status_mask;
  renderer.render(v, o);
  EXPECT_EQ(renderer.geometry_uploads(), uploads);
  const auto legend = renderer.legend(o);
  ASSERT_FALSE(legend.empty());
  ASSERT_EQ(legend[0].entries.size(), got.legend.entries.size());
  for (size_t k = 0; k < got.legend.entries.size(); ++k)
    EXPECT_EQ(legend[0].entries[k].label, got.legend.entries[k].label);
}

}  // namespace
}  // namespace secmap::test
