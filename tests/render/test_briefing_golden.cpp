// Golden images of what briefers hand out: a deck page (side by side, legend column, banner,
// footer) through export_deck, and a frame of an animation through animation_frame, both from
// the "grid" fixture. Compared with tests/golden/ within a tolerance; SECMAP_UPDATE_GOLDEN=1
// rewrites them instead (check the new images by eye first).
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>

#include "briefing/animation.h"
#include "briefing/deck_export.h"
#include "briefing/slide.h"
#include "image_compare.h"
#include "io/png.h"
#include "render/map_data.h"
#include "render_fixtures.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::test {
namespace {

bool update_goldens() {
  const char* v = std::getenv("SECMAP_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

void expect_golden(const io::Image& got, const std::string& name,
                   const std::filesystem::path& dir) {
  const auto golden = source_dir() / "tests/golden" / (name + ".png");
  if (update_goldens()) {
    io::write_png(golden, got);
    std::printf("updated %s\n", golden.string().c_str());
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(golden))
      << golden << " is missing: run with SECMAP_UPDATE_GOLDEN=1 to create it";
  const io::Image want = io::read_png(golden);
  const ImageDiff d = compare_images(got, want, 24);
  ASSERT_TRUE(d.same_size) << got.width << "x" << got.height << " vs " << want.width << "x"
                           << want.height;
  if (d.fraction() > 0.003) {
    io::write_png(dir / (name + ".png"), got);
    write_diff_image(got, want, 24, dir / (name + ".diff.png"));
    ADD_FAILURE() << name << ": " << d.differing << " of " << d.total << " pixels differ; see "
                  << (dir / (name + ".diff.png"));
  }
}

briefing::SlideView grid_view(const std::string& style) {
  briefing::SlideView v;
  v.bbox_lonlat = geo::BBox{103.95, 21.95, 104.55, 22.25};
  v.layers = {"communes", "border", "crossings", "facilities"};
  v.style = style;
  return v;
}

TEST(BriefingGolden, ASideBySideDeckPage) {
  const auto dir = scratch_dir("briefing_golden_deck");
  const auto db_path = dir / "grid.sqlite";
  build_fixture("grid", db_path);
  auto db = store::Database::open(db_path);
  briefing::Slide s;
  s.title = "Số vụ việc: nửa đầu so với nửa cuối năm 2024";
  s.subtitle = "Bốn xã mẫu";
  s.view = grid_view("count");
  s.view.date_from = "2024-07-01";
  s.view.date_to = "2024-12-31";
  s.view.compare = briefing::ComparisonWindow{"2024-01-01", "2024-06-30", "Nửa đầu năm"};
  s.view.label = "Nửa cuối năm";
  briefing::add_slide(db, s);
  std::ostringstream log;
  briefing::DeckExportOptions o;
  o.out = dir / "pages";
  o.width = 960;
  o.height = 540;
  const auto r = briefing::export_deck(db, o, log);
  ASSERT_EQ(r.files.size(), 1u);
  expect_golden(io::read_png(r.files[0]), "deck_page_side_by_side", dir);
}

TEST(BriefingGolden, AnAnimationFrame) {
  const auto dir = scratch_dir("briefing_golden_animation");
  const auto db_path = dir / "grid.sqlite";
  build_fixture("grid", db_path);
  auto db = store::Database::open(db_path);
  const render::MapData data = render::load_map_data(db);
  briefing::AnimationOptions o;
  o.view = grid_view("count");
  o.from = "2024-01-01";
  o.to = "2024-12-31";
  o.step_days = 92;
  o.width = 640;
  o.height = 360;
  const auto views = briefing::frame_views(o);
  auto requests = briefing::animation_requests(data, o);
  ASSERT_EQ(views.size(), 4u);
  std::ostringstream log;
  expect_golden(briefing::animation_frame(data, o, views[1], requests[1], 1, 4, log),
                "animation_frame_q2", dir);
}

}  // namespace
}  // namespace secmap::test
