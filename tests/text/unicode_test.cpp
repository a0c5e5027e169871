// NFC normalisation and the accent-insensitive search key.
#include <gtest/gtest.h>

#include "text/unicode.h"

namespace secmap::text {
namespace {

// "Lào Cai" in NFC (à = U+00E0) and in NFD (a + U+0300 combining grave).
const std::string kNfc = "L\xC3\xA0o Cai";
const std::string kNfd = "La\xCC\x80o Cai";

TEST(Unicode, ValidUtf8) {
  EXPECT_TRUE(is_valid_utf8(kNfc));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_FALSE(is_valid_utf8("\xC3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("abc\xFF"));
}

TEST(Unicode, NfcOfNfd) {
  EXPECT_NE(kNfd, kNfc);
  EXPECT_FALSE(is_nfc(kNfd));
  EXPECT_TRUE(is_nfc(kNfc));
  EXPECT_EQ(to_nfc(kNfd), kNfc);
  EXPECT_EQ(to_nfc(kNfc), kNfc);
  // "Mường Khương" with stacked marks in NFD composes to precomposed letters.
  EXPECT_EQ(to_nfc("Mu\xCC\x9Bo\xCC\x9B\xCC\x80ng Khu\xCC\x9Bo\xCC\x9Bng"),
            "M\xC6\xB0\xE1\xBB\x9Dng Kh\xC6\xB0\xC6\xA1ng");
  EXPECT_THROW(to_nfc("\xFF"), std::invalid_argument);
  EXPECT_FALSE(is_nfc("\xFF"));
}

TEST(Unicode, FoldForSearch) {
  EXPECT_EQ(fold_for_search(kNfc), "lao cai");
  EXPECT_EQ(fold_for_search(kNfd), "lao cai");
  EXPECT_EQ(fold_for_search("M\xC6\xB0\xE1\xBB\x9Dng Kh\xC6\xB0\xC6\xA1ng"), "muong khuong");
  EXPECT_EQ(fold_for_search("\xC4\x90\xE1\xBB\x93ng"), "dong");           // Đồng
  EXPECT_EQ(fold_for_search("\xC4\x91\xC6\xB0\xE1\xBB\x9Dng"), "duong");  // đường
  EXPECT_EQ(fold_for_search("  B\xC3\xA1t \t\n X\xC3\xA1t  "), "bat xat");
  EXPECT_EQ(fold_for_search(""), "");
}

TEST(Unicode, SearchMatches) {
  EXPECT_TRUE(search_matches(kNfc, "lao cai"));
  EXPECT_TRUE(search_matches(kNfd, "LAO  CAI"));
  EXPECT_TRUE(search_matches("Ph\xC6\xB0\xE1\xBB\x9Dng L\xC3\xA0o Cai", "lao"));
  EXPECT_TRUE(
      search_matches("X\xC3\xA3 M\xC6\xB0\xE1\xBB\x9Dng Kh\xC6\xB0\xC6\xA1ng", "muong khuong"));
  EXPECT_TRUE(search_matches("\xC4\x90\xE1\xBB\x93ng V\xC4\x83n", "dong"));
  EXPECT_FALSE(search_matches(kNfc, "lai chau"));
  EXPECT_TRUE(search_matches(kNfc, ""));
}

}  // namespace
}  // namespace secmap::text
