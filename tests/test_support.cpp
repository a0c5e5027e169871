#include "test_support.h"

#include <array>
#include <cstdio>
#include <sys/wait.h>

namespace secmap::test {

std::filesystem::path source_dir() { return SECMAP_SOURCE_DIR; }
std::filesystem::path realdata_dir() { return SECMAP_REALDATA_DIR; }
bool have_realdata(const std::string& file) {
  return std::filesystem::exists(realdata_dir() / file);
}
std::filesystem::path secmap_binary() { return SECMAP_BINARY; }

std::filesystem::path scratch_dir(const std::string& name) {
  auto dir = std::filesystem::path(SECMAP_BUILD_DIR) / "test-scratch" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
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
