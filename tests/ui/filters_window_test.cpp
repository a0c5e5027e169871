// The incident filters in the real window: category, severity and status filters
// set through the script hook change the number of incidents drawn to the number SpatiaLite
// counts with the same WHERE; "clear filters" shows everything; the filters, layer order and
// opacities come back on the next start.
#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

class FiltersWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-filters-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_);
  }
  nlohmann::json state(const std::string& name) { return read_json(dir_ / name); }
  std::string path(const std::string& name) { return (dir_ / name).string(); }
  long long count(const std::string& where) {
    auto db = store::Database::open(db_);
    auto st = db.prepare("SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL" +
                         (where.empty() ? "" : " AND " + where));
    EXPECT_TRUE(st.step());
    return st.column_int(0);
  }
  std::filesystem::path dir_, db_;
};

TEST_F(FiltersWindowTest, FiltersChangeTheNumberDrawnToTheStoresCount) {
  const std::string script = "wait 1\ndump-state " + path("all.json") +
                             "\ncategories DR\nwait 1\ndump-state " + path("dr.json") +
                             "\ncategories SO-01,SO-02,DR\nseverities nghiem_trong,none\n"
                             "statuses received,solved,investigated\n"
                             "set-time 2024-06-01 2025-06-30\nwait 1\ndump-state " +
                             path("mixed.json") + "\nclear-filters\nset-time all all\nwait 1\n" +
                             "dump-state " + path("cleared.json") + "\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto all = state("all.json"), dr = state("dr.json"), mixed = state("mixed.json"),
             cleared = state("cleared.json");
  const long long n_all = count("");
  const long long n_dr =
      count("category IN (SELECT code FROM incident_categories WHERE group_code = 'DR')");
  const long long n_mixed = count(
      "(category IN ('SO-01', 'SO-02') OR category IN (SELECT code FROM incident_categories "
      "WHERE group_code = 'DR')) AND (severity = 'nghiem_trong' OR severity IS NULL) AND status "
      "IN ('received', 'solved', 'investigated') AND substr(occurred_at, 1, 10) BETWEEN "
      "'2024-06-01' AND '2025-06-30'");
  EXPECT_EQ(all["visible_incidents"].get<long long>(), n_all);
  EXPECT_EQ(dr["visible_incidents"].get<long long>(), n_dr);
  EXPECT_EQ(mixed["visible_incidents"].get<long long>(), n_mixed);
  EXPECT_EQ(cleared["visible_incidents"].get<long long>(), n_all);
  EXPECT_GT(n_dr, 0);
  EXPECT_LT(n_dr, n_all);
  EXPECT_GT(n_mixed, 0);
  EXPECT_LT(n_mixed, n_dr + count("category IN ('SO-01', 'SO-02')"));
  // The filters the window reports hiding, and a new map image for each change.
  EXPECT_TRUE(all["hidden_categories"].empty());
  EXPECT_FALSE(dr["hidden_categories"].empty());
  const auto hidden_sev = mixed["hidden_severities"].get<std::vector<std::string>>();
  EXPECT_EQ(hidden_sev.size(), 3u);  // four severities, one shown, and "none" shown
  EXPECT_GT(dr["map_renders"].get<int>(), all["map_renders"].get<int>());
  EXPECT_GT(mixed["map_renders"].get<int>(), dr["map_renders"].get<int>());
  EXPECT_TRUE(cleared["hidden_statuses"].empty());
}

TEST_F(FiltersWindowTest, AnUnknownCodeFailsTheScriptAndChangesNothing) {
  const auto r = run_window(dir_, quoted(db_),
                            "categories NO-SUCH\nwait 1\ndump-state " + path("s.json") + "\nquit\n",
                            "--no-restore");
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("NO-SUCH"), std::string::npos) << r.output;
  EXPECT_EQ(state("s.json")["visible_incidents"].get<long long>(), count(""));
}

TEST_F(FiltersWindowTest, FiltersOrderAndOpacityComeBackOnTheNextStart) {
  auto r = run_window(dir_, quoted(db_),
                      "categories DR,SO\nseverities rat_nghiem_trong,dac_biet_nghiem_trong\n"
                      "statuses solved\nlayer-order incidents,communes\nopacity communes 0.4\n"
                      "wait 1\ndump-state " +
                          path("first.json") + "\nquit\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = run_window(dir_, quoted(db_), "wait 2\ndump-state " + path("second.json") + "\nquit\n", "",
                 "second.txt");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto a = state("first.json"), b = state("second.json");
  for (const char* key : {"hidden_categories", "hidden_severities", "hidden_statuses",
                          "visible_incidents", "layer_order", "layer_opacity"})
    EXPECT_EQ(a[key], b[key]) << key;
  EXPECT_EQ(b["layer_order"][0], "incidents");
  EXPECT_NEAR(b["layer_opacity"]["communes"].get<double>(), 0.4, 1e-6);
  EXPECT_EQ(b["visible_incidents"].get<long long>(),
            count("category IN (SELECT code FROM incident_categories WHERE group_code IN ('DR', "
                  "'SO')) AND severity IN ('rat_nghiem_trong', 'dac_biet_nghiem_trong') AND "
                  "status = 'solved'"));
}

}  // namespace
}  // namespace secmap::test
