// Date-times as the store keeps them: local time in Vietnam (UTC+7), "YYYY-MM-DDTHH:MM[:SS[.f]]"
// without a zone, so that every stored time compares with every other as text. A time written
// with a zone (…Z, +07:00, -0500) is converted, never stored beside local times as it came.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace secmap::store {

// Minutes east of UTC of the times the store keeps.
inline constexpr int kLocalUtcOffsetMinutes = 7 * 60;

// A day "YYYY-MM-DD", or a day and a time ("T" or a space between; seconds and a fraction
// optional; a zone Z/±HH[:MM]/±HHMM converted to local time). The stored form, or nothing for
// text that is not such a time or a day the calendar lacks (2025-02-30, 24:00).
std::optional<std::string> local_date_time(std::string_view iso);

// The machine's clock now, in its own time zone, written with strftime's `format`
// ("%Y-%m-%d" for today).
std::string local_now(const char* format);

}  // namespace secmap::store
