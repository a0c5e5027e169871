// Commune styles and their legends: class breaks, and for every style
// that the legend lists exactly the colours drawn, with the right commune counts, on a small
// in-memory province whose answers are known.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>

#include "analysis/aggregate.h"
#include "analysis/communes.h"
#include "analysis/hotspots.h"
#include "analysis/incidents.h"
#include "analysis/weights.h"
#include "demo/demo_builder.h"
#include "geo/crs.h"
#include "render/class_breaks.h"
#include "render/map_data.h"
#include "render/style.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

// Sum of squared deviations within classes for upper bounds over sorted values.
double within_ssd(const std::vector<double>& sorted, const std::vector<double>& upper) {
  double total = 0;
  size_t a = 0;
  for (double u : upper) {
    size_t b = a;
    double s = 0;
    while (b < sorted.size() && sorted[b] <= u) s += sorted[b++];
    const double m = b > a ? s / double(b - a) : 0;
    for (size_t i = a; i < b; ++i) total += (sorted[i] - m) * (sorted[i] - m);
    a = b;
  }
  EXPECT_EQ(a, sorted.size()) << "bounds do not cover every value";
  return total;
}

// The best SSD over every split of sorted values into k non-empty classes at value changes.
double brute_force_ssd(const std::vector<double>& sorted, int k) {
  std::vector<size_t> cuts;  // positions where a new value starts
  for (size_t i = 1; i < sorted.size(); ++i)
    if (sorted[i] != sorted[i - 1]) cuts.push_back(i);
  double best = std::numeric_limits<double>::infinity();
  const size_t m = cuts.size();
  for (uint32_t mask = 0; mask < (1u << m); ++mask) {
    if (std::popcount(mask) != k - 1) continue;
    std::vector<double> upper;
    for (size_t c = 0; c < m; ++c)
      if (mask >> c & 1u) upper.push_back(sorted[cuts[c] - 1]);
    upper.push_back(sorted.back());
    best = std::min(best, within_ssd(sorted, upper));
  }
  return best;
}

TEST(ClassBreaks, JenksSeparatesObviousGroups) {
  const std::vector<double> v = {31, 1, 2, 12, 3, 10, 11, 30};
  EXPECT_EQ(jenks_breaks(v, 3), (std::vector<double>{3, 12, 31}));
  const auto upper = jenks_breaks(v, 3);
  EXPECT_EQ(class_of(2, upper), 0);
  EXPECT_EQ(class_of(3, upper), 0);
  EXPECT_EQ(class_of(3.5, upper), 1);
  EXPECT_EQ(class_of(31, upper), 2);
  EXPECT_EQ(class_of(99, upper), 2);
}

TEST(ClassBreaks, JenksIsOptimalOnRandomSkewedData) {
  std::mt19937 rng(7);
  std::lognormal_distribution<double> skew(1.0, 1.2);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<double> v(12);
    for (double& x : v) x = std::round(skew(rng));  // counts, with ties
    const int k = 1 + trial % 4;
    const auto upper = jenks_breaks(v, k);
    std::vector<double> sorted = v;
    std::sort(sorted.begin(), sorted.end());
    ASSERT_FALSE(upper.empty());
    EXPECT_EQ(upper.back(), sorted.back());
    EXPECT_TRUE(std::is_sorted(upper.begin(), upper.end()));
    EXPECT_EQ(std::adjacent_find(upper.begin(), upper.end()), upper.end()) << "repeated bound";
    std::vector<double> distinct = sorted;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    EXPECT_EQ(upper.size(), std::min<size_t>(size_t(k), distinct.size()));
    EXPECT_NEAR(within_ssd(sorted, upper), brute_force_ssd(sorted, int(upper.size())), 1e-9)
        << "trial " << trial;
  }
}

TEST(ClassBreaks, FewerClassesThanAskedWhenFewValuesAndNoneForNone) {
  EXPECT_EQ(jenks_breaks(std::vector<double>{4, 4, 4}, 4), (std::vector<double>{4}));
  EXPECT_TRUE(jenks_breaks(std::vector<double>{}, 4).empty());
  EXPECT_EQ(quantile_breaks(std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8}, 4),
            (std::vector<double>{2, 4, 6, 8}));
  EXPECT_EQ(quantile_breaks(std::vector<double>{1, 1, 1, 9}, 4), (std::vector<double>{1, 9}));
}

// A province of n × n square communes of 0.05° from (104.0E, 22.0N), in EPSG:3857 as
// load_map_data stores them; population 10,000 each unless changed.
MapData grid_province(int n) {
  MapData d;
  d.drug_free_statuses.entries = {{"drug_free", "không ma túy", "drug-free"},
                                  {"not_yet", "chưa đạt", "not yet"}};
  d.movement_classes.entries = {{"excellent", "xuất sắc", "excellent"},
                                {"good", "khá", "good"},
                                {"average", "trung bình", "average"},
                                {"weak", "yếu", "weak"}};
  d.designation_types.entries = {{"model_unit", "điển hình", "model unit"},
                                 {"self_management", "mô hình tự quản", "self-management"}};
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      Commune c;
      c.code = std::to_string(10000 + j * n + i);
      c.name = "Xã " + c.code;
      const double x0 = 104.0 + 0.05 * i, y0 = 22.0 + 0.05 * j;
      geo::Ring r;
      for (geo::Point p :
           {geo::Point{x0, y0}, geo::Point{x0 + 0.05, y0}, geo::Point{x0 + 0.05, y0 + 0.05},
            geo::Point{x0, y0 + 0.05}, geo::Point{x0, y0}})
        r.push_back(geo::lonlat_to_mercator(p));
      c.shape.polygons.push_back({{r}});
      c.bbox = c.shape.bbox();
      c.label_at = geo::lonlat_to_mercator({x0 + 0.025, y0 + 0.025});
      c.population = 10000;
      d.extent.add(c.bbox);
      d.communes.push_back(std::move(c));
    }
  return d;
}

void add_incidents(MapData& d, int commune, int count, int32_t day) {
  for (int k = 0; k < count; ++k) {
    d.incidents.at.push_back(d.communes[size_t(commune)].label_at);
    d.incidents.day.push_back(day);
    d.incidents.group.push_back(0);
    d.incidents.commune.push_back(commune);
  }
}

// Every commune's colour is a legend entry's colour, and the "(n xã)" counts add up.
void expect_legend_matches(const CommuneColours& s, size_t communes, bool counted) {
  ASSERT_EQ(s.fill.size(), communes);
  EXPECT_FALSE(s.legend.title.empty());
  for (size_t i = 0; i < communes; ++i) {
    const bool listed = std::any_of(s.legend.entries.begin(), s.legend.entries.end(),
                                    [&](const LegendEntry& e) { return e.colour == s.fill[i]; });
    EXPECT_TRUE(listed) << "commune " << i << " is drawn in a colour the legend does not list";
  }
  if (!counted) return;
  long sum = 0;
  for (const auto& e : s.legend.entries) {
    const size_t open = e.label.rfind('(');
    ASSERT_NE(open, std::string::npos) << e.label;
    sum += std::stol(e.label.substr(open + 1));
  }
  EXPECT_EQ(sum, static_cast<long>(communes));
}

const int32_t kJan2025 = *day_number("2025-01-10");
const int32_t kJan2024 = *day_number("2024-01-10");
const DayRange kWindow2025{*day_number("2025-01-01"), *day_number("2025-03-31")};

TEST(Styles, NamesRoundTripAndOldNameStillParses) {
  for (StyleKind k : kUserStyles) EXPECT_EQ(parse_style(style_name(k)), k);
  EXPECT_EQ(parse_style("incidents"), StyleKind::Count);
  EXPECT_EQ(parse_style("hotspots"), StyleKind::Hotspots);
  EXPECT_FALSE(parse_style("rainbow"));
  EXPECT_TRUE(style_uses_incidents(StyleKind::Change));
  EXPECT_FALSE(style_uses_incidents(StyleKind::Movement));
}

TEST(Styles, CountClassesAreNaturalBreaksWithZeroApart) {
  MapData d = grid_province(3);
  const int counts[] = {0, 1, 1, 5, 5, 12, 12, 40, 40};
  for (int c = 0; c < 9; ++c) add_incidents(d, c, counts[c], kJan2025);
  add_incidents(d, 0, 50, kJan2024);  // outside the window: not counted
  const CommuneColours s = style_communes(d, StyleKind::Count, Lang::Vi, kWindow2025);
  expect_legend_matches(s, 9, true);
  EXPECT_EQ(s.cls, (std::vector<int>{0, 1, 1, 2, 2, 3, 3, 4, 4}));
  for (int c = 1; c < 5; ++c) EXPECT_NE(s.fill[size_t(2 * c - 1)], s.fill[size_t(2 * c - 2)]);
  // Labels are continuous integer ranges ending at each class's largest count.
  std::vector<std::string> labels;
  for (const auto& e : s.legend.entries) labels.push_back(e.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"0 (1 xã)", "1 (2 xã)", "2 – 5 (2 xã)",
                                              "6 – 12 (2 xã)", "13 – 40 (2 xã)"}));
}

TEST(Styles, RateIsPerTenThousandAndNoPopulationIsNoData) {
  MapData d = grid_province(2);
  d.communes[0].population = 20000;
  d.communes[3].population = -1;     // unknown
  add_incidents(d, 0, 4, kJan2025);  // 2 per 10,000
  add_incidents(d, 1, 4, kJan2025);  // 4 per 10,000
  add_incidents(d, 3, 9, kJan2025);  // no population
  const CommuneColours s = style_communes(d, StyleKind::Rate, Lang::En, kWindow2025);
  expect_legend_matches(s, 4, true);
  EXPECT_EQ(s.cls[3], -1);
  EXPECT_EQ(s.cls[2], 0);  // no incident
  EXPECT_LT(s.cls[0], s.cls[1]);
  EXPECT_EQ(s.legend.entries.back().label, "No population figure (1)");
  EXPECT_EQ(s.legend.entries.back().colour, s.fill[3]);
  EXPECT_EQ(s.legend.entries[0].label, "0 (1)");
  EXPECT_EQ(s.legend.entries[1].label, "2 (1)");
  EXPECT_EQ(s.legend.entries[2].label, "4 (1)");
}

TEST(Styles, ChangeAgainstTheSameWindowAYearEarlier) {
  MapData d = grid_province(3);
  const int32_t last_year = kJan2024;
  add_incidents(d, 0, 10, last_year), add_incidents(d, 0, 5, kJan2025);   // −50%
  add_incidents(d, 1, 2, last_year), add_incidents(d, 1, 3, kJan2025);    // too few
  add_incidents(d, 2, 6, kJan2025);                                       // new
  add_incidents(d, 3, 10, last_year), add_incidents(d, 3, 10, kJan2025);  // stable
  add_incidents(d, 4, 10, last_year), add_incidents(d, 4, 13, kJan2025);  // +30%
  add_incidents(d, 5, 20, last_year), add_incidents(d, 5, 18, kJan2025);  // −10%
  const CommuneColours s = style_communes(d, StyleKind::Change, Lang::Vi, kWindow2025);
  expect_legend_matches(s, 9, true);
  EXPECT_EQ(s.cls[1], -1);
  for (int c = 6; c < 9; ++c) EXPECT_EQ(s.cls[size_t(c)], -1) << "no incidents: too few";
  EXPECT_EQ(s.cls[2], 6);  // new: the largest rise
  EXPECT_EQ(s.cls[3], 3);  // within ±5%
  EXPECT_EQ(s.cls[4], 5);  // +20% … +50%
  EXPECT_EQ(s.cls[5], 2);  // −20% … −5%
  EXPECT_EQ(s.cls[0], 1);  // −50% … −20%
  // Diverging: falls and rises in different colours, the stable class between.
  EXPECT_NE(s.fill[0], s.fill[4]);
  // The province totals with the percentage: 52 a year earlier, 55 now.
  EXPECT_NE(s.legend.title.find("toàn tỉnh: cùng kỳ 52, nay 55 (+6%)"), std::string::npos)
      << s.legend.title;
  EXPECT_EQ(s.legend.entries[0].label, "+50% trở lên, hoặc mới phát sinh (1 xã)");
  EXPECT_EQ(s.legend.entries.back().label, "Ít vụ (dưới 5 cả hai kỳ) (4 xã)");
  // Without a window there is nothing to compare: one explanatory entry, every commune grey.
  const CommuneColours none = style_communes(d, StyleKind::Change, Lang::En, DayRange{});
  ASSERT_EQ(none.legend.entries.size(), 1u);
  EXPECT_EQ(none.legend.entries[0].label, "Choose a time window to compare");
  for (const Rgba& c : none.fill) EXPECT_EQ(c, none.legend.entries[0].colour);
}

TEST(Styles, MovementAndDesignations) {
  MapData d = grid_province(2);
  auto movement = [](int v) {
    return Commune::StatusPeriod{0, Commune::StatusPeriod::kUnset, Commune::StatusPeriod::kUnset,
                                 v};
  };
  d.communes[0].statuses = {movement(0)};
  d.communes[1].statuses = {movement(3)};
  d.communes[2].statuses = {movement(0)};
  const CommuneColours m = style_communes(d, StyleKind::Movement, Lang::Vi, DayRange{});
  expect_legend_matches(m, 4, false);
  ASSERT_EQ(m.legend.entries.size(), 3u);  // excellent, weak, no data
  EXPECT_EQ(m.legend.entries[0].label, "xuất sắc");
  EXPECT_EQ(m.legend.entries[1].label, "yếu");
  EXPECT_EQ(m.fill[0], m.fill[2]);

  d.communes[0].designations = {{1, 2024}, {0, 2026}};  // model unit only from 2026
  d.communes[1].designations = {{1, 2025}};
  const CommuneColours in2025 = style_communes(d, StyleKind::Designations, Lang::En, kWindow2025);
  expect_legend_matches(in2025, 4, true);
  EXPECT_EQ(in2025.cls[0], 1);
  EXPECT_EQ(in2025.cls[1], 1);
  EXPECT_EQ(in2025.cls[2], -1);
  const DayRange in2026{*day_number("2026-01-01"), *day_number("2026-12-31")};
  const CommuneColours later = style_communes(d, StyleKind::Designations, Lang::En, in2026);
  EXPECT_EQ(later.cls[0], 0);  // the model unit comes first in the list
  EXPECT_NE(later.fill[0], later.fill[1]);
  expect_legend_matches(later, 4, true);
}

TEST(Styles, HotspotsAreTheGiStarClassesOfTheAnalysis) {
  MapData d = grid_province(6);
  // A cluster in the south-west corner, a few incidents elsewhere.
  for (int j = 0; j < 6; ++j)
    for (int i = 0; i < 6; ++i) {
      const int c = j * 6 + i;
      add_incidents(d, c, (i < 2 && j < 2) ? 30 : 1 + (c % 3), kJan2025);
    }
  const CommuneColours s = style_communes(d, StyleKind::Hotspots, Lang::Vi, kWindow2025);
  expect_legend_matches(s, 36, true);
  // The same analysis as `secmap analyze hotspots`: queen weights on the polygons in lon/lat.
  std::vector<geo::Geometry> ll;
  for (const auto& c : d.communes) {
    geo::Geometry g = c.shape;
    for (auto& poly : g.polygons)
      for (auto& r : poly.rings)
        for (auto& p : r) p = geo::mercator_to_lonlat(p);
    ll.push_back(g);
  }
  const analysis::Weights w = analysis::weights_from_spec("queen", ll, "EPSG:9208");
  EXPECT_EQ(w.degree(0), 3u);  // a corner has three queen neighbours
  EXPECT_EQ(w.degree(7), 8u);  // an inner square has eight
  const auto counts = d.incident_counts(kWindow2025.from, kWindow2025.to);
  const std::vector<double> x(counts.begin(), counts.end());
  const auto r = analysis::local_hotspots(w, x, {});
  EXPECT_EQ(s.hotspot_class, r.cls);
  EXPECT_EQ(s.hotspot_class[0].rfind("hot_", 0), 0u) << s.hotspot_class[0];
  EXPECT_EQ(s.hotspot_class[35].rfind("hot_", 0), std::string::npos);
  // Hot classes come first in the legend, darkest first.
  EXPECT_EQ(s.legend.entries[0].label.rfind("Điểm nóng", 0), 0u) << s.legend.entries[0].label;
}

// The map's hot spots are what `secmap analyze hotspots --from --to` reports (its run_hotspots:
// communes and incidents from the store, queen weights in lon/lat, default options), commune by
// commune, on the synthetic demo province.
TEST(Styles, HotspotStyleMatchesTheAnalyzeCommandOnTheDemo) {
  const auto db_path = test::scratch_dir("styles_demo") / "demo.sqlite";
  demo::DemoOptions opt;
  opt.synthetic = true;
  opt.incidents = 4000;
  opt.replace = true;
  demo::build_demo(db_path, opt);
  auto db = store::Database::open(db_path);
  const MapData d = load_map_data(db);
  const DayRange window{*day_number("2025-01-01"), *day_number("2025-12-31")};
  const CommuneColours s = style_communes(d, StyleKind::Hotspots, Lang::En, window);

  const analysis::CommuneSet c = analysis::load_communes(db);
  analysis::IncidentFilter f;
  f.from = window.from, f.to = window.to;
  const analysis::IncidentTable t = analysis::load_incidents(db, c, {f.from, f.to});
  const auto counts = analysis::count_per_commune(t, c.size(), f);
  const std::vector<double> x(counts.begin(), counts.end());
  const analysis::Weights w =
      analysis::weights_from_spec("queen", c.geoms, analysis::metric_crs(db, c));
  const analysis::HotspotResult r = analysis::local_hotspots(w, x, {});
  ASSERT_EQ(c.size(), d.communes.size());
  std::map<std::string, int> classes;
  for (size_t i = 0; i < c.size(); ++i) {
    EXPECT_EQ(d.communes[i].code, c.codes[i]);
    EXPECT_EQ(s.hotspot_class[i], r.cls[i]) << c.codes[i];
    ++classes[r.cls[i]];
  }
  EXPECT_GT(classes.size(), 1u) << "the demo should have some significant communes";
  expect_legend_matches(s, d.communes.size(), true);

  // The demo's model units are designated for 2026: they show in a 2026 window, not in 2025.
  const DayRange in2026{*day_number("2026-01-01"), *day_number("2026-12-31")};
  const CommuneColours des = style_communes(d, StyleKind::Designations, Lang::En, in2026);
  expect_legend_matches(des, d.communes.size(), true);
  EXPECT_TRUE(
      std::any_of(des.legend.entries.begin(), des.legend.entries.end(),
                  [](const LegendEntry& e) { return e.label.rfind("model unit", 0) == 0; }));
  const CommuneColours des25 = style_communes(d, StyleKind::Designations, Lang::En, window);
  EXPECT_LT(std::count(des25.cls.begin(), des25.cls.end(), 0),
            std::count(des.cls.begin(), des.cls.end(), 0));
}

TEST(Styles, DensityClassesAndLegend) {
  EXPECT_TRUE(density_classes(0).lower.empty());
  const DensityClasses c = density_classes(12.34);
  ASSERT_EQ(c.lower.size(), size_t(kDensityClassCount));
  ASSERT_EQ(c.colour.size(), c.lower.size());
  EXPECT_TRUE(std::is_sorted(c.lower.begin(), c.lower.end()));
  EXPECT_GT(c.lower.front(), 0);
  EXPECT_LT(c.lower.back(), 12.34);
  const LegendSection s = density_legend(c, 2000, Lang::Vi);
  EXPECT_NE(s.title.find("vụ/km²"), std::string::npos) << s.title;
  EXPECT_NE(s.title.find("bán kính 2 km"), std::string::npos) << s.title;
  ASSERT_EQ(s.entries.size(), c.lower.size());
  // Top class first; every class colour appears once.
  EXPECT_EQ(s.entries.front().colour, c.colour.back());
  EXPECT_EQ(s.entries.back().colour, c.colour.front());
  EXPECT_EQ(s.entries.front().label.rfind("từ ", 0), 0u) << s.entries.front().label;
  EXPECT_NE(density_legend(c, 2000, Lang::En).entries.front().label.find(" or more"),
            std::string::npos);
}

}  // namespace
}  // namespace secmap::render
