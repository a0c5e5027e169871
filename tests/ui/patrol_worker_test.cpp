// The Patrol and Cooperation panels' numbers come from a background thread: asking never waits,
// nothing of another window is ever returned for the one asked, a newer request supersedes an
// older one, and an edit makes them be computed again.
#include <gtest/gtest.h>

#include "demo/demo_builder.h"
#include "render/map_data.h"
#include "test_support.h"
#include "ui/patrol_planning.h"

namespace secmap::ui {
namespace {

TEST(PatrolWorker, AskingNeverWaitsAndAnswersOnlyForTheWindowAsked) {
  const auto path = test::scratch_dir("ui-patrol-worker") / "demo.sqlite";
  demo::DemoOptions o;
  o.synthetic = true;
  o.incidents = 2000;
  demo::build_demo(path, o);
  auto db = store::Database::open(path);
  PatrolPlanning pp;
  pp.open(db);
  ASSERT_TRUE(pp.available()) << pp.error();
  const render::DayRange a{*render::day_number("2025-01-01"), *render::day_number("2025-06-30")};
  const render::DayRange b{*render::day_number("2025-07-01"), *render::day_number("2025-12-31")};

  EXPECT_EQ(pp.plan_if_ready(db, a), nullptr);  // asked for; the worker computes it
  EXPECT_TRUE(pp.updating());
  EXPECT_EQ(pp.plan_if_ready(db, b), nullptr);  // a newer window before the first came back
  EXPECT_EQ(pp.cooperation_if_ready(db, b), nullptr);
  const PatrolWindow& wb = pp.plan(db, b);  // waits for it
  EXPECT_EQ(wb.window.from, b.from);
  EXPECT_EQ(wb.window.to, b.to);
  EXPECT_FALSE(pp.updating());
  EXPECT_EQ(pp.plan_if_ready(db, b), &wb);  // ready now, and not computed again
  EXPECT_EQ(pp.plan_if_ready(db, a), nullptr) << "b's plan must never stand for a";

  // The same numbers as a plan computed for b alone.
  PatrolPlanning alone;
  alone.open(db);
  const PatrolWindow& wb2 = alone.plan(db, b);
  EXPECT_EQ(wb.routes.size(), wb2.routes.size());
  EXPECT_EQ(wb.uncovered_segments, wb2.uncovered_segments);
  EXPECT_EQ(wb.uncovered_crossings, wb2.uncovered_crossings);
  EXPECT_EQ(wb.hotspots, wb2.hotspots);
  const CooperationWindow& cb = pp.cooperation(db, b);
  EXPECT_EQ(cb.events.size(), alone.cooperation(db, b).events.size());
  EXPECT_EQ(cb.window.from, b.from);

  // After an edit the window's results are computed again, never the old ones shown.
  pp.invalidate_results();
  EXPECT_EQ(pp.plan_if_ready(db, b), nullptr);
  EXPECT_EQ(pp.plan(db, b).window.to, b.to);
}

}  // namespace
}  // namespace secmap::ui
