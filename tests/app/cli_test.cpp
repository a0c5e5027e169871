// The `secmap` binary's dispatcher and the info command, driven as a user would.
#include <gtest/gtest.h>

#include <fstream>

#include "test_support.h"

namespace {
using secmap::test::run_command;
using secmap::test::scratch_dir;
using secmap::test::secmap_binary;

TEST(Cli, NoCommandPrintsHelpListingEverySubcommand) {
  auto r = run_command(secmap_binary().string());
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"import", "export", "demo", "render", "info"})
    EXPECT_NE(r.output.find(std::string("  ") + c), std::string::npos) << c << "\n" << r.output;
}

TEST(Cli, UnknownCommandFails) {
  auto r = run_command(secmap_binary().string() + " frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown command 'frobnicate'"), std::string::npos) << r.output;
}

TEST(Cli, InfoOnATextFileNamesTheFile) {
  auto dir = scratch_dir("cli_info_text");
  auto file = dir / "notes.txt";
  std::ofstream(file) << "this is not a database\n";
  auto r = run_command(secmap_binary().string() + " info " + file.string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find(file.string()), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("not a secmap database"), std::string::npos) << r.output;
}

TEST(Cli, InfoOnAMissingFileFails) {
  auto dir = scratch_dir("cli_info_missing");
  auto r = run_command(secmap_binary().string() + " info " + (dir / "nope.sqlite").string());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("nope.sqlite"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "nope.sqlite"));
}

}  // namespace
