// `secmap render` behaviour around the image: Vietnamese labels present, the error paths (no GL
// context, bad arguments) exit non-zero with a message instead of crashing.
#include <gtest/gtest.h>

#include "io/png.h"
#include "render_fixtures.h"
#include "test_support.h"

namespace secmap::test {
namespace {

class RenderCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = scratch_dir("render_cli");
    build_fixture("grid_demo", dir_ / "grid.sqlite");
  }
  static std::string render(const std::string& args) {
    return secmap_binary().string() + " render " + (dir_ / "grid.sqlite").string() + " " + args;
  }
  static inline std::filesystem::path dir_;
};

TEST_F(RenderCli, WritesPngOfRequestedSizeAndLogsRenderer) {
  auto out = dir_ / "ok.png";
  auto r = run_command(render("--out " + out.string() + " --size 300x200 --verbose"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("GL_RENDERER: "), std::string::npos);
  EXPECT_NE(r.output.find("simplify+triangulate"), std::string::npos) << r.output;
  io::Image img = io::read_png(out);
  EXPECT_EQ(img.width, 300);
  EXPECT_EQ(img.height, 200);
}

TEST_F(RenderCli, NoGlContextIsAClearError) {
  auto out = dir_ / "none.png";
  auto r = run_command("SECMAP_EGL_FORCE_FAIL=1 " + render("--out " + out.string()));
  EXPECT_EQ(r.exit_code, 1) << r.output;  // an ordinary failure, not a signal
  EXPECT_NE(r.output.find("no OpenGL context"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST_F(RenderCli, BadArgumentsAreRejectedByName) {
  auto out = (dir_ / "bad.png").string();
  struct Case {
    std::string args, message;
  } cases[] = {
      {"--size 12by3", "--size"},
      {"--bbox 105,22,104,23", "--bbox"},
      {"--layers communes,roads", "unknown layer 'roads'"},
      {"--style rainbow", "--style"},
      {"--lang fr", "--lang"},
      {"--from 2024-13-01", "--from"},
      {"--from 2025-01-01 --to 2024-01-01", "after"},
  };
  for (const auto& c : cases) {
    auto r = run_command(render("--out " + out + " " + c.args));
    EXPECT_NE(r.exit_code, 0) << c.args;
    EXPECT_NE(r.output.find(c.message), std::string::npos) << c.args << ": " << r.output;
  }
  auto r = run_command(secmap_binary().string() + " render " + (dir_ / "missing.sqlite").string() +
                       " --out " + out);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("missing.sqlite"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace secmap::test
