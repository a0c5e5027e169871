#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace secmap::test {

std::filesystem::path source_dir() {
  return SECMAP_SOURCE_DIR;
}
std::filesystem::path realdata_dir() {
  return SECMAP_REALDATA_DIR;
}
bool have_realdata(const std::string& file) {
  return std::filesystem::exists(realdata_dir() / file);
}
std::filesystem::path secmap_binary() {
  return SECMAP_BINARY;
}

namespace {
// Scratch directories are removed when the test process ends, unless SECMAP_KEEP_SCRATCH is set
// (to look at a failing test's files).
std::vector<std::filesystem::path>& created_dirs() {
  static std::vector<std::filesystem::path> dirs;
  return dirs;
}
void remove_scratch_dirs() {
  if (std::getenv("SECMAP_KEEP_SCRATCH")) return;
  std::error_code ec;
  for (const auto& d : created_dirs()) std::filesystem::remove_all(d, ec);
}
}  // namespace

std::filesystem::path scratch_dir(const std::string& name) {
  // ctest runs each test case as its own process, several at once: a per-process directory
  // keeps suites that share a fixture from deleting each other's files.
  auto dir = std::filesystem::path(SECMAP_BUILD_DIR) / "test-scratch" /
             (name + "-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  if (created_dirs().empty()) std::atexit(remove_scratch_dirs);
  created_dirs().push_back(dir);
  return dir;
}

std::string shell_quoted(const std::filesystem::path& p) {
  std::string out = "'";
  for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CommandResult run_command(const std::string& command_line) {
  CommandResult result;
  std::string cmd = command_line + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) result.output.append(buf.data(), n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace secmap::test
