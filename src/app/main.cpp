// secmap: with a subcommand, runs it; with none (or just a database file), opens the map window.
// `secmap help` lists the commands.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <string>

#include "app/commands.h"
#include "store/database.h"

namespace {

void print_help() {
  std::printf(
      "secmap — bản đồ an ninh trật tự khu vực biên giới / security map of the border provinces\n\n"
      "Usage: secmap [DB.sqlite]            open the map window (the last database by default)\n"
      "       secmap <command> [options]\n\nCommands:\n");
  for (const auto& c : secmap::app::commands()) std::printf("  %-8s %s\n", c.name, c.summary);
  std::printf("\nRun `secmap <command> --help` for the options of one command.\n");
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Output into a pipe or a file means a script called us: it gets the help text, not a window
// (a desktop launcher or a terminal gets the window).
bool stdout_is_captured() {
  struct stat st {};
  return fstat(STDOUT_FILENO, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode));
}

int run(const secmap::app::Command& c, const secmap::app::Args& args) {
  try {
    return c.run(args);
  } catch (const secmap::store::BusyError& e) {
    std::fprintf(stderr, "secmap %s: %s\n", c.name, e.what());
    return secmap::app::kExitBusy;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secmap %s: error: %s\n", c.name, e.what());
    return 1;
  }
}

const secmap::app::Command* find_command(const std::string& name) {
  for (const auto& c : secmap::app::commands())
    if (name == c.name) return &c;
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string first = argc >= 2 ? argv[1] : "";
  if (first == "help" || first == "--help" || first == "-h" || (argc < 2 && stdout_is_captured())) {
    print_help();
    return 0;
  }
  if (argc < 2 || (argc == 2 && (ends_with(first, ".sqlite") || ends_with(first, ".db")))) {
    const int rc = run(*find_command("map"), secmap::app::Args(argv + 1, argv + argc));
    if (rc != 0 && argc < 2) std::fprintf(stderr, "Run `secmap help` for the commands.\n");
    return rc;
  }
  if (const auto* c = find_command(first)) return run(*c, secmap::app::Args(argv + 2, argv + argc));
  std::fprintf(stderr, "secmap: unknown command '%s'\n\n", first.c_str());
  print_help();
  return 2;
}
