// Incidents known only by their commune (a list kept by commune, no coordinates): the map counts
// them in their commune's totals, and draws no dot for them anywhere.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "io/importer.h"
#include "render/incident_filter.h"
#include "render/map_data.h"
#include "render_fixtures.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

TEST(CommuneLevel, CountedInTheCommuneNeverDrawnAsAPoint) {
  const auto path = test::scratch_dir("commune_level") / "grid.sqlite";
  test::build_fixture("grid", path);
  auto db = store::Database::open(path);
  const MapData before = load_map_data(db);
  ASSERT_FALSE(before.communes.empty());
  const std::string code = before.communes.front().code;
  const int32_t from = *day_number("2000-01-01"), to = *day_number("2100-01-01");
  const std::vector<int> counts_before = before.incident_counts(from, to);

  // Imported from a list that names the commune by its code and gives no coordinates.
  const auto csv = path.parent_path() / "by_commune.csv";
  {
    std::ofstream f(csv);
    f << "Số hồ sơ,Ngày xảy ra,Loại vụ việc,Xã\n";
    for (int i = 1; i <= 3; ++i) f << "X-" << i << ",0" << i << "/01/2025,SO-06," << code << "\n";
    f << "X-4,13/01/2025,SO-06," << code << "\n";
  }
  io::ImportOptions o;
  o.layer = "incidents";
  o.file = csv;
  o.today = "2026-01-01";
  ASSERT_EQ(io::import_file(db, o).by_commune, 4u);
  EXPECT_EQ(db.query_int("SELECT count(*) FROM incidents WHERE geom IS NULL AND commune_code = '" +
                         code + "' AND outside_communes = 0"),
            4);

  const MapData after = load_map_data(db);
  EXPECT_EQ(after.incidents.size(), before.incidents.size()) << "no new point to draw";
  EXPECT_EQ(after.commune_level.size(), 4u);
  for (const geo::Point& p : after.commune_level.at) EXPECT_TRUE(std::isnan(p.x));
  const std::vector<int> counts_after = after.incident_counts(from, to);
  EXPECT_EQ(counts_after[0], counts_before[0] + 4);
  IncidentFilter all;
  all.days = {from, to};
  const std::vector<int> styled =
      commune_totals(after.incidents, after.commune_level, after.communes.size(), all);
  EXPECT_EQ(styled[0], counts_after[0]);
  // The window's date filter applies to them as to the points.
  IncidentFilter january_2nd;
  january_2nd.days = {*day_number("2025-01-02"), *day_number("2025-01-02")};
  EXPECT_EQ(incident_counts(after.commune_level, after.communes.size(), january_2nd)[0], 1);
}

}  // namespace
}  // namespace secmap::render
