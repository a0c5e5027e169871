// Paths and small helpers shared by every test program.
#pragma once
#include <filesystem>
#include <string>

namespace secmap::test {

// Source tree root (for tests/fixtures and tests/golden).
std::filesystem::path source_dir();
// ../shared/realdata beside the checkout; may not exist.
std::filesystem::path realdata_dir();
// True when the real data file exists; tests call GTEST_SKIP() with a message otherwise.
bool have_realdata(const std::string& file);
// The built `secmap` binary.
std::filesystem::path secmap_binary();
// A fresh empty directory under the build tree for this test's files.
std::filesystem::path scratch_dir(const std::string& name);

struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};
// Runs a shell command line, capturing its output.
CommandResult run_command(const std::string& command_line);
// A path as one word of a shell command line (single-quoted).
std::string shell_quoted(const std::filesystem::path& p);
// A file's bytes ("" when it cannot be read).
std::string file_text(const std::filesystem::path& p);

}  // namespace secmap::test

// Skips the current test with a clear message when a real data file is absent.
#define SECMAP_REQUIRE_REALDATA(file)                                                       \
  do {                                                                                      \
    if (!::secmap::test::have_realdata(file))                                               \
      GTEST_SKIP() << "real data " << (::secmap::test::realdata_dir() / (file)).string()    \
                   << " is absent; put ../shared/realdata beside the checkout to run this"; \
  } while (0)
