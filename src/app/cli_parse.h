// One way for every subcommand to parse its arguments with CLI11 and to end on --help or a bad
// option with CLI11's message and exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "app/commands.h"
#include "store/civil_date.h"

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

// Date options: a day the calendar has (2025-02-30 and "garbage" are refused when parsed, with
// the option named), so no command runs on a date it silently misread.
inline CLI::Validator calendar_day() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        if (v.size() == 10 && store::parse_day(v)) return {};
        return "'" + v + "' is not a calendar day YYYY-MM-DD";
      },
      "YYYY-MM-DD");
}

// A day, or a day and a time of day (YYYY-MM-DDTHH:MM[:SS]).
inline CLI::Validator calendar_day_or_time() {
  return CLI::Validator(
      [](std::string& v) -> std::string {
        const auto day = store::parse_day(v);
        auto two = [&](size_t at, int max) {
          return at + 2 <= v.size() && std::isdigit(static_cast<unsigned char>(v[at])) &&
                 std::isdigit(static_cast<unsigned char>(v[at + 1])) &&
                 (v[at] - '0') * 10 + (v[at + 1] - '0') <= max;
        };
        const bool time = v.size() == 10 || ((v.size() == 16 || v.size() == 19) && v[10] == 'T' &&
                                             two(11, 23) && v[13] == ':' && two(14, 59) &&
                                             (v.size() == 16 || (v[16] == ':' && two(17, 59))));
        if (day && time) return {};
        return "'" + v + "' is not a day YYYY-MM-DD or a time YYYY-MM-DDTHH:MM[:SS]";
      },
      "YYYY-MM-DD[THH:MM[:SS]]");
}

}  // namespace secmap::app
