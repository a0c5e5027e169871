// The RFC-4180 reader behind the code lists.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/csv.h"

using secmap::store::parse_csv;
using secmap::store::parse_csv_table;

TEST(Csv, QuotedFieldsWithCommasQuotesAndNewlines) {
  const auto rows = parse_csv(
      "code,name\r\n"
      "SO-13,\"sử dụng vũ khí \"\"nóng\"\", hung khí\"\r\n"
      "X,\"two\nlines\"\n"
      ",\n");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1][1], "sử dụng vũ khí \"nóng\", hung khí");
  EXPECT_EQ(rows[2][1], "two\nlines");
  EXPECT_EQ(rows[3], (secmap::store::CsvRow{"", ""}));
}

TEST(Csv, BomBlankLinesAndMissingFinalNewline) {
  const auto rows = parse_csv(
      "\xEF\xBB\xBF"
      "a,b\n\n1,2");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "a");
  EXPECT_EQ(rows[1][1], "2");
  EXPECT_EQ(parse_csv("\"\"").at(0), (secmap::store::CsvRow{""}));
}

TEST(Csv, MalformedInputNamesSourceAndLine) {
  try {
    parse_csv("a,b\n1,\"open\n", "x.csv");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "x.csv:2: unterminated quoted field");
  }
  EXPECT_THROW(parse_csv("a\nb\"c\n"), std::runtime_error);
  EXPECT_THROW(parse_csv("\"a\"b\n"), std::runtime_error);
}

TEST(Csv, TableChecksFieldCounts) {
  const auto t = parse_csv_table("code,name\nA,x\n");
  EXPECT_EQ(t.column("name"), 1u);
  EXPECT_FALSE(t.column("nope"));
  EXPECT_THROW(parse_csv_table("code,name\nA\n", "t.csv"), std::runtime_error);
  EXPECT_THROW(parse_csv_table(""), std::runtime_error);
}
