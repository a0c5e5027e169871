// Static layers cached: levels of detail built ahead in the background are the same
// meshes as built on demand, and a window render that copies the cached commune and border
// image draws the same picture as a full render.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/lod_cache.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "render_fixtures.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

MapData fixture_data() {
  const auto path = test::scratch_dir("static_layers") / "grid.sqlite";
  test::build_fixture("grid", path);
  auto db = store::Database::open(path);
  return load_map_data(db);
}

TEST(LodCache, PrefetchedLevelsEqualLevelsBuiltOnDemand) {
  const MapData d = fixture_data();
  LodCache cache(d.communes, d.origin);
  cache.prefetch({3, 5, 7});
  // The background thread builds them without anyone asking.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (cache.levels_built() < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(cache.levels_built(), 3u);
  EXPECT_TRUE(cache.has(5));
  EXPECT_FALSE(cache.has(4));
  for (int level : {3, 5, 7}) {
    const CommuneMeshData want = tessellate_communes(d.communes, d.origin, lod_tolerance(level));
    double waited = -1;
    const CommuneMeshData& got = cache.get(level, &waited);
    EXPECT_EQ(got.triangles, want.triangles) << level;
    EXPECT_EQ(got.vertices_simplified, want.vertices_simplified) << level;
    EXPECT_GE(waited, 0);
  }
  // A level nobody prefetched is built on the spot.
  EXPECT_FALSE(cache.has(9));
  EXPECT_FALSE(cache.get(9).triangles.empty());
  EXPECT_TRUE(cache.has(9));
}

// Share of pixels differing by more than 2 levels in any channel.
double differing(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
  size_t n = 0;
  for (size_t i = 0; i < a.size(); i += 4)
    for (size_t c = 0; c < 4; ++c)
      if (std::abs(int(a[i + c]) - int(b[i + c])) > 2) {
        ++n;
        break;
      }
  return double(n) / double(a.size() / 4);
}

TEST(StaticLayerCache, PanningReusesTheCachedImageAndDrawsTheSamePicture) {
  const MapData d = fixture_data();
  EglContext context;
  Framebuffer fb(320, 240, 1);
  fb.bind();
  MapOptions window;
  window.prefetch_lod = true;  // as the map window sets it for its quick renders
  window.quick = true;
  window.style = StyleKind::Count;
  MapOptions direct = window;
  direct.prefetch_lod = false;
  direct.quick = false;
  MapRenderer cached(d), plain(d);

  View v = View::fit(d.extent, 320, 240);
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 1u);
  for (auto [dx, dy] : {std::pair{37.0, -12.0}, std::pair{-80.0, 50.0}, std::pair{5.0, 3.0}}) {
    v.pan_pixels(dx, dy);
    cached.render(v, window);
    const auto got = fb.read_rgba();
    fb.bind();
    plain.render(v, direct);
    const auto want = fb.read_rgba();
    fb.bind();
    EXPECT_LT(differing(got, want), 0.001) << "after a pan of " << dx << ", " << dy;
  }
  EXPECT_EQ(cached.static_cache().builds(), 1u) << "small pans reuse the image";
  EXPECT_EQ(plain.static_cache().builds(), 0u);

  // A pan past the margin, a zoom or a new style redraws it.
  v.pan_pixels(320, 0);
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 2u);
  v.zoom_about({160, 120}, 1.5);
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 3u);
  window.style = StyleKind::DrugFree;
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 4u);
  // A settled render draws everything itself, multisampled or not.
  window.quick = false;
  Framebuffer msaa(320, 240, 4);
  msaa.bind();
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 4u);
  fb.bind();
  cached.render(v, window);
  EXPECT_EQ(cached.static_cache().builds(), 4u);
}

}  // namespace
}  // namespace secmap::render
