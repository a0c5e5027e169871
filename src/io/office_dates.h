// Dates as offices write them: "03/01/2025", "3-1-2025 14:30", "03.01.2025 14 giờ 30",
// "2025/01/03" (a spreadsheet's date cell as GDAL gives it), Excel serial day numbers, and ISO
// 8601. Whether 03/01 is the 3rd of January or the 1st of March is decided for a whole column
// (DayOrder), never guessed per value.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace secmap::io {

enum class DayOrder { Unknown, DayFirst, MonthFirst };

// What one value says about its column's order: DayFirst when its first number is above 12,
// MonthFirst when its second is, Unknown when both could be a month or the text is no such date.
DayOrder day_order_evidence(std::string_view text);
// Whether the text is a day-month-year date whose order matters ("03/01/2025").
bool needs_day_order(std::string_view text);

// The stored form ("YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS", local time) of a date as written, or
// nothing. `order` resolves "03/01/2025"; `spreadsheet` lets a plain number be an Excel serial
// day (1 = 1900-01-01, fractions are the time of day). A time is refused when `with_time` is
// false, so that no time of day is dropped silently.
std::optional<std::string> office_date_time(std::string_view text, DayOrder order, bool spreadsheet,
                                            bool with_time);

// "--date-format" values: dd/mm/yyyy (also d/m/y, dmy) or mm/dd/yyyy (m/d/y, mdy).
std::optional<DayOrder> parse_date_format(std::string_view format);

}  // namespace secmap::io
