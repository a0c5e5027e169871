// An edit applied in place — the writer's change records through render::apply_changes, then
// MapRenderer::refresh — leaves the same data and draws the same image as loading the database
// anew, while uploading only the layers the edit touched (never the commune meshes).
#include <gtest/gtest.h>

#include <functional>

#include "edit/editor.h"
#include "geo/crs.h"
#include "render/egl_context.h"
#include "render/gl_util.h"
#include "render/map_data.h"
#include "render/map_renderer.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::render {
namespace {

using test::run_command;

void expect_same_data(const MapData& got, const MapData& fresh) {
  const Incidents &a = got.incidents, &b = fresh.incidents;
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.day, b.day);
  EXPECT_EQ(a.group, b.group);
  EXPECT_EQ(a.commune, b.commune);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.severity, b.severity);
  EXPECT_EQ(a.status, b.status);
  ASSERT_EQ(a.at.size(), b.at.size());
  for (size_t i = 0; i < a.at.size(); ++i) {
    EXPECT_EQ(a.at[i].x, b.at[i].x) << i;
    EXPECT_EQ(a.at[i].y, b.at[i].y) << i;
  }
  ASSERT_EQ(got.communes.size(), fresh.communes.size());
  for (size_t i = 0; i < got.communes.size(); ++i) {
    const auto& sa = got.communes[i].statuses;
    const auto& sb = fresh.communes[i].statuses;
    ASSERT_EQ(sa.size(), sb.size()) << got.communes[i].code;
    for (size_t k = 0; k < sa.size(); ++k) {
      EXPECT_EQ(sa[k].from, sb[k].from) << got.communes[i].code;
      EXPECT_EQ(sa[k].drug_free, sb[k].drug_free) << got.communes[i].code;
      EXPECT_EQ(sa[k].antt, sb[k].antt) << got.communes[i].code;
      EXPECT_EQ(sa[k].movement, sb[k].movement) << got.communes[i].code;
    }
    EXPECT_EQ(got.communes[i].designations.size(), fresh.communes[i].designations.size());
  }
  ASSERT_EQ(got.crossings.size(), fresh.crossings.size());
  for (size_t i = 0; i < got.crossings.size(); ++i) {
    EXPECT_EQ(got.crossings[i].name, fresh.crossings[i].name);
    EXPECT_EQ(got.crossings[i].kind, fresh.crossings[i].kind);
    EXPECT_EQ(got.crossings[i].sensitive, fresh.crossings[i].sensitive);
  }
}

TEST(Incremental, EditsApplyInPlaceAsAFreshLoadWould) {
  const auto path = test::scratch_dir("render_incremental") / "demo.sqlite";
  const auto built = run_command(test::secmap_binary().string() + " demo " + path.string() +
                                 " --synthetic --force --incidents 3000");
  ASSERT_EQ(built.exit_code, 0) << built.output;
  auto db = store::Database::open(path);
  MapData data = load_map_data(db);
  EglContext context;
  constexpr int W = 640, H = 480;
  Framebuffer fb(W, H, 1);
  fb.bind();
  MapRenderer renderer(data);
  const View view = View::fit(data.extent, W, H);
  MapOptions o;
  o.style = StyleKind::Count;  // commune colours drawn from the incidents
  o.binning = MapOptions::Binning::Off;
  renderer.render(view, o);
  fb.read_rgba();

  edit::Editor editor(db);
  editor.set_today("2026-12-01");
  const int64_t first = data.incidents.id.front();
  // A point inside the commune of the first incident: its label point.
  const geo::Point inside = geo::mercator_to_lonlat(data.communes.at(0).label_at);
  struct Step {
    const char* what;
    std::function<edit::EditResult()> edit;
    uint64_t uploads;  // geometry uploads the refresh may make
  };
  int64_t added = 0;
  const std::vector<Step> steps = {
      {"a field",
       [&] {
         auto row = editor.load("incidents", first);
         return editor.update("incidents", first, row->version, {{"status", "solved"}});
       },
       1},
      {"a move",
       [&] {
         auto row = editor.load("incidents", first);
         return editor.move("incidents", first, row->version, inside);
       },
       1},
      {"a new incident",
       [&] {
         edit::IncidentInput in;
         in.category = "DR-01";
         in.occurred_at = "2025-04-02T10:00";
         in.status = "received";
         in.lon = inside.x, in.lat = inside.y, in.has_location = true;
         auto r = editor.insert_incident(in);
         added = r.id;
         return r;
       },
       1},
      {"a deletion",
       [&] {
         auto row = editor.load("incidents", added);
         return editor.remove("incidents", added, row->version);
       },
       1},
      {"a commune status",
       [&] {
         return editor.record_commune_status({{"commune_code", data.communes.at(0).code},
                                              {"period_from", "2026-11-01"},
                                              {"drug_free", "not_yet"}});
       },
       0},
      {"a crossing made a trail",
       [&] {
         auto st = db.prepare("SELECT id, version FROM crossings WHERE kind <> 'trail' LIMIT 1");
         EXPECT_TRUE(st.step());
         return editor.update("crossings", st.column_int(0), st.column_int(1),
                              {{"kind", "trail"}, {"sensitive", 0}});
       },
       1},
      {"an undo", [&] { return editor.undo(); }, 1},
  };
  for (const Step& s : steps) {
    SCOPED_TRACE(s.what);
    const edit::EditResult r = s.edit();
    ASSERT_EQ(r.status, edit::EditStatus::Ok) << r.message;
    ASSERT_FALSE(r.changes.empty());
    const uint64_t before = renderer.geometry_uploads();
    const DataChange c = apply_changes(db, data, r.changes);
    EXPECT_TRUE(c.any());
    renderer.refresh(c);
    EXPECT_EQ(renderer.geometry_uploads(), before + s.uploads);  // commune meshes stay

    const MapData fresh = load_map_data(db);
    expect_same_data(data, fresh);
    renderer.render(view, o);
    const std::vector<uint8_t> patched = fb.read_rgba();
    MapRenderer anew(fresh);
    anew.render(view, o);
    const std::vector<uint8_t> reloaded = fb.read_rgba();
    size_t differ = 0;
    for (size_t i = 0; i < patched.size(); ++i) differ += patched[i] != reloaded[i];
    EXPECT_EQ(differ, 0u) << "bytes that differ from a fresh load's image";
  }
  // The crossing made a trail is sensitive by its kind, whatever its flag says.
  auto st = db.prepare("SELECT name FROM crossings WHERE kind = 'trail'");
  size_t trails = 0;
  while (st.step()) {
    for (const auto& c : data.crossings)
      if (c.name == st.column_text(0)) {
        EXPECT_TRUE(c.sensitive) << c.name;
        ++trails;
      }
  }
  EXPECT_GT(trails, 0u);
}

}  // namespace
}  // namespace secmap::render
