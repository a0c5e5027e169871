// Tests of `secmap demo`: determinism per seed, the synthetic province without real data, and
// with ../shared/realdata the placement of crossings, commune assignment, the Tết peak and the
// demo marking.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <set>

#include "demo/calendar.h"
#include "demo/demo_builder.h"
#include "demo/province.h"
#include "demo/random.h"
#include "edit/editor.h"
#include "model/tables.h"
#include "store/database.h"
#include "test_support.h"

namespace {

using secmap::store::Database;
namespace demo = secmap::demo;
namespace fs = std::filesystem;

// FNV-1a over every row of every user table ordered by rowid (the audit log is left out: it
// records wall-clock time by design).
uint64_t content_hash(Database& db) {
  uint64_t h = 0xCBF29CE484222325ull;
  auto mix = [&](const void* p, size_t n) {
    const auto* b = static_cast<const unsigned char*>(p);
    for (size_t i = 0; i < n; ++i) h = (h ^ b[i]) * 0x100000001B3ull;
  };
  auto tables = db.user_tables();
  std::sort(tables.begin(), tables.end());
  for (const auto& t : tables) {
    if (t == "audit_log") continue;
    mix(t.data(), t.size());
    auto st = db.prepare("SELECT * FROM \"" + t + "\" ORDER BY rowid");
    while (st.step()) {
      for (int c = 0; c < st.column_count(); ++c) {
        const int type = sqlite3_column_type(st.handle(), c);
        mix(&type, sizeof type);
        if (type == SQLITE_INTEGER) {
          const int64_t v = st.column_int(c);
          mix(&v, sizeof v);
        } else if (type == SQLITE_FLOAT) {
          const double v = st.column_double(c);
          mix(&v, sizeof v);
        } else if (type != SQLITE_NULL) {
          size_t n = 0;
          const uint8_t* p = st.column_blob_data(c, &n);
          mix(p, n);
        }
      }
    }
  }
  return h;
}

int64_t count(Database& db, const std::string& sql) {
  return db.query_int(sql).value_or(-1);
}

fs::path build(const fs::path& dir, const std::string& name, demo::DemoOptions opt) {
  const fs::path p = dir / name;
  demo::build_demo(p, opt);
  return p;
}

demo::DemoOptions synthetic(uint64_t seed, size_t incidents = 3000) {
  demo::DemoOptions o;
  o.seed = seed;
  o.incidents = incidents;
  o.synthetic = true;
  return o;
}

// Checks shared by the synthetic and real databases.
void expect_demo_marked(Database& db) {
  EXPECT_EQ(db.meta("demo").value_or(""), "1");
  EXPECT_FALSE(db.meta("demo_note").value_or("").empty());
  for (const char* t : {"crossings", "facilities", "incidents", "commune_status", "designations",
                        "cooperation_events", "patrols"}) {
    EXPECT_GT(count(db, std::string("SELECT count(*) FROM ") + t), 0) << t;
    EXPECT_EQ(count(db, std::string("SELECT count(*) FROM ") + t + " WHERE is_demo <> 1"), 0) << t;
  }
  // Every crossing kind of the code list is present; openings and trails are sensitive.
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM crossing_kinds WHERE code NOT IN "
                  "(SELECT kind FROM crossings)"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM crossings c JOIN crossing_kinds k ON k.code = c.kind "
                  "WHERE k.sensitive = 1 AND c.sensitive = 0"),
            0);
  // The BLO pair links both ways, the counterpart on the far side of the border.
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM facilities a JOIN facilities b ON a.counterpart_id = "
                  "b.id AND b.counterpart_id = a.id WHERE a.kind = 'blo_office' AND "
                  "a.country = 'VN' AND b.country = 'CN'"),
            1);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM facilities f, communes m WHERE f.country = 'CN' AND "
                  "ST_Within(f.geom, m.geom)"),
            0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM campaigns"), 5);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM campaigns WHERE code = 'TET-2025' AND date_from = "
                  "'2024-12-15' AND date_to = '2025-02-14'"),
            1);
  // Incidents: in communes, unique case numbers, campaign tags inside the windows.
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents WHERE commune_code IS NULL"), 0);
  EXPECT_EQ(count(db, "SELECT count(DISTINCT case_number) FROM incidents"),
            count(db, "SELECT count(*) FROM incidents"));
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM incidents WHERE occurred_at < '2024-01-01' OR "
                  "occurred_at >= '2026-11-16'"),
            0);
  EXPECT_GT(count(db,
                  "SELECT count(*) FROM incidents WHERE campaign_tags LIKE '%TET-2025%' AND "
                  "substr(occurred_at, 1, 10) BETWEEN '2024-12-15' AND '2025-02-14'"),
            0);
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM incidents WHERE campaign_tags LIKE '%TET-2025%' AND "
                  "substr(occurred_at, 1, 10) NOT BETWEEN '2024-12-15' AND '2025-02-14'"),
            0);
  // Commune statuses for both years, with residential areas for the 80% target.
  EXPECT_EQ(count(db, "SELECT count(*) FROM commune_status"),
            2 * count(db, "SELECT count(*) FROM communes"));
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM commune_status WHERE residential_areas_safe > "
                  "residential_areas OR residential_areas <= 0"),
            0);
  EXPECT_GE(count(db, "SELECT count(*) FROM designations WHERE type = 'model_unit'"), 2);
}

TEST(DemoRandom, DistributionsAreStable) {
  demo::Rng a(42), b(42);
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(a.uniform(), b.uniform());
    EXPECT_EQ(a.normal(), b.normal());
    EXPECT_EQ(a.poisson(3.5), b.poisson(3.5));
  }
  double sum = 0, sq = 0;
  demo::Rng r(7);
  for (int i = 0; i < 20000; ++i) {
    const double x = r.normal();
    sum += x, sq += x * x;
  }
  EXPECT_NEAR(sum / 20000, 0.0, 0.03);
  EXPECT_NEAR(sq / 20000, 1.0, 0.05);
  EXPECT_EQ(demo::iso_date(demo::days_from_civil(2025, 1, 29)), "2025-01-29");
  EXPECT_EQ(demo::campaign_tags_for(demo::days_from_civil(2025, 1, 1)), "TET-2025");
}

TEST(DemoSynthetic, SameSeedSameTablesOtherSeedDiffers) {
  const auto dir = secmap::test::scratch_dir("demo_synthetic_determinism");
  const auto a = build(dir, "a.sqlite", synthetic(7));
  const auto b = build(dir, "b.sqlite", synthetic(7));
  const auto c = build(dir, "c.sqlite", synthetic(8));
  auto da = Database::open(a), db = Database::open(b), dc = Database::open(c);
  const uint64_t ha = content_hash(da);
  EXPECT_EQ(ha, content_hash(db));
  EXPECT_NE(ha, content_hash(dc));
}

// Edits one text field of every live row of `table` (an edit validates the whole record) and
// returns how many rows were refused, each of the first few named as a test failure.
size_t refused_edits(Database& db, const secmap::model::Table& t, const std::string& column) {
  std::vector<std::pair<int64_t, int64_t>> rows;
  {
    auto st = db.prepare("SELECT id, version FROM " + t.table +
                         (t.soft_delete ? " WHERE deleted = 0" : "") + " ORDER BY id");
    while (st.step()) rows.emplace_back(st.column_int(0), st.column_int(1));
  }
  secmap::edit::Editor editor(db);
  size_t failed = 0;
  for (const auto& [id, version] : rows) {
    const auto r = editor.update(t.table, id, version, {{column, "kiểm tra / check"}});
    if (!r.ok() && ++failed <= 3) {
      std::string why;
      for (const auto& e : r.errors) why += e.field + ": " + e.message + "; ";
      ADD_FAILURE() << t.table << " #" << id << ": " << r.message << " " << why;
    }
  }
  return failed;
}

// The demo passes its own validation rules: every incident can be edited in the form, so a
// briefer trying the demo never meets a record that cannot be saved.
TEST(DemoSynthetic, EveryIncidentPassesTheEditorsValidation) {
  const auto path = secmap::test::scratch_dir("demo_valid") / "demo.sqlite";
  demo::DemoOptions o;
  o.synthetic = true;
  o.incidents = 4000;
  o.replace = true;
  demo::build_demo(path, o);
  auto db = Database::open(path);
  ASSERT_GT(count(db, "SELECT count(*) FROM incidents WHERE deleted = 0"), 3000);
  EXPECT_GT(count(db, "SELECT count(*) FROM incidents WHERE status = 'tried_summary'"), 0)
      << "the summary procedure should occur in the demo";
  EXPECT_EQ(refused_edits(db, *secmap::model::find_table("incidents"), "description"), 0u);
}

// Not only incidents: every row of every editable table can be edited, so no demo record is
// stuck behind a rule the demo itself breaks.
TEST(DemoSynthetic, EveryEditableRowPassesTheEditorsValidation) {
  const auto path = secmap::test::scratch_dir("demo_valid_all") / "demo.sqlite";
  demo::DemoOptions o;
  o.synthetic = true;
  o.incidents = 500;
  o.replace = true;
  demo::build_demo(path, o);
  auto db = Database::open(path);
  size_t tables = 0;
  for (const secmap::model::Table& t : secmap::model::tables()) {
    if (!t.editable) continue;
    // A free-text column to change: the edit must then pass every rule of the whole record.
    const secmap::model::Column* text = nullptr;
    for (const char* name : {"description", "notes", "subject", "note", "name", "title"})
      if (const auto* c = t.column(name); c && c->edit && !text) text = c;
    if (!text || db.count_rows(t.table) == 0) continue;
    ++tables;
    EXPECT_EQ(refused_edits(db, t, text->name), 0u) << t.table;
  }
  EXPECT_GE(tables, 4u) << "the demo should fill most editable tables";
}

TEST(DemoSynthetic, ProvinceWithoutRealData) {
  const auto dir = secmap::test::scratch_dir("demo_synthetic_province");
  const auto p = build(dir, "s.sqlite", synthetic(1, 4000));
  auto db = Database::open(p);
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes"), 30);
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes WHERE is_demo <> 1 OR population IS NULL"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM border_line WHERE is_demo = 1"), 1);
  EXPECT_GT(count(db, "SELECT count(*) FROM communes WHERE is_border = 1"), 3);
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents"), 4000);
  EXPECT_NE(db.meta("demo_note").value_or("").find("Minh Họa"), std::string::npos);
  expect_demo_marked(db);
}

TEST(DemoSynthetic, RefusesToOverwriteAndMissingRealdataDir) {
  const auto dir = secmap::test::scratch_dir("demo_overwrite");
  const auto p = build(dir, "x.sqlite", synthetic(3, 200));
  EXPECT_THROW(demo::build_demo(p, synthetic(3, 200)), std::runtime_error);
  auto o = synthetic(3, 200);
  o.replace = true;
  EXPECT_NO_THROW(demo::build_demo(p, o));
  demo::DemoOptions bad;
  bad.realdata = dir / "no-such-folder";
  EXPECT_THROW(demo::build_demo(dir / "y.sqlite", bad), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "y.sqlite"));
  for (const auto& e : fs::directory_iterator(dir))  // no temporary file left either
    EXPECT_EQ(e.path().filename().string().find("y.sqlite"), std::string::npos) << e.path();
}

TEST(DemoCli, WritesSummaryAndRejectsExistingFile) {
  const auto dir = secmap::test::scratch_dir("demo_cli");
  const std::string cmd = secmap::test::secmap_binary().string() + " demo " +
                          (dir / "cli.sqlite").string() + " --synthetic --incidents 300 --seed 5";
  auto r = secmap::test::run_command(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("incidents"), std::string::npos) << r.output;
  r = secmap::test::run_command(cmd);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("already exists"), std::string::npos) << r.output;
}

class DemoReal : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!secmap::test::have_realdata(demo::kCommunesFile)) return;
    dir_ = new fs::path(secmap::test::scratch_dir("demo_real"));
    demo::DemoOptions o;
    o.realdata = secmap::test::realdata_dir();
    o.seed = 11;
    const auto s = demo::build_demo(*dir_ / "real.sqlite", o);
    for (const auto& [stage, secs] : s.stages) std::printf("  %6.2f s  %s\n", secs, stage.c_str());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override {
    SECMAP_REQUIRE_REALDATA(demo::kCommunesFile);
    SECMAP_REQUIRE_REALDATA("vn_cn_border_line_from_communes2025.geojson");
  }
  static fs::path* dir_;
};
fs::path* DemoReal::dir_ = nullptr;

TEST_F(DemoReal, CommunesBorderAndMarking) {
  auto db = Database::open(*dir_ / "real.sqlite");
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes"), 137);
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes WHERE is_demo <> 0"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes WHERE population IS NULL OR kind IS NULL"), 0);
  EXPECT_EQ(count(db, "SELECT count(*) FROM communes WHERE kind = 'phuong'"), 12);
  EXPECT_GT(count(db, "SELECT count(*) FROM communes WHERE is_border = 1"), 15);
  EXPECT_EQ(count(db, "SELECT count(*) FROM incidents"), 30000);
  expect_demo_marked(db);
}

TEST_F(DemoReal, CrossingsOnTheBorderInTheirCommune) {
  auto db = Database::open(*dir_ / "real.sqlite");
  // The 11 named gates of the list, the in-area ones in their 2025 communes.
  EXPECT_EQ(count(db, "SELECT count(*) FROM crossings WHERE source NOT LIKE 'secmap demo%'"), 11);
  const std::pair<const char*, const char*> expected[] = {
      {"Lào Cai", "02647"},     {"Bản Vược", "02683"},     {"Lồ Cố Chin", "02752"},
      {"Ma Lù Thàng", "03549"}, {"Mường Khương", "02761"}, {"Kim Thành", "02647"}};
  for (const auto& [name, code] : expected)
    EXPECT_EQ(
        db.query_text(std::string("SELECT commune_code FROM crossings WHERE name = '") + name + "'")
            .value_or("?"),
        code)
        << name;
  EXPECT_EQ(count(db,
                  "SELECT count(*) FROM crossings c JOIN communes m ON m.code = "
                  "c.commune_code WHERE NOT ST_Within(c.geom, m.geom)"),
            0);
  auto st = db.prepare(
      "SELECT c.name, ST_Distance(ST_Transform(c.geom, 32648), ST_Transform(b.geom, 32648)) "
      "FROM crossings c, border_line b");
  int n = 0;
  while (st.step()) {
    ++n;
    EXPECT_LT(st.column_double(1), 1.0) << st.column_text(0);
  }
  EXPECT_GT(n, 30);
}

TEST_F(DemoReal, IncidentCommunesMatchSpatiaLite) {
  auto db = Database::open(*dir_ / "real.sqlite");
  auto st = db.prepare(
      "SELECT i.case_number, i.commune_code, (SELECT group_concat(m.code) FROM communes m WHERE "
      "ST_Within(i.geom, m.geom) AND m.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
      "f_table_name = 'communes' AND search_frame = i.geom)) FROM incidents i WHERE i.id % 97 = 0");
  int n = 0, exact = 0;
  while (st.step()) {
    ++n;
    // A few real polygons overlap (e.g. 02647/02683/02746 share ~3 km²): there SpatiaLite
    // lists several communes and the assigned one must be among them.
    const std::string assigned = st.column_text(1), within = "," + st.column_text(2) + ",";
    EXPECT_NE(within.find("," + assigned + ","), std::string::npos) << st.column_text(0);
    exact += within == "," + assigned + ",";
  }
  EXPECT_GT(n, 300);
  EXPECT_GT(exact, n * 95 / 100);
}

TEST_F(DemoReal, PeakBeforeTetAndYearOnYearDecline) {
  auto db = Database::open(*dir_ / "real.sqlite");
  for (const auto& tet : demo::tet_days()) {
    const std::string from = demo::iso_date(tet.day - 42), to = demo::iso_date(tet.day - 1);
    const double peak = static_cast<double>(
        count(db, "SELECT count(*) FROM incidents WHERE substr(occurred_at, 1, 10) BETWEEN '" +
                      from + "' AND '" + to + "'"));
    const std::string y = std::to_string(tet.year);
    const int64_t days = std::min(demo::demo_last_day(), demo::days_from_civil(tet.year, 12, 31)) -
                         demo::days_from_civil(tet.year, 1, 1) + 1;
    const double year = static_cast<double>(
        count(db, "SELECT count(*) FROM incidents WHERE occurred_at LIKE '" + y + "-%'"));
    const double peak_month = peak / 42.0 * 30.44, mean_month = year / days * 30.44;
    EXPECT_GT(peak_month, mean_month * 1.1) << "Tết " << tet.year;
  }
  const int64_t y24 = count(db, "SELECT count(*) FROM incidents WHERE occurred_at LIKE '2024-%'");
  const int64_t y25 = count(db, "SELECT count(*) FROM incidents WHERE occurred_at LIKE '2025-%'");
  EXPECT_LT(y25, y24);
}

TEST_F(DemoReal, SameSeedSameTables) {
  demo::DemoOptions o;
  o.realdata = secmap::test::realdata_dir();
  o.seed = 11;
  const auto again = build(*dir_, "again.sqlite", o);
  auto a = Database::open(*dir_ / "real.sqlite");
  auto b = Database::open(again);
  EXPECT_EQ(content_hash(a), content_hash(b));
}

}  // namespace
