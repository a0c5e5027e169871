// Every output is whole or absent: with the file size limited (RLIMIT_FSIZE, so a write past it
// fails as on a full disk), each output command exits non-zero, names the file, leaves a file
// that was already at the target exactly as it was, and leaves no partial file behind. Each
// output is first written without the limit to show it is larger than the limit (so the
// failure is the output's own, not the database's).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_support.h"

namespace {

using secmap::test::run_command;
namespace fs = std::filesystem;

constexpr int kLimitKiB = 96;  // above the database's WAL index (32 KiB), below every output

std::string q(const fs::path& p) {
  return secmap::test::shell_quoted(p);
}

std::string slurp(const fs::path& p) {
  return secmap::test::file_text(p);
}

class OutputsWhole : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(secmap::test::scratch_dir("outputs_whole"));
    bin_ = new std::string(secmap::test::secmap_binary().string());
    db_ = new fs::path(*dir_ / "demo.sqlite");
    auto demo = run_command(*bin_ + " demo " + q(*db_));
    ASSERT_EQ(demo.exit_code, 0) << demo.output;
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete bin_;
    delete db_;
  }

  // `args` with OUT where the output file goes.
  void expect_whole_or_absent(const std::string& args, const std::string& name) {
    SCOPED_TRACE(args);
    std::string folder_name = name;
    for (char& c : folder_name) c = c == '.' ? '_' : c;
    const fs::path folder = *dir_ / folder_name;
    fs::create_directories(folder);
    auto with_out = [&](const fs::path& out) {
      std::string a = args;
      a.replace(a.find("OUT"), 3, q(out));
      return *bin_ + " " + a;
    };
    // Without a limit: it works, and the output is larger than the limit.
    const fs::path full = folder / ("full" + fs::path(name).extension().string());
    auto ok = run_command(with_out(full));
    ASSERT_EQ(ok.exit_code, 0) << ok.output;
    ASSERT_GT(fs::file_size(full), uintmax_t(kLimitKiB) * 1024)
        << "the output must exceed the limit";
    // With it: an error naming the file, the old file untouched, nothing partial left.
    const fs::path target = folder / name;
    std::ofstream(target) << "the previous output";
    const std::string limited = "bash -c \"ulimit -f " + std::to_string(kLimitKiB) +
                                "; trap '' XFSZ; exec " + with_out(target) + "\"";
    auto bad = run_command(limited);
    EXPECT_NE(bad.exit_code, 0) << bad.output;
    EXPECT_NE(bad.output.find(name), std::string::npos) << bad.output;
    EXPECT_EQ(slurp(target), "the previous output");
    for (const auto& e : fs::directory_iterator(folder)) {
      const std::string f = e.path().filename().string();
      EXPECT_TRUE(f == name || f.rfind("full", 0) == 0) << "left behind: " << f;
    }
  }

  static fs::path* dir_;
  static std::string* bin_;
  static fs::path* db_;
};
fs::path* OutputsWhole::dir_ = nullptr;
std::string* OutputsWhole::bin_ = nullptr;
fs::path* OutputsWhole::db_ = nullptr;

TEST_F(OutputsWhole, ExportGeoJsonCsvAndGeoPackage) {
  for (const char* name : {"incidents.geojson", "incidents.csv", "incidents.gpkg"})
    expect_whole_or_absent("export " + q(*db_) + " incidents OUT --include-sensitive", name);
}

TEST_F(OutputsWhole, ShapefileWithItsSiblings) {
  expect_whole_or_absent("export " + q(*db_) + " incidents OUT --include-sensitive",
                         "incidents.shp");
  // The full export's siblings came along with it.
  const fs::path folder = *dir_ / "incidents_shp";
  for (const char* ext : {".shx", ".dbf", ".prj"})
    EXPECT_TRUE(fs::exists(folder / (std::string("full") + ext))) << ext;
}

TEST_F(OutputsWhole, RenderedMapPng) {
  expect_whole_or_absent("render " + q(*db_) + " --out OUT --size 1920x1080 --style count",
                         "map.png");
}

TEST_F(OutputsWhole, DensityGridAndTable) {
  expect_whole_or_absent("analyze " + q(*db_) + " kde --bandwidth 1000 --cell 100 --out OUT",
                         "density.asc");
}

TEST_F(OutputsWhole, DeckPdf) {
  expect_whole_or_absent("slides " + q(*db_) + " export --size 1280x720 --out OUT", "deck.pdf");
}

TEST_F(OutputsWhole, PatrolRoutesGpx) {
  expect_whole_or_absent("patrol " + q(*db_) + " export --include-sensitive --out OUT",
                         "routes.gpx");
}

}  // namespace
