// The Patrol and Cooperation panels in the real window: for the window set by
// the time controls they show the routes, lengths, durations, hotspot communes, crossings and
// uncovered segments and crossings that `secmap patrol plan|coverage` prints for the same
// window, the coverage layer's classes agree with the coverage table, the cooperation counts per
// crossing and segment are those of `secmap border cooperation`, the BLO links are those of the
// database, and the panel's exports write a GPX that reads back and a patrol sheet PDF.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "io/route_file.h"
#include "store/csv.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

store::CsvTable read_csv(const std::filesystem::path& p) {
  return store::parse_csv_table(slurp(p), p.string());
}

std::string cell(const store::CsvTable& t, const store::CsvRow& r, const char* col) {
  const auto c = t.column(col);
  EXPECT_TRUE(c) << col;
  return c ? r[*c] : "";
}

// "Xã A (hot_95); Xã B (minh họa) (hot_99)" → {"Xã A", "Xã B (minh họa)"}
std::set<std::string> names_without_class(const std::string& list) {
  std::set<std::string> out;
  std::stringstream ss(list);
  for (std::string item; std::getline(ss, item, ';');) {
    item.erase(0, item.find_first_not_of(' '));
    // The command appends the Gi* class; names may hold parentheses of their own.
    for (const char* cls : {" (hot", " (cold"})
      if (const auto at = item.rfind(cls); at != std::string::npos) item.erase(at);
    if (!item.empty()) out.insert(item);
  }
  return out;
}

class BorderPanelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-border-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_, 3000);
    // The window: every patrol of the demo, first start to last end.
    auto db = store::Database::open(db_);
    auto st = db.prepare(
        "SELECT min(substr(starts_at, 1, 10)), max(substr(ends_at, 1, 10)) FROM patrols");
    EXPECT_TRUE(st.step());
    from_ = st.column_text(0);
    to_ = st.column_text(1);
    ASSERT_FALSE(from_.empty());
  }
  CommandResult cli(const std::string& args) {
    return run_command(quoted(secmap_binary()) + " " + args);
  }
  std::string path(const std::string& name) { return (dir_ / name).string(); }
  std::filesystem::path dir_, db_;
  std::string from_, to_;
};

TEST_F(BorderPanelsTest, PatrolPanelShowsThePlanAndCoverageOfTheBorderModule) {
  const auto w =
      run_window(dir_, quoted(db_),
                 "set-time " + from_ + " " + to_ + "\nlayer coverage on\nwait 2\ndump-state " +
                     path("d.json") + "\npatrol-export " + path("routes.gpx") + "\npatrol-sheet " +
                     path("sheet.pdf") + "\nquit\n",
                 "--no-restore");
  ASSERT_EQ(w.exit_code, 0) << w.output;
  const auto j = read_json(dir_ / "d.json");
  ASSERT_TRUE(j.contains("border") && !j["border"].is_null()) << j.dump();
  const auto& p = j["border"]["patrol"];
  EXPECT_EQ(p["from"], from_);
  EXPECT_EQ(p["to"], to_);

  // The plan as the command line prints it (sensitive crossings named: the window is internal).
  const std::string win = " --from " + from_ + " --to " + to_ + " --include-sensitive";
  auto r = cli("patrol " + quoted(db_) + " plan" + win + " --out " + path("plan.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto plan = read_csv(dir_ / "plan.csv");
  ASSERT_GT(plan.rows.size(), 0u);
  ASSERT_EQ(p["routes"].size(), plan.rows.size());
  size_t with_hotspots = 0;
  for (size_t i = 0; i < plan.rows.size(); ++i) {
    const auto& row = plan.rows[i];
    const auto& shown = p["routes"][i];
    SCOPED_TRACE(cell(plan, row, "name"));
    EXPECT_EQ(shown["name"], cell(plan, row, "name"));
    EXPECT_EQ(shown["mode"], cell(plan, row, "mode"));
    EXPECT_NEAR(std::stod(shown["length_km"].get<std::string>()),
                std::stod(cell(plan, row, "length_km")), 0.0051);
    EXPECT_EQ(shown["duration"], cell(plan, row, "duration"));
    EXPECT_EQ(names_without_class(shown["hotspots"]),
              names_without_class(cell(plan, row, "hotspots")));
    EXPECT_EQ(shown["crossings"], cell(plan, row, "crossings"));
    with_hotspots += !cell(plan, row, "hotspots").empty();
  }

  // Uncovered segments and crossings, and the layer's classes, against the coverage table.
  r = cli("patrol " + quoted(db_) + " coverage" + win + " --out " + path("cov.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto cov = read_csv(dir_ / "cov.csv");
  std::vector<std::string> segs, crossings;
  std::vector<std::pair<bool, double>> seg_rows;  // covered, done_fraction
  for (const auto& row : cov.rows) {
    const bool covered = cell(cov, row, "covered") == "yes";
    if (cell(cov, row, "feature") == "segment") {
      if (!covered) segs.push_back(cell(cov, row, "id"));
      seg_rows.push_back({covered, std::stod(cell(cov, row, "done_fraction"))});
    } else if (!covered) {
      crossings.push_back(cell(cov, row, "name"));
    }
  }
  EXPECT_EQ(p["uncovered_segments"].get<std::vector<std::string>>(), segs);
  EXPECT_EQ(p["uncovered_crossings"].get<std::vector<std::string>>(), crossings);
  EXPECT_LT(segs.size(), seg_rows.size());  // some covered, so the comparison means something
  ASSERT_EQ(p["coverage_states"].size(), seg_rows.size());
  for (size_t i = 0; i < seg_rows.size(); ++i) {
    const int state = p["coverage_states"][i];
    EXPECT_EQ(state == 0, !seg_rows[i].first) << i;
    // States 2 and 3 (done) exactly where done routes hold 80% (the table rounds to 1e-4).
    if (std::abs(seg_rows[i].second - 0.8) > 1e-3) {
      EXPECT_EQ(state >= 2, seg_rows[i].second >= 0.8) << i;
    }
  }
  EXPECT_TRUE(p["coverage_layer_shown"].get<bool>());

  // The panel's exports: the GPX reads back with the window's routes, the sheet is a PDF.
  const auto back = io::read_routes(dir_ / "routes.gpx");
  EXPECT_EQ(back.size(), plan.rows.size());
  EXPECT_EQ(slurp(dir_ / "sheet.pdf").substr(0, 5), "%PDF-");
}

TEST_F(BorderPanelsTest, CooperationPanelShowsTheCountsOfTheBorderModule) {
  const auto w =
      run_window(dir_, quoted(db_),
                 "set-time " + from_ + " " + to_ + "\nwait 1\ndump-state " + path("d.json") +
                     "\nlayer links off\nwait 1\ndump-state " + path("off.json") + "\nquit\n",
                 "--no-restore");
  ASSERT_EQ(w.exit_code, 0) << w.output;
  const auto j = read_json(dir_ / "d.json");
  ASSERT_FALSE(j["border"].is_null());
  const auto& c = j["border"]["cooperation"];

  auto r = cli("border " + quoted(db_) + " cooperation --from " + from_ + " --to " + to_ +
               " --include-sensitive --out " + path("coop.csv"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // The command prints "N cooperation events in FROM/TO".
  EXPECT_NE(r.output.find(std::to_string(c["events"].get<size_t>()) + " cooperation events in"),
            std::string::npos)
      << r.output;
  EXPECT_GT(c["events"].get<size_t>(), 0u);
  const auto coop = read_csv(dir_ / "coop.csv");
  std::map<std::string, std::map<std::string, int64_t>> by_crossing, by_segment;
  for (const auto& row : coop.rows) {
    auto& m = cell(coop, row, "target") == "crossing" ? by_crossing : by_segment;
    const std::string key = cell(coop, row, "target") == "crossing" ? cell(coop, row, "name")
                                                                    : cell(coop, row, "target_id");
    m[key][cell(coop, row, "kind")] += std::stoll(cell(coop, row, "count"));
  }
  ASSERT_FALSE(by_crossing.empty());
  EXPECT_EQ(c["by_crossing"].get<decltype(by_crossing)>(), by_crossing);
  EXPECT_EQ(c["by_segment"].get<decltype(by_segment)>(), by_segment);
  int64_t per_quarter = 0;
  for (const auto& [q, kinds] : c["by_quarter"].items())
    for (const auto& [k, n] : kinds.items()) per_quarter += n.get<int64_t>();
  EXPECT_EQ(per_quarter, c["events"].get<int64_t>());

  // BLO links: one per linked pair of facilities in the database, shown until switched off.
  auto db = store::Database::open(db_);
  const auto pairs = db.query_text(
      "SELECT count(*) FROM facilities f JOIN facilities c ON c.id = f.counterpart_id WHERE "
      "f.id < c.id OR c.counterpart_id IS NOT f.id");
  ASSERT_TRUE(pairs);
  EXPECT_EQ(std::to_string(c["links"].size()), *pairs);
  EXPECT_GT(c["links"].size(), 0u);
  EXPECT_TRUE(c["links_shown"].get<bool>());
  EXPECT_FALSE(read_json(dir_ / "off.json")["border"]["cooperation"]["links_shown"].get<bool>());
}

TEST_F(BorderPanelsTest, ImportedRouteFileReplacesTheTableRoutes) {
  // Two routes written by the CLI export, read back through the panel's import.
  auto r = cli("patrol " + quoted(db_) + " export --include-sensitive --from " + from_ + " --to " +
               to_ + " --out " + path("in.gpx"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto file_routes = io::read_routes(dir_ / "in.gpx");
  ASSERT_GT(file_routes.size(), 0u);
  const auto w = run_window(dir_, quoted(db_),
                            "set-time " + from_ + " " + to_ + "\npatrol-import " + path("in.gpx") +
                                "\nwait 1\ndump-state " + path("d.json") + "\npatrol-import " +
                                path("missing.gpx") + "\nquit\n",
                            "--no-restore");
  EXPECT_EQ(w.exit_code, 3) << w.output;  // the missing file is a failed command
  EXPECT_NE(w.output.find("missing.gpx"), std::string::npos) << w.output;
  const auto j = read_json(dir_ / "d.json");
  const auto& p = j["border"]["patrol"];
  EXPECT_EQ(p["routes_source"], path("in.gpx"));
  // The window holds every patrol of the demo: all the file's routes are listed.
  std::set<std::string> names;
  for (const auto& x : p["routes"]) names.insert(x["name"]);
  std::set<std::string> expected;
  for (const auto& fr : file_routes) expected.insert(fr.name);
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace secmap::test
