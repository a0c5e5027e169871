// The sensitivity rule on every output path, driven through the real binary: a crossings file
// with no `sensitive` column brings an opening and a trail; neither may appear in any CLI output,
// export, patrol plan or sheet, audit listing or public deck unless --include-sensitive is given.
// The opening is marked sensitive by the writer on import; the trail's flag is then cleared
// behind secmap's back (as in a database written before the rule), so the readers' rule is
// tested too.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "store/database.h"
#include "test_support.h"

namespace {

using secmap::test::run_command;
namespace fs = std::filesystem;

const std::string kOpening = "Lối mở Thử Nghiệm";
const std::string kTrail = "Đường mòn Thử Nghiệm";
const std::string kGate = "Cửa khẩu phụ Thử Nghiệm";

std::string q(const fs::path& p) {
  return secmap::test::shell_quoted(p);
}

std::string slurp(const fs::path& p) {
  return secmap::test::file_text(p);
}

// Whitespace runs count as one space: table cells in a PDF wrap names across lines.
bool has(const std::string& text, const std::string& needle) {
  std::string flat;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!(space && !flat.empty() && flat.back() == ' ')) flat += space ? ' ' : c;
  }
  return flat.find(needle) != std::string::npos;
}

class SensitiveOutputs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(secmap::test::scratch_dir("sensitive_outputs"));
    bin_ = new std::string(secmap::test::secmap_binary().string());
    db_ = new fs::path(*dir_ / "demo.sqlite");
    auto demo = run_command(*bin_ + " demo " + q(*db_));
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
    // Beside an opening of the demo, inside the view of its border slide.
    double lon = 0, lat = 0;
    {
      auto db = secmap::store::Database::open(*db_, secmap::store::Database::Mode::OpenExisting);
      auto st = db.prepare(
          "SELECT ST_X(geom), ST_Y(geom) FROM crossings WHERE kind = 'opening' ORDER BY id LIMIT "
          "1");
      ASSERT_TRUE(st.step());
      lon = st.column_double(0), lat = st.column_double(1);
    }
    auto import = [&](const char* file, const std::string& name, const char* kind, double x,
                      double y) {
      char rows[256];
      std::snprintf(rows, sizeof rows, "name,kind,lon,lat\n%s,%s,%.6f,%.6f\n", name.c_str(), kind,
                    x, y);
      std::ofstream(*dir_ / file) << rows;
      auto imp = run_command(*bin_ + " import " + q(*db_) + " crossings " + q(*dir_ / file));
      ASSERT_EQ(imp.exit_code, 0) << imp.output;
    };
    import("gate.csv", kGate, "secondary_gate", lon - 0.004, lat);
    // The decks before the opening and the trail exist, to compare with afterwards.
    auto before = run_command(*bin_ + " slides " + q(*db_) +
                              " export --public --size 960x540 --out " + q(*dir_ / "deck_before"));
    ASSERT_EQ(before.exit_code, 0) << before.output;
    auto internal = run_command(*bin_ + " slides " + q(*db_) + " export --size 960x540 --out " +
                                q(*dir_ / "internal_before"));
    ASSERT_EQ(internal.exit_code, 0) << internal.output;
    import("opening.csv", kOpening, "opening", lon + 0.004, lat);
    import("trail.csv", kTrail, "trail", lon, lat + 0.004);
    {
      auto db = secmap::store::Database::open(*db_, secmap::store::Database::Mode::OpenExisting);
      // The writer marked the opening and the trail sensitive by kind, not the gate.
      EXPECT_EQ(db.query_int("SELECT sensitive FROM crossings WHERE name = '" + kOpening + "'"), 1);
      EXPECT_EQ(db.query_int("SELECT sensitive FROM crossings WHERE name = '" + kTrail + "'"), 1);
      EXPECT_EQ(db.query_int("SELECT sensitive FROM crossings WHERE name = '" + kGate + "'"), 0);
      db.exec("UPDATE crossings SET sensitive = 0 WHERE name = '" + kTrail + "'");
    }
    // A route along the three, for the patrol outputs.
    char gpx[1024];
    std::snprintf(gpx, sizeof gpx,
                  "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"t\" "
                  "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><name>Tuyến thử</name>"
                  "<trkseg><trkpt lat=\"%.6f\" lon=\"%.6f\"/><trkpt lat=\"%.6f\" lon=\"%.6f\"/>"
                  "<trkpt lat=\"%.6f\" lon=\"%.6f\"/></trkseg></trk></gpx>\n",
                  lat, lon - 0.004, lat, lon + 0.004, lat + 0.004, lon);
    std::ofstream(*dir_ / "route.gpx") << gpx;
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete bin_;
    delete db_;
  }

  // Runs `secmap ARGS` and returns its output plus the text of the file it wrote (PDFs as text).
  static std::string output_of(const std::string& args, const fs::path& out) {
    std::error_code ec;
    fs::remove(out, ec);
    auto r = run_command(*bin_ + " " + args);
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.output;
    std::string text = r.output;
    if (out.extension() == ".pdf") {
      auto t = run_command("pdftotext " + q(out) + " -");
      EXPECT_EQ(t.exit_code, 0) << t.output;
      text += t.output;
    } else if (!out.empty()) {
      text += slurp(out);
    }
    return text;
  }

  // The output names the gate always; the opening and trail only with --include-sensitive.
  static void expect_withheld(const std::string& args, const fs::path& out) {
    SCOPED_TRACE(args);
    const std::string shown = output_of(args, out);
    EXPECT_TRUE(has(shown, kGate)) << shown.substr(0, 2000);
    EXPECT_FALSE(has(shown, kOpening)) << shown.substr(0, 2000);
    EXPECT_FALSE(has(shown, kTrail)) << shown.substr(0, 2000);
    const std::string internal = output_of(args + " --include-sensitive", out);
    EXPECT_TRUE(has(internal, kOpening)) << internal.substr(0, 2000);
    EXPECT_TRUE(has(internal, kTrail)) << internal.substr(0, 2000);
  }

  static fs::path* dir_;
  static std::string* bin_;
  static fs::path* db_;
};

fs::path* SensitiveOutputs::dir_ = nullptr;
std::string* SensitiveOutputs::bin_ = nullptr;
fs::path* SensitiveOutputs::db_ = nullptr;

TEST_F(SensitiveOutputs, BorderCrossingsTable) {
  const fs::path out = *dir_ / "crossings_out.csv";
  expect_withheld("border " + q(*db_) + " crossings --radius-km 5 --out " + q(out), out);
}

TEST_F(SensitiveOutputs, ExportInEveryFormat) {
  for (const char* ext : {".geojson", ".csv", ".gpx", ".kml"}) {
    const fs::path out = *dir_ / (std::string("export") + ext);
    expect_withheld("export " + q(*db_) + " crossings " + q(out), out);
  }
}

TEST_F(SensitiveOutputs, PatrolPlanCoverageAndSheet) {
  const fs::path plan = *dir_ / "plan.csv";
  expect_withheld("patrol " + q(*db_) + " plan --routes " + q(*dir_ / "route.gpx") +
                      " --from 2025-01-01 --to 2025-12-31 --out " + q(plan),
                  plan);
  const fs::path cov = *dir_ / "coverage.csv";
  expect_withheld(
      "patrol " + q(*db_) + " coverage --from 2025-01-01 --to 2025-12-31 --out " + q(cov), cov);
  const fs::path sheet = *dir_ / "sheet.pdf";
  expect_withheld("patrol " + q(*db_) + " sheet --routes " + q(*dir_ / "route.gpx") +
                      " --from 2025-01-01 --to 2025-12-31 --out " + q(sheet),
                  sheet);
}

// The demo's patrol routes are all flagged sensitive: every output names or draws one only with
// --include-sensitive (a route file given with --routes is the user's own, above).
TEST_F(SensitiveOutputs, SensitivePatrolRoutesNeedTheFlagOnEveryOutput) {
  std::string route;
  {
    auto db = secmap::store::Database::open(*db_, secmap::store::Database::Mode::OpenExisting);
    auto st = db.prepare(
        "SELECT name FROM patrols WHERE sensitive = 1 AND starts_at >= '2025-01-01' AND "
        "starts_at < '2025-12-31' GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1");
    ASSERT_TRUE(st.step());
    route = st.column_text(0);
  }
  const std::string window = " --from 2025-01-01 --to 2025-12-31";
  const fs::path plan = *dir_ / "plan_db.csv";
  const std::string plan_args = "patrol " + q(*db_) + " plan" + window + " --out " + q(plan);
  const std::string plan_public = output_of(plan_args, plan);
  EXPECT_FALSE(has(plan_public, route)) << plan_public.substr(0, 2000);
  EXPECT_TRUE(has(plan_public, "sensitive patrols withheld")) << plan_public.substr(0, 2000);
  EXPECT_TRUE(has(output_of(plan_args + " --include-sensitive", plan), route));

  const fs::path gpx = *dir_ / "patrols.gpx";
  EXPECT_FALSE(has(output_of("export " + q(*db_) + " patrols " + q(gpx), gpx), route));
  EXPECT_TRUE(has(
      output_of("export " + q(*db_) + " patrols " + q(gpx) + " --include-sensitive", gpx), route));

  // With every route of the window withheld there is no sheet to print, and no route is named.
  const fs::path sheet = *dir_ / "sheet_db.pdf";
  const std::string sheet_args = "patrol " + q(*db_) + " sheet" + window + " --out " + q(sheet);
  auto refused = run_command(*bin_ + " " + sheet_args);
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_FALSE(has(refused.output, route)) << refused.output;
  EXPECT_TRUE(has(refused.output, "--include-sensitive")) << refused.output;
  EXPECT_FALSE(fs::exists(sheet));
  EXPECT_TRUE(has(output_of(sheet_args + " --include-sensitive", sheet), route));
}

TEST_F(SensitiveOutputs, AuditLogListing) {
  expect_withheld("audit " + q(*db_) + " log --table crossings", {});
}

TEST_F(SensitiveOutputs, PublicDeckDrawsNeitherWhileTheInternalDeckDoes) {
  auto pub = run_command(*bin_ + " slides " + q(*db_) + " export --public --size 960x540 --out " +
                         q(*dir_ / "deck_after"));
  ASSERT_EQ(pub.exit_code, 0) << pub.output;
  auto internal = run_command(*bin_ + " slides " + q(*db_) + " export --size 960x540 --out " +
                              q(*dir_ / "internal_after"));
  ASSERT_EQ(internal.exit_code, 0) << internal.output;
  size_t pages = 0, internal_changed = 0;
  for (const auto& e : fs::directory_iterator(*dir_ / "deck_before")) {
    const std::string name = e.path().filename().string();
    ++pages;
    // Public-safe pages are the same image whether the opening and trail exist or not …
    EXPECT_EQ(slurp(e.path()), slurp(*dir_ / "deck_after" / name)) << name;
    // … while the internal deck draws them somewhere.
    internal_changed +=
        slurp(*dir_ / "internal_before" / name) != slurp(*dir_ / "internal_after" / name);
  }
  EXPECT_GT(pages, 0u);
  EXPECT_GT(internal_changed, 0u) << "the internal deck should show the new crossings";
}

}  // namespace
