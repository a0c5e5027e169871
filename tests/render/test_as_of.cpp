// What a map shows is true for the window it names: commune statuses as of the window's last
// day (checked against SQL on the demo database), and only the patrol routes of the window —
// the one rule the window, its panes, presentation, the deck and `secmap render` all draw with.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "demo/demo_builder.h"
#include "geo/crs.h"
#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "render/style.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

int32_t day(const char* iso) {
  return *day_number(iso);
}

// Communes per drug-free status code in force on `as_of` by SQL: each commune's latest period
// that starts on or before it and names a drug-free status.
std::map<std::string, int> sql_drug_free(store::Database& db, const std::string& as_of) {
  auto st = db.prepare(
      "SELECT s.drug_free, count(*) FROM communes c JOIN commune_status s ON s.id = ("
      "  SELECT id FROM commune_status WHERE commune_code = c.code AND drug_free IS NOT NULL "
      "  AND period_from <= ?1 ORDER BY period_from DESC, id DESC LIMIT 1) "
      "WHERE c.valid_to IS NULL GROUP BY s.drug_free");
  st.bind(1, as_of);
  std::map<std::string, int> out;
  while (st.step()) out[st.column_text(0)] = static_cast<int>(st.column_int(1));
  return out;
}

std::map<std::string, int> map_drug_free(const MapData& d, DayRange window) {
  const CommuneColours c = style_communes(d, StyleKind::DrugFree, Lang::En, window);
  std::map<std::string, int> out;
  for (int cls : c.cls)
    if (cls >= 0) ++out[d.drug_free_statuses.entries[size_t(cls)].code];
  return out;
}

TEST(AsOf, StatusesAreThoseInForceOnTheWindowsLastDay) {
  const auto path = test::scratch_dir("as_of_demo") / "demo.sqlite";
  demo::DemoOptions opt;
  opt.synthetic = true;
  opt.incidents = 500;
  opt.replace = true;
  demo::build_demo(path, opt);
  auto db = store::Database::open(path);
  const MapData d = load_map_data(db);
  std::map<std::string, int> seen_latest;
  for (const char* end : {"2023-06-30", "2024-02-14", "2025-02-14", "2026-12-31"}) {
    SCOPED_TRACE(end);
    const DayRange window{day(end) - 60, day(end)};
    EXPECT_EQ(map_drug_free(d, window), sql_drug_free(db, end));
  }
  // Two windows with different periods in force differ (the demo's statuses change by year), so
  // the comparison above cannot pass by showing one set of statuses for every window.
  EXPECT_NE(map_drug_free(d, {day("2024-01-01"), day("2024-02-14")}),
            map_drug_free(d, {day("2026-01-01"), day("2026-12-31")}));
  // An open window shows the latest statuses.
  EXPECT_EQ(map_drug_free(d, DayRange{}), sql_drug_free(db, "9999-12-31"));
}

TEST(AsOf, EachPeriodOverridesOnlyWhatItSets) {
  Commune c;
  using P = Commune::StatusPeriod;
  c.statuses = {{day("2024-01-01"), 1, 0, P::kUnset},
                {day("2025-01-01"), 0, P::kUnset, 2},
                {day("2026-01-01"), -1, P::kUnset, P::kUnset}};  // a code not in the list
  EXPECT_EQ(status_on(c, day("2023-12-31")).drug_free, -1);      // nothing in force yet
  EXPECT_EQ(status_on(c, day("2024-06-01")).drug_free, 1);
  EXPECT_EQ(status_on(c, day("2024-06-01")).movement, -1);
  EXPECT_EQ(status_on(c, day("2025-01-01")).drug_free, 0);
  EXPECT_EQ(status_on(c, day("2025-01-01")).antt, 0);  // kept from 2024
  EXPECT_EQ(status_on(c, day("2025-01-01")).movement, 2);
  EXPECT_EQ(status_on(c, day("2026-03-01")).drug_free, -1);  // unknown code: no data, not 2025's
  EXPECT_EQ(status_on(c, day("2026-03-01")).movement, 2);
}

// Ink pixels of a plain render in image row y (0 = top).
int ink_in_row(const std::vector<uint8_t>& rgba, int width, int y) {
  int n = 0;
  for (int x = 0; x < width; ++x) n += rgba[(size_t(y) * width + x) * 4] < 128;
  return n;
}

TEST(AsOf, PatrolLayerDrawsOnlyTheRoutesOfTheWindow) {
  MapData d;
  auto route = [&](double lat, const char* from, const char* to) {
    Patrol p;
    p.name = std::string("route ") + from;
    p.starts_at = from;
    p.ends_at = to;
    p.start_day = day_number(from);
    p.end_day = day_number(to);
    for (double lon = 103.9; lon <= 104.3; lon += 0.05)
      p.line.push_back(geo::lonlat_to_mercator({lon, lat}));
    for (const auto& q : p.line) d.extent.add(q);
    d.patrols.push_back(p);
  };
  route(22.3, "2025-06-10", "2025-06-12");  // top row: June 2025
  route(22.2, "2024-01-05", "2024-01-05");  // middle: January 2024
  route(22.1, "", "");                      // bottom: undated, a standing plan
  d.extent.add(geo::lonlat_to_mercator({103.85, 22.05}));
  d.extent.add(geo::lonlat_to_mercator({104.35, 22.35}));
  d.origin = {(d.extent.min_x + d.extent.max_x) / 2, (d.extent.min_y + d.extent.max_y) / 2};

  EglContext context;
  constexpr int W = 200, H = 120;
  Framebuffer fb(W, H, 1);
  MapRenderer r(d);
  const View v = View::fit(d.extent, W, H);
  auto row_of = [&](double lat) {
    return int(std::lround(v.to_pixel(geo::lonlat_to_mercator({104.1, lat})).y));
  };
  MapOptions o;
  o.layers = {"patrols"};
  o.plain = true;
  auto draw = [&](const char* from, const char* to) {
    o.days = {day(from), day(to)};
    fb.bind();
    r.render(v, o);
    return fb.read_rgba();
  };
  const auto june = draw("2025-06-01", "2025-06-30");
  EXPECT_GT(ink_in_row(june, W, row_of(22.3)), W / 2);
  EXPECT_EQ(ink_in_row(june, W, row_of(22.2)), 0);
  EXPECT_GT(ink_in_row(june, W, row_of(22.1)), W / 2);
  const auto january = draw("2024-01-01", "2024-01-31");
  EXPECT_EQ(ink_in_row(january, W, row_of(22.3)), 0);
  EXPECT_GT(ink_in_row(january, W, row_of(22.2)), W / 2);
  EXPECT_GT(ink_in_row(january, W, row_of(22.1)), W / 2);
  // Routes ending the day before the window or starting the day after are outside it.
  const auto between = draw("2025-06-13", "2025-06-30");
  EXPECT_EQ(ink_in_row(between, W, row_of(22.3)), 0);
}

}  // namespace
}  // namespace secmap::render
