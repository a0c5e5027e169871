// Incidents near crossings and segments by border group, with the year-before window, against a
// brute-force count whose distances come from PROJ and GEOS directly; the border groups map to
// codes that exist in the code lists; cooperation events per crossing, segment and quarter.
#include <gtest/gtest.h>

#include <random>

#include "border/border_window.h"
#include "border/cooperation_stats.h"
#include "border/proximity.h"
#include "border/segments.h"
#include "border_fixture.h"
#include "store/code_lists.h"

namespace secmap::border {
namespace {

using namespace testing;

TEST(BorderGroups, EveryMemberIsACodeOfTheCodeLists) {
  auto db = fresh_db("groups");
  const auto codes = store::CodeLists::load(db);
  for (const auto& g : border_groups())
    for (const auto& m : g.members)
      EXPECT_TRUE(codes.contains("incident_categories", m) || codes.contains("incident_groups", m))
          << g.code << ": " << m;
  EXPECT_EQ(border_group_for("DR-02", "DR"), 0);
  EXPECT_EQ(border_group_for("BX-07", "BX"), 0);  // cross-border drugs count as drugs
  EXPECT_EQ(border_group_for("BX-08", "BX"), 1);
  EXPECT_EQ(border_group_for("BX-05", "BX"), 2);
  EXPECT_EQ(border_group_for("WX-04", "WX"), 3);
  EXPECT_EQ(border_group_for("WX-05", "WX"), -1);  // a hand-over is not an offence
  EXPECT_EQ(border_group_for("BX-03", "BX"), 4);
  EXPECT_EQ(border_group_for("SO-06", "SO"), -1);
}

TEST(Proximity, CountsMatchAnIndependentDistanceReference) {
  RefProj proj;
  RefGeos g;
  auto db = synthetic_border_db("proximity", proj);
  const geo::Point gate_m{kX0 + 8000, kY0 - 1};
  const int64_t gate = add_crossing_m(db, proj, "Gate", gate_m);
  (void)gate;
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> ux(kX0 - 8000, kX0 + kLen + 8000),
      uy(kY0 - 9000, kY0 + 2000);
  const char* cats[] = {"DR-01", "SO-10", "BX-05", "WX-04", "BX-01", "SO-06"};
  const char* dates[] = {"2025-02-10", "2024-02-10", "2023-02-10"};
  struct P {
    geo::Point m;
    int cat, date;
  };
  std::vector<P> pts;
  for (int i = 0; i < 1500; ++i) {
    P p{{ux(rng), uy(rng)}, int(rng() % 6), int(rng() % 3)};
    add_incident_m(db, proj, cats[p.cat], dates[p.date], p.m);
    pts.push_back(p);
  }
  // Points exactly 1 m inside and outside the radius of the gate (independent of rounding).
  add_incident_m(db, proj, "DR-01", "2025-02-10", {gate_m.x + 4999, gate_m.y});
  add_incident_m(db, proj, "DR-01", "2025-02-10", {gate_m.x + 5001, gate_m.y});
  pts.push_back({{gate_m.x + 4999, gate_m.y}, 0, 0});
  pts.push_back({{gate_m.x + 5001, gate_m.y}, 0, 0});

  const auto frame = MetricFrame::for_database(db);
  const auto line = load_border_line(db, frame);
  const auto segs = split_fixed(line, frame, 5000);
  const auto w = command_window(db, "2025-01-01", "2025-12-31");
  const auto base = analysis::same_window_year_before(w);
  EXPECT_EQ(analysis::format_day(base.from), "2024-01-01");
  const auto inc = load_border_incidents(db, frame, base.from, w.to);
  const auto crossings = load_crossings(db, frame);
  std::vector<geo::Point> cm;
  for (const auto& c : crossings) cm.push_back(c.m);
  const auto near_gate = count_near_points(cm, inc, 5000, w, base);
  const auto near_seg = count_near_segments(segs, inc, 5000, w, base);

  // Reference: every point projected with PROJ, distances by GEOS.
  GEOSGeometry* gate_pt = g.point(proj.to_m(proj.to_ll(gate_m)));
  std::vector<GEOSGeometry*> seg_lines;
  for (const auto& s : segs) seg_lines.push_back(g.line(proj.to_m(s.lonlat)));
  GroupCounts ref_gate;
  std::vector<GroupCounts> ref_seg(segs.size());
  for (const auto& p : pts) {
    const int grp = border_group_for(cats[p.cat], std::string(cats[p.cat]).substr(0, 2));
    if (grp < 0 || p.date == 2) continue;
    GEOSGeometry* q = g.point(proj.to_m(proj.to_ll(p.m)));
    auto add = [&](GroupCounts& c) { (p.date == 0 ? c.current : c.baseline)[size_t(grp)]++; };
    if (g.distance(q, gate_pt) <= 5000) add(ref_gate);
    for (size_t s = 0; s < segs.size(); ++s)
      if (g.distance(q, seg_lines[s]) <= 5000) add(ref_seg[s]);
    g.destroy(q);
  }
  EXPECT_EQ(near_gate[0].current, ref_gate.current);
  EXPECT_EQ(near_gate[0].baseline, ref_gate.baseline);
  EXPECT_GT(ref_gate.total_current(), 10);
  for (size_t s = 0; s < segs.size(); ++s) {
    EXPECT_EQ(near_seg[s].current, ref_seg[s].current) << segs[s].segment_id;
    EXPECT_EQ(near_seg[s].baseline, ref_seg[s].baseline) << segs[s].segment_id;
  }
  for (auto* l : seg_lines) g.destroy(l);
  g.destroy(gate_pt);
  EXPECT_EQ(change_pct(12, 10), std::optional<double>(20.0));
  EXPECT_FALSE(change_pct(3, 0));
}

TEST(Cooperation, CountsByKindPerCrossingSegmentAndQuarter) {
  RefProj proj;
  auto db = synthetic_border_db("coop", proj);
  const int64_t gate = add_crossing_m(db, proj, "Gate", {kX0 + 12000, kY0 - 1});
  auto add = [&](const char* kind, const char* day, std::optional<int64_t> crossing, geo::Point m) {
    const auto ll = proj.to_ll(m);
    auto st = db.prepare(
        "INSERT INTO cooperation_events (kind, occurred_on, vn_party, counterpart, crossing_id, "
        "geom) VALUES (?, ?, 'BLO', 'CN', ?, MakePoint(?, ?, 4326))");
    st.bind(1, kind).bind(2, day).bind(3, crossing).bind(4, ll.x).bind(5, ll.y).run();
  };
  add("meeting", "2025-01-15", gate, {kX0 + 12000, kY0 - 500});
  add("meeting", "2025-02-20", gate, {kX0 + 12000, kY0 - 500});
  add("hotline", "2025-04-02", gate, {kX0 + 12000, kY0 - 500});
  add("joint_patrol", "2025-05-05", std::nullopt, {kX0 + 33000, kY0 - 800});  // near 5km-007
  add("handover", "2024-05-05", std::nullopt, {kX0 + 33000, kY0 - 800});      // out of window
  const auto frame = MetricFrame::for_database(db);
  const auto segs = split_fixed(load_border_line(db, frame), frame, 5000);
  const auto crossings = load_crossings(db, frame);
  const auto ev = load_cooperation(db, frame, analysis::parse_day("2025-01-01"),
                                   analysis::parse_day("2025-12-31"));
  ASSERT_EQ(ev.size(), 4u);
  const auto by_x = cooperation_by_crossing(ev, crossings);
  EXPECT_EQ(by_x.size(), 2u);
  EXPECT_EQ(by_x.at({0, "2025-Q1", "meeting"}), 2);
  EXPECT_EQ(by_x.at({0, "2025-Q2", "hotline"}), 1);
  const auto by_s = cooperation_by_segment(ev, crossings, segs, 5000);
  EXPECT_EQ(by_s.at({2, "2025-Q1", "meeting"}), 2);  // the gate at 12 km is in 5km-003
  EXPECT_EQ(by_s.at({6, "2025-Q2", "joint_patrol"}), 1);
  EXPECT_EQ(quarter_label(*analysis::parse_day("2025-12-31")), "2025-Q4");
}

}  // namespace
}  // namespace secmap::border
