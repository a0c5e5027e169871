// Day numbers for the ISO dates the store keeps as text: days since 1970-01-01 in the proleptic
// Gregorian calendar (std::chrono's civil calendar), shared by analysis, demo and rendering.
#pragma once
#include <cstdint>

namespace secmap::store {

struct Ymd {
  int year = 1970, month = 1, day = 1;
};

int32_t days_from_civil(int year, int month, int day);
Ymd civil_from_days(int32_t days);

}  // namespace secmap::store
