// Border segments on a synthetic line (ids, lengths, cuts) and on the real border line: the
// pieces add up to the line's length in VN-2000 metres, and a crossing placed on the border is
// attributed to the right segment and commune.
#include <gtest/gtest.h>

#include <geodesic.h>

#include <cmath>
#include <set>

#include "analysis/communes.h"
#include "border/planar.h"
#include "border/segments.h"
#include "border_fixture.h"
#include "edit/audit.h"
#include "store/write_error.h"

namespace secmap::border {
namespace {

using namespace testing;

TEST(Segments, FixedPiecesOfASyntheticLine) {
  RefProj proj;
  auto db = synthetic_border_db("seg_fixed", proj);
  const auto frame = MetricFrame::for_database(db);
  const auto line = load_border_line(db, frame);
  EXPECT_NEAR(line.length_m(), kLen, 1e-3);
  const auto segs = split_fixed(line, frame, 3000);
  ASSERT_EQ(segs.size(), 14u);  // 13 × 3 km + 1 km
  EXPECT_EQ(segs.front().segment_id, "3km-001");
  EXPECT_EQ(segs[12].segment_id, "3km-013");
  EXPECT_NEAR(segs.back().length_m, 1000, 1e-3);
  for (size_t i = 0; i + 1 < segs.size(); ++i) {
    EXPECT_NEAR(segs[i].length_m, 3000, 1e-3);
    // Pieces join end to start (the cut at the middle vertex too).
    EXPECT_NEAR(dist(segs[i].m.back(), segs[i + 1].m.front()), 0, 1e-6);
    EXPECT_NEAR(segs[i].m.front().x, kX0 + 3000.0 * double(i), 0.01);  // datum round trip
  }
  EXPECT_EQ(fixed_prefix(2500), "2.5km");
}

TEST(Segments, CommuneStretchesOfASyntheticLine) {
  RefProj proj;
  auto db = synthetic_border_db("seg_commune", proj);
  const auto frame = MetricFrame::for_database(db);
  const auto line = load_border_line(db, frame);
  const auto segs = split_by_commune(line, frame, analysis::load_communes(db));
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ(segs[0].segment_id, "00001-01");
  EXPECT_EQ(segs[1].segment_id, "00002-01");
  EXPECT_NEAR(segs[0].length_m, 20000, 30);  // the cut lies within one judging step (25 m)
  EXPECT_NEAR(segs[0].length_m + segs[1].length_m, kLen, 1e-3);
  // Stored and read back.
  store_segments(db, segs);
  const auto back = load_segments(db, frame, "commune");
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[1].commune_code, "00002");
  EXPECT_NEAR(back[1].length_m, segs[1].length_m, 1e-3);  // lon/lat round trip
  // Computing them again replaces the stored ones, and the rewrite is audited like any change.
  auto audit_rows = [&](const char* action) {
    return db.query_int(std::string("SELECT count(*) FROM audit_log WHERE table_name = "
                                    "'border_segments' AND action = '") +
                        action + "'");
  };
  EXPECT_GE(audit_rows("import"), 1);
  const auto deletes = audit_rows("delete");
  store_segments(db, segs);
  EXPECT_EQ(load_segments(db, frame, "commune").size(), 2u);
  EXPECT_GT(audit_rows("delete"), deletes) << "the old segments' removal is in the audit trail";
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST(Segments, RealBorderLineAddsUpAndAttributesCrossings) {
  SECMAP_REQUIRE_REALDATA("vn_cn_border_line_from_communes2025.geojson");
  SECMAP_REQUIRE_REALDATA("vn2025_communes_laocai_laichau.geojson");
  auto db = store::Database::open(real_demo_db());
  const auto frame = MetricFrame::for_database(db);
  EXPECT_EQ(frame.crs(), "EPSG:9208");  // Lào Cai's official zone
  const auto line = load_border_line(db, frame);

  // Reference length: the stored line projected by PROJ directly, measured by GEOS; and the
  // geodesic length on the WGS 84 ellipsoid (GeographicLib in PROJ).
  RefProj proj;
  RefGeos g;
  double ref_m = 0, geodesic = 0;
  geod_geodesic geod;
  geod_init(&geod, 6378137, 1 / 298.257223563);
  for (const auto& part : line.parts_lonlat) {
    GEOSGeometry* l = g.line(proj.to_m(part));
    ref_m += g.length(l);
    g.destroy(l);
    for (size_t i = 1; i < part.size(); ++i) {
      double s12 = 0;
      geod_inverse(&geod, part[i - 1].y, part[i - 1].x, part[i].y, part[i].x, &s12, nullptr,
                   nullptr);
      geodesic += s12;
    }
  }
  EXPECT_GT(ref_m, 760e3);
  EXPECT_LT(ref_m, 780e3);
  EXPECT_NEAR(line.length_m(), ref_m, 1.0);

  for (const char* scheme : {"fixed", "commune"}) {
    const auto segs = load_segments(db, frame, scheme);  // stored by the demo
    ASSERT_FALSE(segs.empty()) << scheme;
    double sum = 0;
    std::set<std::string> ids;
    for (const auto& s : segs) {
      sum += s.length_m;
      ids.insert(s.segment_id);
    }
    EXPECT_EQ(ids.size(), segs.size()) << "segment ids are unique";
    EXPECT_NEAR(sum, ref_m, ref_m * 0.001) << scheme;
    EXPECT_NEAR(sum, geodesic, geodesic * 0.001) << scheme << " vs the geodesic length";
  }
  const auto fixed = load_segments(db, frame, "fixed");
  EXPECT_EQ(fixed.front().segment_id, "5km-001");
  EXPECT_EQ(fixed.size(), size_t(std::ceil(ref_m / 5000)));

  // Every Lào Cai / Lai Châu border commune has a stretch, and each stretch's commune touches it.
  const auto communes = analysis::load_communes(db);
  const auto by_commune = load_segments(db, frame, "commune");
  std::set<std::string> with_stretch;
  for (const auto& s : by_commune)
    if (!s.commune_code.empty()) with_stretch.insert(s.commune_code);
  EXPECT_GT(with_stretch.size(), 20u);

  // Crossings the demo placed on the border 0.5 m inside a known commune (by its own locator):
  // the commune attribution and the commune segment must agree with it; the fixed segment is
  // the one whose measure range holds the crossing's measure along the line.
  const auto crossings = load_crossings(db, frame);
  int checked = 0;
  for (const auto& c : crossings) {
    if (c.commune_code.empty()) continue;
    const auto pos = locate_on_line(line, c.m);
    if (pos.offset_m > 2) continue;  // placed off the line
    ++checked;
    const int32_t ci = commune_for_point(communes, frame, c.lonlat);
    ASSERT_GE(ci, 0) << c.name;
    EXPECT_EQ(communes.codes[size_t(ci)], c.commune_code) << c.name;
    const int sc = segment_at(by_commune, c.m, c.commune_code);
    ASSERT_GE(sc, 0) << c.name;
    EXPECT_EQ(by_commune[size_t(sc)].commune_code, c.commune_code);
    GEOSGeometry* sl = g.line(proj.to_m(by_commune[size_t(sc)].lonlat));
    GEOSGeometry* pt = g.point(proj.to_m(c.lonlat));
    EXPECT_LT(g.distance(sl, pt), 2.0) << c.name << " lies on its commune's stretch";
    g.destroy(sl);
    g.destroy(pt);
    const int sf = segment_at(fixed, c.m);
    ASSERT_GE(sf, 0);
    EXPECT_GE(pos.measure_m, fixed[size_t(sf)].from_m - 1) << c.name;
    EXPECT_LE(pos.measure_m, fixed[size_t(sf)].to_m + 1) << c.name;
  }
  EXPECT_GT(checked, 10);
}

// Recomputed segments on a full disk (SQLite's page limit for the connection): the rewrite is
// refused as a full disk and the stored segments and the audit trail stay as they were.
TEST(Segments, ARewriteOnAFullDiskKeepsTheStoredSegments) {
  RefProj proj;
  auto db = synthetic_border_db("seg_full", proj);
  const auto frame = MetricFrame::for_database(db);
  const auto line = load_border_line(db, frame);
  store_segments(db, split_by_commune(line, frame, analysis::load_communes(db)));
  const auto fine = split_fixed(line, frame, 100);  // 400 pieces: far more than fits
  auto stored = [&] {
    std::string out;
    for (const auto& s : load_segments(db, frame, "commune")) out += s.segment_id + ";";
    for (const auto& s : load_segments(db, frame, "fixed")) out += s.segment_id + ";";
    return out + std::to_string(*db.query_int("SELECT count(*) FROM audit_log"));
  };
  const std::string before = stored();
  db.exec("PRAGMA max_page_count = " + std::to_string(*db.query_int("PRAGMA page_count")));
  try {
    store_segments(db, fine);
    ADD_FAILURE() << "the rewrite fitted; the test needs more pieces";
  } catch (const store::WriteError& e) {
    EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos) << e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not reported as a full disk: " << e.what();
  }
  db.exec("PRAGMA max_page_count = 1073741823");
  EXPECT_FALSE(store::in_transaction(db));
  EXPECT_EQ(stored(), before);
  EXPECT_TRUE(edit::verify_audit(db).ok);
  store_segments(db, fine);
  EXPECT_EQ(load_segments(db, frame, "fixed").size(), fine.size());
}

}  // namespace
}  // namespace secmap::border
