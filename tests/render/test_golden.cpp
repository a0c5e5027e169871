// Golden-image tests: each line of tests/golden/manifest.txt renders a synthetic database through
// the real `secmap render` binary (EGL headless) and compares with a stored PNG within a
// tolerance. SECMAP_UPDATE_GOLDEN=1 rewrites the goldens instead.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "image_compare.h"
#include "io/png.h"
#include "render_fixtures.h"
#include "test_support.h"

namespace secmap::test {
namespace {

struct GoldenCase {
  std::string name, fixture, args;
  double max_fraction = 0;
  int threshold = 0;
};

std::string trim(std::string s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t\r");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

std::vector<GoldenCase> read_manifest() {
  std::vector<GoldenCase> out;
  std::ifstream in(source_dir() / "tests/golden/manifest.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    std::vector<std::string> f;
    size_t start = 0, bar;
    while ((bar = line.find(" | ", start)) != std::string::npos) {
      f.push_back(trim(line.substr(start, bar - start)));
      start = bar + 3;
    }
    f.push_back(trim(line.substr(start)));
    if (f.size() != 5) {
      ADD_FAILURE() << "manifest line has " << f.size() << " fields, not 5: " << line;
      continue;
    }
    out.push_back({f[0], f[1], f[2], std::stod(f[3]), std::stoi(f[4])});
  }
  return out;
}

bool update_goldens() {
  const char* v = std::getenv("SECMAP_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

TEST(RenderGolden, ManifestIsReadable) {
  auto cases = read_manifest();
  EXPECT_GE(cases.size(), 4u);
}

TEST(RenderGolden, EveryManifestCaseMatchesItsGolden) {
  auto dir = scratch_dir("render_golden");
  std::map<std::string, std::filesystem::path> dbs;  // one database per fixture
  for (const GoldenCase& c : read_manifest()) {
    SCOPED_TRACE("golden case " + c.name);
    if (!dbs.count(c.fixture)) {
      dbs[c.fixture] = dir / (c.fixture + ".sqlite");
      build_fixture(c.fixture, dbs[c.fixture]);
    }
    const auto out = dir / (c.name + ".png");
    auto r = run_command(secmap_binary().string() + " render " + dbs[c.fixture].string() +
                         " --out " + out.string() + " " + c.args);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("GL_RENDERER"), std::string::npos) << r.output;
    const auto golden = source_dir() / "tests/golden" / (c.name + ".png");
    if (update_goldens()) {
      std::filesystem::copy_file(out, golden, std::filesystem::copy_options::overwrite_existing);
      std::printf("updated %s\n", golden.string().c_str());
      continue;
    }
    ASSERT_TRUE(std::filesystem::exists(golden))
        << golden << " is missing: run with SECMAP_UPDATE_GOLDEN=1 to create it";
    io::Image got = io::read_png(out), want = io::read_png(golden);
    ImageDiff d = compare_images(got, want, c.threshold);
    ASSERT_TRUE(d.same_size) << got.width << "x" << got.height << " vs golden " << want.width << "x"
                             << want.height;
    if (d.fraction() > c.max_fraction) {
      write_diff_image(got, want, c.threshold, dir / (c.name + ".diff.png"));
      ADD_FAILURE() << d.differing << " of " << d.total << " pixels (" << d.fraction()
                    << ") differ by more than " << c.threshold << " levels; allowed "
                    << c.max_fraction << ". Rendered " << out << ", difference "
                    << (dir / (c.name + ".diff.png"));
    }
  }
}

}  // namespace
}  // namespace secmap::test
