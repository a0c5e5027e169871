// Identify in the real window: a click on an incident's pixel selects
// that incident, a click on a patrol route selects the route, a commune lists its whole status
// history and its incidents in the filter, and the targets panel shows the numbers
// `secmap analyze targets` prints.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

// Map pixel of lon/lat for a dumped view: spherical Web Mercator, written here independently.
std::pair<double, double> pixel_of(const nlohmann::json& view, double lon, double lat) {
  constexpr double R = 6378137.0, kPi = 3.14159265358979323846;
  const double x = R * lon * kPi / 180, y = R * std::log(std::tan(kPi / 4 + lat * kPi / 360));
  const double s = view["m_per_px"].get<double>();
  return {(x - view["centre_x"].get<double>()) / s + view["width"].get<double>() / 2,
          (view["centre_y"].get<double>() - y) / s + view["height"].get<double>() / 2};
}

class IdentifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-identify-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_);
  }
  nlohmann::json run(const std::string& script, const std::string& dump) {
    const auto r = run_window(dir_, quoted(db_), script + "dump-state " + path(dump) + "\nquit\n",
                              "--no-restore");
    EXPECT_EQ(r.exit_code, 0) << r.output;
    return read_json(dir_ / dump);
  }
  std::string path(const std::string& name) { return (dir_ / name).string(); }
  std::filesystem::path dir_, db_;
};

TEST_F(IdentifyTest, ClickingAnIncidentsPixelIdentifiesThatIncident) {
  auto db = store::Database::open(db_);
  // The rarest category with at least two incidents, and of its incidents the one farthest from
  // the others (so no neighbour lies within the click radius).
  auto cat = db.prepare(
      "SELECT category FROM incidents WHERE deleted = 0 GROUP BY category HAVING count(*) >= 2 "
      "ORDER BY count(*), category LIMIT 1");
  ASSERT_TRUE(cat.step());
  const std::string category = cat.column_text(0);
  auto pick = db.prepare(
      "SELECT a.id, ST_X(a.geom), ST_Y(a.geom), (SELECT min(ST_Distance(a.geom, b.geom)) FROM "
      "incidents b WHERE b.category = a.category AND b.id <> a.id AND b.deleted = 0) AS d "
      "FROM incidents a WHERE a.category = ? AND a.deleted = 0 ORDER BY d DESC LIMIT 1");
  pick.bind(1, category);
  ASSERT_TRUE(pick.step());
  const int64_t id = pick.column_int(0);
  const double lon = pick.column_double(1), lat = pick.column_double(2);

  const std::string setup =
      "layer crossings off\nlayer facilities off\nlayer patrols off\n"
      "categories " +
      category + "\nbins off\nfit\nwait 1\n";
  const auto fitted = run(setup, "fit.json");
  auto [px, py] = pixel_of(fitted["view"], lon, lat);
  ASSERT_GT(px, 0);
  ASSERT_LT(px, fitted["view"]["width"].get<double>());
  // Zoom in about the incident (it stays at its pixel), then click it.
  const std::string at = std::to_string(px) + " " + std::to_string(py);
  const auto s = run(setup + "zoom 6 " + at + "\nwait 1\nclick " + at + "\nwait 1\n", "click.json");
  ASSERT_FALSE(s["selected"].is_null()) << s.dump(2);
  EXPECT_EQ(s["selected"]["kind"], "incident");
  EXPECT_EQ(s["selected"]["code"], std::to_string(id));
  // Vietnamese labels, the category by its code-list name.
  auto name = db.prepare("SELECT name_vi FROM incident_categories WHERE code = ?");
  name.bind(1, category);
  ASSERT_TRUE(name.step());
  const auto& attrs = s["selected"]["attributes"];
  ASSERT_TRUE(attrs.contains("Loại vụ việc")) << attrs.dump(2);
  EXPECT_NE(attrs["Loại vụ việc"].get<std::string>().find(name.column_text(0)), std::string::npos);
  EXPECT_TRUE(attrs.contains("Tình trạng xử lý"));
  EXPECT_TRUE(attrs.contains("Thời gian xảy ra"));

  // A filter that hides it: the same click finds no incident.
  const auto hidden =
      run(setup + "zoom 6 " + at + "\nstatuses none\nwait 1\nclick " + at + "\nwait 1\n",
          "hidden.json");
  EXPECT_TRUE(hidden["selected"].is_null() || hidden["selected"]["kind"] != "incident");
}

TEST_F(IdentifyTest, ClickingAPatrolRouteIdentifiesIt) {
  auto db = store::Database::open(db_);
  auto pick = db.prepare(
      "SELECT id, ST_X(ST_PointN(geom, ST_NumPoints(geom) / 2 + 1)), "
      "ST_Y(ST_PointN(geom, ST_NumPoints(geom) / 2 + 1)) FROM patrols WHERE geom IS NOT NULL "
      "ORDER BY ST_Length(geom) DESC LIMIT 1");
  ASSERT_TRUE(pick.step()) << "the demo database has patrol routes";
  const std::string setup =
      "layer crossings off\nlayer facilities off\nlayer incidents off\nfit\nwait 1\n";
  const auto fitted = run(setup, "fit.json");
  auto [px, py] = pixel_of(fitted["view"], pick.column_double(1), pick.column_double(2));
  const std::string at = std::to_string(px) + " " + std::to_string(py);
  const auto s = run(setup + "zoom 20 " + at + "\nwait 1\nclick " + at + "\nwait 1\n", "p.json");
  ASSERT_FALSE(s["selected"].is_null());
  EXPECT_EQ(s["selected"]["kind"], "patrol");
  // That route, or one of the routes that run through the same point (patrols repeat a path):
  // SpatiaLite puts the selected route within the click radius (9 px) of the point.
  auto near =
      db.prepare("SELECT ST_Distance(geom, MakePoint(?, ?, 4326)) FROM patrols WHERE id = ?");
  near.bind(1, pick.column_double(1)).bind(2, pick.column_double(2));
  near.bind(3, static_cast<int64_t>(std::stoll(s["selected"]["code"].get<std::string>())));
  ASSERT_TRUE(near.step());
  const double radius_deg = 9.5 * s["view"]["m_per_px"].get<double>() / 111320.0;
  EXPECT_LE(near.column_double(0), radius_deg) << "picked route " << s["selected"]["code"];
  EXPECT_TRUE(s["selected"]["attributes"].contains("Phương thức"));
}

TEST_F(IdentifyTest, ACommuneListsItsStatusHistoryAndIncidents) {
  // The commune with most status periods; fly to it through search by its code.
  auto db = store::Database::open(db_);
  auto pick = db.prepare(
      "SELECT commune_code, count(*) FROM commune_status GROUP BY commune_code "
      "ORDER BY count(*) DESC, commune_code LIMIT 1");
  ASSERT_TRUE(pick.step());
  const std::string code = pick.column_text(0);
  ASSERT_GE(pick.column_int(1), 2) << "the demo has several periods per commune";
  const auto s = run("search " + code +
                         "\nwait 1\nfly 0\nset-time 2024-01-01 2025-12-31\n"
                         "wait 1\n",
                     "commune.json");
  ASSERT_FALSE(s["selected"].is_null());
  ASSERT_EQ(s["selected"]["code"], code);
  auto periods = db.prepare(
      "SELECT period_from FROM commune_status WHERE commune_code = ? ORDER BY period_from, id");
  periods.bind(1, code);
  std::vector<std::string> want;
  while (periods.step()) want.push_back(periods.column_text(0));
  const auto& history = s["selected"]["history"];
  ASSERT_EQ(history.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) EXPECT_EQ(history[i]["from"], want[i]);
  // Its incidents in the filter: the count and the newest ids, as SQL has them.
  auto n = db.prepare(
      "SELECT count(*) FROM incidents WHERE deleted = 0 AND geom IS NOT NULL AND commune_code = ? "
      "AND substr(occurred_at, 1, 10) BETWEEN '2024-01-01' AND '2025-12-31'");
  n.bind(1, code);
  ASSERT_TRUE(n.step());
  EXPECT_EQ(s["selected"]["incident_list"]["total"].get<long long>(), n.column_int(0));
  EXPECT_EQ(s["selected"]["incidents_in_filter"].get<long long>(), n.column_int(0));
  auto newest = db.prepare(
      "SELECT id FROM incidents WHERE deleted = 0 AND geom IS NOT NULL AND commune_code = ? AND "
      "substr(occurred_at, 1, 10) BETWEEN '2024-01-01' AND '2025-12-31' "
      "ORDER BY substr(occurred_at, 1, 10) DESC, id DESC LIMIT 5");
  newest.bind(1, code);
  const auto& ids = s["selected"]["incident_list"]["ids"];
  for (size_t i = 0; newest.step(); ++i) {
    ASSERT_LT(i, ids.size());
    EXPECT_EQ(ids[i].get<int64_t>(), newest.column_int(0));
  }
}

// The province tiles equal the rows `secmap analyze targets` writes for the same year.
TEST_F(IdentifyTest, TargetsPanelShowsTheAnalysisNumbers) {
  const auto csv = dir_ / "targets.csv";
  const auto r = run_command(quoted(secmap_binary()) + " analyze " + quoted(db_) +
                             " targets --year 2025 --out " + quoted(csv));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto s = run("targets-year 2025\nwait 1\n", "targets.json");
  ASSERT_EQ(s["targets"]["year"], 2025);
  const auto& tiles = s["targets"]["province"];
  ASSERT_FALSE(tiles.empty());
  // indicator,scope,code,name,year,numerator,denominator,value,comparator,target,state
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  size_t matched = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string cell; std::getline(ls, cell, ',');) f.push_back(cell);
    if (f.size() < 11 || f[1] != "province" || f[4] != "2025") continue;
    bool found = false;
    for (const auto& t : tiles) {
      if (t["indicator"] != f[0]) continue;
      found = true;
      ++matched;
      EXPECT_EQ(std::to_string(t["numerator"].get<long long>()), f[5]) << f[0];
      EXPECT_EQ(std::to_string(t["denominator"].get<long long>()), f[6]) << f[0];
      if (f[7].empty())
        EXPECT_TRUE(t["value"].is_null()) << f[0];
      else
        EXPECT_NEAR(t["value"].get<double>(), std::stod(f[7]), 1e-6) << f[0];
      EXPECT_EQ(t["state"], f[10]) << f[0];
    }
    EXPECT_TRUE(found) << "the panel lacks " << f[0];
  }
  EXPECT_EQ(matched, tiles.size());
  EXPECT_GE(matched, 5u);
}

}  // namespace
}  // namespace secmap::test
