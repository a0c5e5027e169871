// The border and patrol commands end to end through the secmap binary: a route file plan over a
// synthetic border reports exactly the uncovered segments; export keeps sensitive patrols out
// unless asked; bad input fails with a message and leaves the database as it was.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "border_fixture.h"
#include "io/route_file.h"

namespace secmap::border {
namespace {

using namespace testing;
namespace fs = std::filesystem;

std::vector<std::vector<std::string>> read_csv(const fs::path& p) {
  std::ifstream in(p);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        cells.push_back(cell), cell.clear();
      else
        cell += c;
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

size_t col(const std::vector<std::string>& header, const std::string& name) {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  ADD_FAILURE() << "no column " << name;
  return 0;
}

struct Cli : ::testing::Test {
  RefProj proj;
  fs::path dir = secmap::test::scratch_dir("border_cli");
  fs::path db_path = dir / "t.sqlite";
  void SetUp() override {
    auto db = store::Database::open(db_path, store::Database::Mode::CreateIfMissing);
    add_commune_m(db, proj, "00001", kX0, kX0 + 20000, kY0 - 15000, kY0);
    add_commune_m(db, proj, "00002", kX0 + 20000, kX0 + kLen, kY0 - 15000, kY0);
    add_border_m(db, proj, {{kX0, kY0}, {kX0 + kLen, kY0}});
    add_crossing_m(db, proj, "Cửa khẩu A", {kX0 + 2500, kY0 - 1}, "main_gate", "00001");
    add_crossing_m(db, proj, "Cửa khẩu B", {kX0 + 37000, kY0 - 1}, "main_gate", "00002");
    add_crossing_m(db, proj, "Lối mở C", {kX0 + 38000, kY0 - 1}, "opening", "00002");
    add_patrol_m(db, proj, "DB route", {{kX0 + 100, kY0 + 200}, {kX0 + 9000, kY0 + 200}}, "done",
                 "2025-02-01");
    for (int i = 0; i < 30; ++i)
      add_incident_m(db, proj, "DR-01", "2025-03-01", {kX0 + 1000 + 300.0 * i, kY0 - 2000});
  }
  std::string bin() const { return secmap::test::secmap_binary().string(); }
  test::CommandResult run(const std::string& args) const {
    return test::run_command(bin() + " " + args + " 2>&1");
  }
};

TEST_F(Cli, PatrolCoverageOfAPlanFileReportsExactlyTheUncoveredSegments) {
  // Planned routes 300 m north: km −0.5…12 and 19.5…30.5 (as in coverage_test).
  std::vector<io::RouteRecord> plan = {
      {"Tuyến 1", "Đồn A", "foot", "planned", "", "",
       proj.to_ll(std::vector<geo::Point>{{kX0 - 500, kY0 + 300}, {kX0 + 12000, kY0 + 300}})},
      {"Tuyến 2", "Đồn B", "motorbike", "planned", "", "",
       proj.to_ll(std::vector<geo::Point>{{kX0 + 19500, kY0 + 300}, {kX0 + 30500, kY0 + 300}})}};
  io::write_routes(dir / "plan.gpx", plan);
  const auto r =
      run("patrol " + db_path.string() + " coverage --routes " + (dir / "plan.gpx").string() +
          " --from 2025-01-01 --to 2025-12-31 --out " + (dir / "cov.csv").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto rows = read_csv(dir / "cov.csv");
  ASSERT_GT(rows.size(), 1u);
  const auto& h = rows[0];
  std::set<std::string> uncovered, listed_crossings;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i][col(h, "feature")] == "segment" && rows[i][col(h, "covered")] == "no")
      uncovered.insert(rows[i][col(h, "id")]);
    if (rows[i][col(h, "feature")] == "crossing") listed_crossings.insert(rows[i][col(h, "name")]);
  }
  EXPECT_EQ(uncovered, (std::set<std::string>{"5km-003", "5km-004", "5km-007", "5km-008"}));
  // The opening is sensitive: counted, not listed.
  EXPECT_EQ(listed_crossings, (std::set<std::string>{"Cửa khẩu A", "Cửa khẩu B"}));
  EXPECT_NE(r.output.find("not covered: 2 crossings: Cửa khẩu B (+1 sensitive, not named)"),
            std::string::npos)
      << r.output;

  // The plan table: length, duration at the mode's speed (foot 3 km/h, overridden to 4).
  const auto p =
      run("patrol " + db_path.string() + " plan --routes " + (dir / "plan.gpx").string() +
          " --from 2025-01-01 --to 2025-12-31 --speed foot=4 --out " + (dir / "plan.csv").string());
  ASSERT_EQ(p.exit_code, 0) << p.output;
  const auto plan_rows = read_csv(dir / "plan.csv");
  ASSERT_EQ(plan_rows.size(), 3u);
  const auto& ph = plan_rows[0];
  EXPECT_NEAR(std::stod(plan_rows[1][col(ph, "length_km")]), 12.5, 0.01);
  EXPECT_NEAR(std::stod(plan_rows[1][col(ph, "hours")]), 12.5 / 4, 0.01);
  EXPECT_NEAR(std::stod(plan_rows[2][col(ph, "hours")]), 11.0 / 25, 0.01);
  EXPECT_EQ(plan_rows[1][col(ph, "crossings")], "Cửa khẩu A");
  EXPECT_EQ(plan_rows[1][col(ph, "segments")], "5km-001,5km-002,5km-003");
}

TEST_F(Cli, ExportWithholdsSensitivePatrolsUnlessAsked) {
  const auto out = (dir / "routes.gpx").string();
  const auto refused = run("patrol " + db_path.string() + " export --out " + out);
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.output.find("sensitive"), std::string::npos) << refused.output;
  EXPECT_FALSE(fs::exists(out));
  const auto ok = run("patrol " + db_path.string() + " export --include-sensitive --out " + out);
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  const auto back = io::read_routes(out);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0].name, "DB route");
  EXPECT_NEAR(back[0].line[0].x, proj.to_ll(geo::Point{kX0 + 100, kY0 + 200}).x, 1e-6);
}

TEST_F(Cli, BorderSegmentsAreStoredAndCrossingsCounted) {
  const auto r = run("border " + db_path.string() +
                     " segments --scheme fixed --length-km 10 "
                     "--from 2025-01-01 --to 2025-12-31 --out " +
                     (dir / "segs.geojson").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  {
    auto db = store::Database::open(db_path);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM border_segments WHERE scheme = 'fixed'"), 4);
    EXPECT_EQ(db.query_text("SELECT segment_id FROM border_segments ORDER BY seq LIMIT 1"),
              "10km-001");
  }
  const auto c = run("border " + db_path.string() +
                     " crossings --from 2025-01-01 --to "
                     "2025-12-31 --out " +
                     (dir / "x.csv").string());
  ASSERT_EQ(c.exit_code, 0) << c.output;
  const auto rows = read_csv(dir / "x.csv");
  ASSERT_EQ(rows.size(), 3u);  // the opening withheld
  const auto& h = rows[0];
  // Crossing A at 2.5 km: incidents at 1…9.7 km, 2 km south; within 5 km of A: x ≤ 2.5 + √21.
  int expect = 0;
  for (int i = 0; i < 30; ++i)
    if (std::hypot(1000 + 300.0 * i - 2500, 2000 - 1) <= 5000) ++expect;
  EXPECT_EQ(std::stoi(rows[1][col(h, "drugs")]), expect);
  EXPECT_EQ(rows[1][col(h, "drugs_prev")], "0");
  EXPECT_EQ(rows[1][col(h, "segment_commune")], "00001-01");
}

TEST_F(Cli, BadInputFailsAndLeavesTheDatabaseAsItWas) {
  const auto before = fs::file_size(db_path);
  auto count = [&] {
    auto db = store::Database::open(db_path);
    return db.query_int("SELECT count(*) FROM border_segments").value_or(-1);
  };
  const int64_t n0 = count();
  auto r = run("border " + db_path.string() + " segments --from 2025-13-01 --out " +
               (dir / "s.csv").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("2025-13-01"), std::string::npos) << r.output;
  r = run("patrol " + db_path.string() + " plan --routes " + (dir / "nope.gpx").string() +
          " --out " + (dir / "p.csv").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("nope.gpx: file not found"), std::string::npos) << r.output;
  r = run("patrol " + db_path.string() + " plan --speed foot=-3 --out " + (dir / "p.csv").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("foot=-3"), std::string::npos) << r.output;
  r = run("border " + db_path.string() + " segments --out " + (dir / "s.xlsx").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("s.xlsx"), std::string::npos) << r.output;
  EXPECT_EQ(count(), n0);
  (void)before;
}

}  // namespace
}  // namespace secmap::border
