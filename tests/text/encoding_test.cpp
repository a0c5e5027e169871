// Legacy Vietnamese encodings: the byte strings below were written from the code charts
// (Windows-1258 from Microsoft's table, TCVN3 from TCVN 5712:1993 VN3 as the well-known
// mis-rendered "ViÖt Nam" / "Céng hoµ x· héi chñ nghÜa" strings show it), not produced by the
// decoder under test.
#include "text/encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "text/unicode.h"

namespace secmap::text {
namespace {

// Windows-1258: precomposed where the code page has the letter (à á â ê ô ơ ư đ …), else the
// base letter followed by a combining tone mark (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde,
// 0xF2 dot below), as Windows writes it.
const std::string kCp1258 =
    "Vi\xea\xf2t Nam; L\xe0o Cai; M\xfd\xf5\xccng Kh\xfd\xf5ng; \xd0\xf4\xccn Bi\xean "
    "pho\xccng; xa\xde Th\xf4\xecng Nh\xe2\xect; Pho\xccng ch\xf4\xecng ma t\xfay";
const std::string kCp1258Utf8 =
    "Việt Nam; Lào Cai; Mường Khương; Đồn Biên phòng; xã Thống Nhất; Phòng chống ma túy";

// TCVN3: one byte per letter with its tone.
const std::string kTcvn3 =
    "C\xe9ng ho\xb5 x\xb7 h\xe9i ch\xf1 ngh\xdc"
    "a Vi\xd6t Nam; \xa7\xe5n Bi\xaan ph\xdfng; "
    "M\xad\xeang Kh\xad\xacng; L\xb5o Cai; B\xb8t X\xb8t";
const std::string kTcvn3Utf8 =
    "Cộng hoà xã hội chủ nghĩa Việt Nam; Đồn Biên phòng; Mường Khương; Lào Cai; Bát Xát";

TEST(Encoding, ParsesNames) {
  EXPECT_EQ(parse_encoding("UTF-8"), Encoding::Utf8);
  EXPECT_EQ(parse_encoding("utf8"), Encoding::Utf8);
  EXPECT_EQ(parse_encoding("cp1258"), Encoding::Cp1258);
  EXPECT_EQ(parse_encoding("Windows-1258"), Encoding::Cp1258);
  EXPECT_EQ(parse_encoding("tcvn3"), Encoding::Tcvn3);
  EXPECT_FALSE(parse_encoding("latin1").has_value());
  EXPECT_STREQ(encoding_name(Encoding::Tcvn3), "TCVN3");
}

TEST(Encoding, Utf8BomIsDroppedAndTextComesOutNfc) {
  const std::string nfd = "Vie\xcc\xa3\xcc\x82t";  // e + dot below + circumflex
  const std::string out = decode_to_utf8("\xef\xbb\xbf" + nfd, Encoding::Utf8);
  EXPECT_EQ(out, "Việt");
  EXPECT_TRUE(is_nfc(out));
}

TEST(Encoding, Utf8ErrorNamesOffsetCountingTheBom) {
  try {
    decode_to_utf8(
        "\xef\xbb\xbf"
        "ab\xff",
        Encoding::Utf8);
    FAIL() << "invalid UTF-8 accepted";
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.offset(), 5u);
    EXPECT_NE(std::string(e.what()).find("0xFF"), std::string::npos) << e.what();
  }
}

TEST(Encoding, FirstInvalidUtf8) {
  EXPECT_EQ(first_invalid_utf8("Lào Cai"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("ab\xc3"), 2u);         // truncated
  EXPECT_EQ(first_invalid_utf8("a\xc0\xafz"), 1u);     // overlong '/'
  EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);  // surrogate
  EXPECT_EQ(first_invalid_utf8("L\xb5o Cai"), 1u);     // TCVN3 is not UTF-8
}

TEST(Encoding, Cp1258ComposesToneMarks) {
  const std::string out = decode_to_utf8(kCp1258, Encoding::Cp1258);
  EXPECT_EQ(out, kCp1258Utf8);
  EXPECT_TRUE(is_nfc(out));
}

TEST(Encoding, Cp1258ErrorNamesTheUndefinedByte) {
  const std::string bytes = "L\xe0o Cai \x81";  // 0x81 is not in Windows-1258
  try {
    decode_to_utf8(bytes, Encoding::Cp1258);
    FAIL() << "undefined byte accepted";
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.offset(), bytes.size() - 1);
    EXPECT_NE(std::string(e.what()).find("Windows-1258"), std::string::npos) << e.what();
  }
}

TEST(Encoding, Tcvn3Decodes) {
  const std::string out = decode_to_utf8(kTcvn3, Encoding::Tcvn3);
  EXPECT_EQ(out, kTcvn3Utf8);
  EXPECT_TRUE(is_nfc(out));
}

TEST(Encoding, Tcvn3MatchesTheVn3LowerCaseTable) {
  // Every toned lower-case letter of VN3 at its code (TCVN 5712:1993 table), vowel by vowel.
  struct Row {
    const char* bytes;
    const char* letters;
  };
  const Row rows[] = {
      {"\xb5\xb8\xb6\xb7\xb9", "àáảãạ"},           {"\xbb\xbe\xbc\xbd\xc6", "ằắẳẵặ"},
      {"\xc7\xca\xc8\xc9\xcb", "ầấẩẫậ"},           {"\xcc\xd0\xce\xcf\xd1", "èéẻẽẹ"},
      {"\xd2\xd5\xd3\xd4\xd6", "ềếểễệ"},           {"\xd7\xdd\xd8\xdc\xde", "ìíỉĩị"},
      {"\xdf\xe3\xe1\xe2\xe4", "òóỏõọ"},           {"\xe5\xe8\xe6\xe7\xe9", "ồốổỗộ"},
      {"\xea\xed\xeb\xec\xee", "ờớởỡợ"},           {"\xef\xf3\xf1\xf2\xf4", "ùúủũụ"},
      {"\xf5\xf8\xf6\xf7\xf9", "ừứửữự"},           {"\xfa\xfd\xfb\xfc\xfe", "ỳýỷỹỵ"},
      {"\xa8\xa9\xaa\xab\xac\xad\xae", "ăâêôơưđ"}, {"\xa1\xa2\xa3\xa4\xa5\xa6\xa7", "ĂÂÊÔƠƯĐ"},
  };
  for (const Row& r : rows) EXPECT_EQ(decode_to_utf8(r.bytes, Encoding::Tcvn3), r.letters);
}

TEST(Encoding, Tcvn3RejectsControlBytes) {
  try {
    decode_to_utf8(
        "ab\x01"
        "c",
        Encoding::Tcvn3);
    FAIL() << "control byte accepted";
  } catch (const EncodingError& e) {
    EXPECT_EQ(e.offset(), 2u);
  }
}

TEST(Encoding, ScoreTellsVietnameseFromMojibake) {
  EXPECT_GT(vietnamese_score(kCp1258Utf8), 5);
  EXPECT_GT(vietnamese_score(kTcvn3Utf8), 5);
  EXPECT_LT(vietnamese_score("CÐng hoµ x· hÐi chñ nghÜa ViÖt Nam"), 0);  // TCVN3 read as Latin
  EXPECT_LT(vietnamese_score("Viờũt"), 0);                               // two tones in one word
  EXPECT_LT(vietnamese_score("LỔo"), 0);                                 // impossible casing
  EXPECT_EQ(vietnamese_score("plain ASCII, 123"), 0);
}

TEST(Encoding, DetectsEachEncoding) {
  Detection d;
  EXPECT_EQ(detect_encoding(kCp1258Utf8, &d), Encoding::Utf8);
  EXPECT_FALSE(d.bom);
  EXPECT_EQ(detect_encoding("\xef\xbb\xbf" + kCp1258Utf8, &d), Encoding::Utf8);
  EXPECT_TRUE(d.bom);

  EXPECT_EQ(detect_encoding(kCp1258, &d), Encoding::Cp1258);
  EXPECT_GT(*d.cp1258_score, d.tcvn3_score.value_or(-1000));
  EXPECT_EQ(detect_encoding(kTcvn3, &d), Encoding::Tcvn3);
  EXPECT_GT(*d.tcvn3_score, d.cp1258_score.value_or(-1000));
}

TEST(Encoding, DetectsCsvLinesOfEachEncoding) {
  // A spreadsheet export: header, then rows with names, places and descriptions.
  auto csv = [](const std::string& place, const std::string& what) {
    std::string s = "so_vu;ngay;xa;mo_ta\r\n";
    for (int i = 0; i < 20; ++i)
      s += "LC-" + std::to_string(i) + ";2025-01-02;" + place + ";" + what + "\r\n";
    return s;
  };
  EXPECT_EQ(detect_encoding(csv("B\xe1t X\xe1t", "Tr\xf4\xf2m c\xe3\xecp t\xe0i sa\xd2n")),
            Encoding::Cp1258);
  EXPECT_EQ(detect_encoding(csv("B\xb8t X\xb8t", "Tr\xe9m c\xbep t\xb5i s\xb6n")), Encoding::Tcvn3);
}

TEST(Encoding, StrayBytesInUtf8AreNotGuessed) {
  Detection d;
  EXPECT_EQ(detect_encoding("A2,104.05,22.05,NS-01,2024-01-02,bad \xff\xfe text\n", &d),
            std::nullopt);
  EXPECT_EQ(d.first_invalid_utf8, 37u);
}

}  // namespace
}  // namespace secmap::text
