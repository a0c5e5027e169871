// Dates and tables as offices write them, unit by unit: the forms a date takes, Excel's serial
// days (with its false 1900-02-29), the day order, and where a sheet's header is.
#include <gtest/gtest.h>

#include "io/commune_match.h"
#include "io/office_dates.h"
#include "io/sheet_table.h"

namespace secmap::io {
namespace {

std::optional<std::string> dt(const char* s, DayOrder o = DayOrder::Unknown, bool sheet = false) {
  return office_date_time(s, o, sheet, true);
}

TEST(OfficeDates, TheFormsADateTakes) {
  EXPECT_EQ(dt("13/01/2025"), "2025-01-13");
  EXPECT_EQ(dt("3/1/2025", DayOrder::DayFirst), "2025-01-03");
  EXPECT_EQ(dt("3/1/2025", DayOrder::MonthFirst), "2025-03-01");
  EXPECT_EQ(dt("03-01-2025 14:30", DayOrder::DayFirst), "2025-01-03T14:30:00");
  EXPECT_EQ(dt("03.01.2025 14 giờ 30 phút", DayOrder::DayFirst), "2025-01-03T14:30:00");
  EXPECT_EQ(dt("03/01/2025 21h", DayOrder::DayFirst), "2025-01-03T21:00:00");
  EXPECT_EQ(dt("2025/01/03 07:05:09"), "2025-01-03T07:05:09");
  EXPECT_EQ(dt("2025-01-03T07:05:09Z"), "2025-01-03T14:05:09");  // ISO with a zone → local
  EXPECT_EQ(dt("03/01/2025"), std::nullopt) << "no order, none in the value";
  EXPECT_EQ(dt("31/02/2025"), std::nullopt);
  EXPECT_EQ(dt("13/01/2025 25:00"), std::nullopt);
  EXPECT_EQ(dt("13/01/25"), std::nullopt) << "two-digit years are not guessed";
  EXPECT_EQ(office_date_time("13/01/2025 08:00", DayOrder::Unknown, false, false), std::nullopt)
      << "a date field does not drop a time of day";
}

TEST(OfficeDates, ExcelSerialDaysOnlyInSpreadsheets) {
  EXPECT_EQ(dt("45660", DayOrder::Unknown, true), "2025-01-03");
  EXPECT_EQ(dt("45660.75", DayOrder::Unknown, true), "2025-01-03T18:00:00");
  EXPECT_EQ(dt("1", DayOrder::Unknown, true), "1900-01-01");
  EXPECT_EQ(dt("59", DayOrder::Unknown, true), "1900-02-28");
  EXPECT_EQ(dt("61", DayOrder::Unknown, true), "1900-03-01");  // 60 is Excel's 1900-02-29
  EXPECT_EQ(dt("45660"), std::nullopt) << "a number in a CSV is not a date";
}

TEST(OfficeDates, DayOrderEvidence) {
  EXPECT_EQ(day_order_evidence("13/01/2025"), DayOrder::DayFirst);
  EXPECT_EQ(day_order_evidence("01/13/2025"), DayOrder::MonthFirst);
  EXPECT_EQ(day_order_evidence("03/01/2025"), DayOrder::Unknown);
  EXPECT_TRUE(needs_day_order("03/01/2025"));
  EXPECT_FALSE(needs_day_order("2025/01/03"));
  EXPECT_EQ(parse_date_format("DD/MM/YYYY"), DayOrder::DayFirst);
  EXPECT_EQ(parse_date_format("mm/dd/yyyy"), DayOrder::MonthFirst);
  EXPECT_EQ(parse_date_format("yyyy"), std::nullopt);
}

TEST(SheetTable, HeaderBelowTheTitleAndTheDocumentHeading) {
  // The usual heading of an official list: two cells side by side, then the title, then the table.
  const SheetTable t = find_sheet_table({
      {"CÔNG AN TỈNH LÀO CAI", "", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
      {"DANH SÁCH VỤ VIỆC"},
      {"STT", "Ngày", "Loại", "Xã", "", "Ghi chú"},
      {"1", "03/01/2025", "SO-06", "Xã Một", "", "x"},
      {},
      {"2", "04/01/2025", "SO-06", "Xã Hai", "", "", "tràn cột"},
      {"Người lập"},
  });
  EXPECT_EQ(t.header_line, 3u);
  EXPECT_EQ(t.header, (std::vector<std::string>{"STT", "Ngày", "Loại", "Xã", "column E", "Ghi chú",
                                                "column G"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[1].line, 6u);
  EXPECT_EQ(t.rows[1].cells[6], "tràn cột");
  EXPECT_EQ(t.empty_rows, 1u);
  EXPECT_EQ(t.skipped_above.size(), 2u);
  ASSERT_EQ(t.notes_below.size(), 1u);
  EXPECT_EQ(t.notes_below[0].line, 7u);
  EXPECT_EQ(column_letter(0), "A");
  EXPECT_EQ(column_letter(26), "AA");
}

TEST(CommuneNames, KeysIgnoreDiacriticsCaseAndTheUnitWord) {
  EXPECT_EQ(commune_name_key("Xã Bản Phiệt"), "banphiet");
  EXPECT_EQ(commune_name_key("PHƯỜNG LÀO CAI"), "laocai");
  EXPECT_EQ(commune_name_key("Phường Nam Cường (thành phố Lào Cai)"), "namcuong");
  EXPECT_EQ(commune_name_key("thị trấn Sa Pa"), "sapa");
  EXPECT_EQ(commune_name_key("Đồng Tuyển"), "dongtuyen");
}

}  // namespace
}  // namespace secmap::io
