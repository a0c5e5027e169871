// The map window on the demo database built from the real 2025 communes of Lào Cai and Lai
// Châu (skipped with a message when ../shared/realdata is absent).
#include <gtest/gtest.h>

#include <algorithm>

#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

constexpr const char* kCommunes = "vn2025_communes_laocai_laichau.geojson";

TEST(RealDataWindow, SearchesWithoutDiacriticsAndIdentifiesRealCommunes) {
  SECMAP_REQUIRE_REALDATA(kCommunes);
  SECMAP_REQUIRE_DISPLAY();
  const auto dir = scratch_dir("ui-realdata");
  const auto db = make_demo_db(dir, 5000, /*synthetic=*/false);
  std::string script = "wait 1\nsearch muong khuong\ndump-state " + (dir / "mk.json").string() +
                       "\nsearch lao cai\ndump-state " + (dir / "lc.json").string() +
                       "\nsearch dong\ndump-state " + (dir / "dong.json").string() +
                       "\nlayer crossings off\nlayer facilities off\nlayer incidents off\n"
                       "layer patrols off\n";
  const int points[][2] = {{500, 350}, {300, 250}, {700, 450}};
  for (int i = 0; i < 3; ++i)
    script += "click " + std::to_string(points[i][0]) + " " + std::to_string(points[i][1]) +
              "\ndump-state " + (dir / ("c" + std::to_string(i) + ".json")).string() + "\n";
  const auto r = run_window(dir, quoted(db), script + "quit\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;

  auto names = [&](const char* file) {
    std::vector<std::string> out;
    const auto state = read_json(dir / file);  // kept alive for the loop
    for (const auto& h : state["search"]["results"]) out.push_back(h["name"]);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  EXPECT_TRUE(has(names("mk.json"), "Mường Khương"));
  ASSERT_FALSE(names("mk.json").empty());
  EXPECT_EQ(names("mk.json").front(), "Mường Khương");  // the whole name first
  EXPECT_TRUE(has(names("lc.json"), "Lào Cai"));
  bool dong = false;  // "dong" finds names with Đ
  for (const auto& n : names("dong.json")) dong = dong || n.rfind("Đ", 0) == 0;
  EXPECT_TRUE(dong);

  auto store = store::Database::open(db);
  for (int i = 0; i < 3; ++i) {
    const auto s = read_json(dir / ("c" + std::to_string(i) + ".json"));
    const LonLat ll = pixel_lonlat(s["view"], points[i][0], points[i][1]);
    auto st = store.prepare(
        "SELECT code FROM communes WHERE valid_to IS NULL AND "
        "ST_Within(MakePoint(?, ?, 4326), geom)");
    st.bind(1, ll.lon).bind(2, ll.lat);
    if (st.step())
      EXPECT_EQ(s["selected"]["code"].get<std::string>(), st.column_text(0)) << "click " << i;
    else
      EXPECT_TRUE(s["selected"].is_null()) << "click " << i;
  }
}

}  // namespace
}  // namespace secmap::test
