// secmap: with a subcommand, runs it; with none, prints help (the map window comes with the
// desktop issue).
#include <cstdio>
#include <exception>
#include <string>

#include "app/commands.h"

namespace {

void print_help() {
  std::printf(
      "secmap — bản đồ an ninh trật tự khu vực biên giới / security map of the border provinces\n\n"
      "Usage: secmap <command> [options]\n\nCommands:\n");
  for (const auto& c : secmap::app::commands()) std::printf("  %-8s %s\n", c.name, c.summary);
  std::printf("\nRun `secmap <command> --help` for the options of one command.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "help" || std::string(argv[1]) == "--help" ||
      std::string(argv[1]) == "-h") {
    print_help();
    return argc < 2 ? 0 : 0;
  }
  const std::string name = argv[1];
  for (const auto& c : secmap::app::commands()) {
    if (name != c.name) continue;
    secmap::app::Args args(argv + 2, argv + argc);
    try {
      return c.run(args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "secmap %s: error: %s\n", c.name, e.what());
      return 1;
    }
  }
  std::fprintf(stderr, "secmap: unknown command '%s'\n\n", name.c_str());
  print_help();
  return 2;
}
