// Counting incidents per commune: from geometry (must equal SpatiaLite's ST_Within join, on a
// grid of squares with points on edges and corners, and on the real communes) and from the
// stored commune codes with periods, breakdowns, filters and rates.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "analysis/aggregate.h"
#include "analysis/compare.h"
#include "analysis/point_counts.h"
#include "analysis_fixture.h"
#include "geo/point_locator.h"

using namespace secmap;
using namespace secmap::analysis;
using namespace secmap::analysis::testing;

namespace {

// 3×3 squares of 0.1° from (104.0, 22.0); codes C00..C22 (column, row).
store::Database grid_db(const std::string& name) {
  auto db = fresh_db(name);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      add_square(db, "C" + std::to_string(i) + std::to_string(j), 104.0 + 0.1 * i, 22.0 + 0.1 * j,
                 0.1, 10000 * (i + 1));
  return db;
}

void expect_equal_counts_per_commune(const CommuneSet& communes, const std::vector<int64_t>& ours,
                                     const std::map<std::string, int64_t>& theirs) {
  for (size_t c = 0; c < communes.size(); ++c) {
    const auto it = theirs.find(communes.codes[c]);
    EXPECT_EQ(ours[c], it == theirs.end() ? 0 : it->second) << communes.codes[c];
  }
}

void expect_equal_counts(const CommuneSet& communes, const std::vector<int64_t>& ours,
                         const std::map<std::string, int64_t>& theirs) {
  int64_t total = 0;
  for (size_t c = 0; c < communes.size(); ++c) {
    const auto it = theirs.find(communes.codes[c]);
    EXPECT_EQ(ours[c], it == theirs.end() ? 0 : it->second) << communes.codes[c];
    total += ours[c];
  }
  int64_t their_total = 0;
  for (const auto& [code, n] : theirs) their_total += n;
  EXPECT_EQ(total, their_total);
}

}  // namespace

TEST(Aggregate, GeometricCountsEqualSpatialiteWithinOnGrid) {
  auto db = grid_db("agg_grid");
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> ux(103.95, 104.35), uy(21.95, 22.35);
  {
    store::Transaction tx(db);
    for (int k = 0; k < 3000; ++k) add_incident(db, {.x = ux(rng), .y = uy(rng)});
    // On shared edges, corners and the outer boundary: in no commune for ST_Within.
    for (double x : {104.1, 104.2})
      for (double y : {22.05, 22.1, 22.15, 22.2}) add_incident(db, {.x = x, .y = y});
    add_incident(db, {.x = 104.0, .y = 22.0});
    add_incident(db, {.x = 104.3, .y = 22.25});
    tx.commit();
  }
  const CommuneSet communes = load_communes(db);
  ASSERT_EQ(communes.size(), 9u);
  const auto ours = count_points(communes, load_incident_points(db));
  expect_equal_counts(communes, ours, spatialite_within_counts(db));
}

TEST(Aggregate, GeometricCountsEqualSpatialiteWithinOnRealCommunes) {
  SECMAP_REQUIRE_REALDATA(kRealCommunes);
  auto db = fresh_db("agg_real");
  import_real_communes(db);
  const CommuneSet communes = load_communes(db);
  ASSERT_EQ(communes.size(), 137u);
  geo::BBox box;
  for (const auto& g : communes.geoms) box.add(g.bbox());
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> ux(box.min_x, box.max_x), uy(box.min_y, box.max_y);
  {
    store::Transaction tx(db);
    for (int k = 0; k < 1500; ++k) add_incident(db, {.x = ux(rng), .y = uy(rng)});
    // Denser over the communes whose polygons overlap, so some points land in the overlap.
    for (const char* code : {"02647", "02683", "02746"}) {
      const int32_t c = communes.find(code);
      ASSERT_GE(c, 0) << code;
      const geo::BBox b = communes.geoms[size_t(c)].bbox();
      std::uniform_real_distribution<double> bx(b.min_x, b.max_x), by(b.min_y, b.max_y);
      for (int k = 0; k < 400; ++k) add_incident(db, {.x = bx(rng), .y = by(rng)});
    }
    // Boundary vertices themselves: on the boundary, so in no commune.
    for (size_t c = 0; c < communes.size(); c += 5) {
      const auto& ring = communes.geoms[c].polygons[0].rings[0];
      add_incident(db, {.x = ring[ring.size() / 3].x, .y = ring[ring.size() / 3].y});
    }
    tx.commit();
  }
  const auto pts = load_incident_points(db);
  // The source polygons overlap in places (02647/02683/02746 share about 3.4 km²): there the
  // join counts a point once per commune and we count it once. So check point by point that our
  // commune is one of SpatiaLite's, and per commune that the join's count is ours plus the
  // points in it that we gave to an overlapping commune.
  const geo::PointLocator locator(communes.geoms);
  auto st = db.prepare(
      "SELECT code FROM communes WHERE valid_to IS NULL AND ST_Within(MakePoint(?1, ?2, 4326), "
      "geom) = 1 AND ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'communes' "
      "AND search_frame = MakePoint(?1, ?2, 4326))");
  size_t in_overlap = 0;
  std::vector<int64_t> given_elsewhere(communes.size(), 0);
  for (const auto& p : pts) {
    st.reset();
    st.bind(1, p.x).bind(2, p.y);
    std::vector<int32_t> theirs;
    while (st.step()) theirs.push_back(communes.find(st.column_text(0)));
    const int32_t ours = locator.locate(p);
    in_overlap += theirs.size() > 1;
    if (theirs.empty())
      EXPECT_EQ(ours, -1) << p.x << " " << p.y;
    else
      EXPECT_NE(std::find(theirs.begin(), theirs.end(), ours), theirs.end()) << p.x << " " << p.y;
    for (int32_t t : theirs)
      if (t != ours && t >= 0) ++given_elsewhere[size_t(t)];
  }
  auto ours = count_points(communes, pts);
  for (size_t c = 0; c < communes.size(); ++c) ours[c] += given_elsewhere[c];
  expect_equal_counts_per_commune(communes, ours, spatialite_within_counts(db));
  // The overlap is real and the random points reach it, so the correction above is exercised.
  EXPECT_GT(in_overlap, 0u);
}

TEST(Aggregate, StoredCodesPeriodsBreakdownsAndRates) {
  auto db = grid_db("agg_table");
  {
    store::Transaction tx(db);
    add_incident(db, {.category = "SO-06", .date = "2025-01-05", .commune = "C00"});
    add_incident(db, {.category = "SO-06", .date = "2025-01-20T10:00:00", .commune = "C00"});
    add_incident(db, {.category = "DR-01", .date = "2025-02-01", .commune = "C00"});
    add_incident(
        db,
        {.category = "DR-01", .date = "2025-02-01", .severity = std::nullopt, .commune = "C10"});
    add_incident(db, {.category = "SO-01", .date = "2026-02-01", .commune = "C10"});
    add_incident(db, {.category = "SO-01", .date = "2026-02-02", .commune = "XXX"});  // unknown
    add_incident(db, {.category = "SO-01", .date = "2026-02-02"});                    // outside
    db.exec(
        "INSERT INTO incidents (category, occurred_at, commune_code, deleted, geom) VALUES "
        "('SO-01', '2025-01-05', 'C00', 1, MakePoint(104.05, 22.05, 4326))");
    tx.commit();
  }
  const CommuneSet communes = load_communes(db, {.geometry = false});
  const IncidentTable t = load_incidents(db, communes);
  ASSERT_EQ(t.size(), 7u);  // the deleted one is not read

  const auto all = count_per_commune(t, communes.size(), {});
  EXPECT_EQ(all[size_t(communes.find("C00"))], 3);
  EXPECT_EQ(all[size_t(communes.find("C10"))], 2);

  IncidentFilter so;
  so.groups = {"SO"};
  so.from = parse_day_or_throw("2025-01-01");
  so.to = parse_day_or_throw("2025-12-31");
  EXPECT_EQ(count_per_commune(t, communes.size(), so)[size_t(communes.find("C00"))], 2);
  IncidentFilter bad;
  bad.categories = {"ZZ-99"};
  EXPECT_THROW(count_per_commune(t, communes.size(), bad), std::invalid_argument);

  AggregateOptions o;
  o.period = Period::Month;
  o.by = Breakdown::Group;
  const auto rows = aggregate(t, communes, o);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(communes.codes[size_t(rows[0].commune)], "C00");
  EXPECT_EQ(rows[0].period, "2025-01");
  EXPECT_EQ(rows[0].key, "SO");
  EXPECT_EQ(rows[0].count, 2);
  ASSERT_TRUE(rows[0].rate_per_10k);
  EXPECT_DOUBLE_EQ(*rows[0].rate_per_10k, 2.0);  // population 10,000
  EXPECT_EQ(rows[1].period, "2025-02");
  EXPECT_EQ(rows[1].key, "DR");

  AggregateOptions by_sev;
  by_sev.by = Breakdown::Severity;
  by_sev.filter.from = parse_day_or_throw("2025-02-01");
  by_sev.filter.to = parse_day_or_throw("2025-02-01");
  const auto srows = aggregate(t, communes, by_sev);
  ASSERT_EQ(srows.size(), 2u);
  EXPECT_EQ(srows[1].key, "none");  // C10's incident has no severity

  AggregateOptions camp;
  camp.period = Period::Campaign;
  camp.campaigns = {
      {"tet2025", parse_day_or_throw("2024-12-15"), parse_day_or_throw("2025-02-14")},
      {"jan2025", parse_day_or_throw("2025-01-01"), parse_day_or_throw("2025-01-31")}};
  const auto crows = aggregate(t, communes, camp);
  int64_t tet = 0, jan = 0;
  for (const auto& r : crows) (r.period == "tet2025" ? tet : jan) += r.count;
  EXPECT_EQ(tet, 4);
  EXPECT_EQ(jan, 2);

  AggregateOptions zero;  // every commune gets a row, with or without incidents
  EXPECT_EQ(aggregate(t, communes, zero).size(), 9u);
}

TEST(Compare, WindowAgainstSameWindowYearBefore) {
  auto db = grid_db("compare");
  {
    store::Transaction tx(db);
    for (int k = 0; k < 20; ++k) add_incident(db, {.date = "2024-03-10", .commune = "C00"});
    for (int k = 0; k < 19; ++k) add_incident(db, {.date = "2025-03-10", .commune = "C00"});
    for (int k = 0; k < 10; ++k) add_incident(db, {.date = "2024-03-10", .commune = "C01"});
    for (int k = 0; k < 12; ++k) add_incident(db, {.date = "2025-03-10", .commune = "C01"});
    add_incident(db, {.date = "2025-03-10", .commune = "C02"});
    add_incident(db, {.category = "DR-01", .date = "2025-03-10", .commune = "C02"});
    tx.commit();
  }
  const CommuneSet communes = load_communes(db, {.geometry = false});
  const IncidentTable t = load_incidents(db, communes);
  CompareOptions o;
  o.filter.groups = {"SO"};
  o.current = {"2025", parse_day_or_throw("2025-01-01"), parse_day_or_throw("2025-12-31")};
  o.baseline = same_window_year_before(o.current);
  o.reduction_target_pct = 5;
  const auto rows = compare_windows(t, communes.size(), o);
  ASSERT_EQ(rows.size(), communes.size() + 1);
  const auto& c00 = rows[size_t(communes.find("C00"))];
  EXPECT_EQ(c00.current, 19);
  EXPECT_EQ(c00.baseline, 20);
  EXPECT_DOUBLE_EQ(*c00.pct, -5.0);
  EXPECT_TRUE(*c00.meets_reduction);  // exactly 5% fewer meets "at least 5%"
  const auto& c01 = rows[size_t(communes.find("C01"))];
  EXPECT_DOUBLE_EQ(*c01.pct, 20.0);
  EXPECT_FALSE(*c01.meets_reduction);
  const auto& c02 = rows[size_t(communes.find("C02"))];
  EXPECT_EQ(c02.current, 1);  // the drug case is not a social-order crime
  EXPECT_FALSE(c02.pct);
  const auto& prov = rows.back();
  EXPECT_EQ(prov.commune, -1);
  EXPECT_EQ(prov.current, 32);
  EXPECT_EQ(prov.baseline, 30);
  EXPECT_NEAR(*prov.pct, 100.0 * 2 / 30, 1e-12);
}
