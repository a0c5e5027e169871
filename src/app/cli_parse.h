// One way for every subcommand to parse its arguments with CLI11 and to end on --help or a bad
// option with CLI11's message and exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/commands.h"

namespace secmap::app {

// Returns the exit code when parsing ends the command, nothing when the command should run.
inline std::optional<int> parse_or_exit(CLI::App& app, const Args& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 parses from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return std::nullopt;
}

}  // namespace secmap::app
