// Day numbers for the ISO dates the store keeps as text: days since 1970-01-01 in the proleptic
// Gregorian calendar (std::chrono's civil calendar), shared by the model, analysis, demo and
// rendering.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace secmap::store {

struct Ymd {
  int year = 1970, month = 1, day = 1;
};

int32_t days_from_civil(int year, int month, int day);
Ymd civil_from_days(int32_t days);

// "YYYY-MM-DD", optionally followed by a time ("T…" or " …", ignored), as a day number; nullopt
// for anything else or a day the calendar does not have (2025-02-30). The one date reader of
// analysis, rendering and the model.
std::optional<int32_t> parse_day(std::string_view iso);
// "YYYY-MM-DD".
std::string format_day(int32_t days);

}  // namespace secmap::store
