// Legacy Vietnamese text encodings found in spreadsheets exported from old office software:
// UTF-8 (with or without a byte-order mark), Windows-1258 and TCVN3 (TCVN 5712:1993 VN3, the
// "ABC" .VnTime font encoding). Decoding goes through glibc iconv and ends in NFC, so
// Windows-1258's separate tone marks come out as the precomposed letters the store holds.
#pragma once
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace secmap::text {

enum class Encoding { Utf8, Cp1258, Tcvn3 };

// "utf-8"/"utf8", "cp1258"/"windows-1258", "tcvn3"/"tcvn" (case-insensitive); nullopt otherwise.
std::optional<Encoding> parse_encoding(std::string_view name);
// The name users see: "UTF-8", "Windows-1258", "TCVN3".
const char* encoding_name(Encoding e);
// The names parse_encoding accepts, for help and error texts: "utf-8|cp1258|tcvn3".
const char* encoding_choices();

// A byte sequence that is not text in the named encoding. `offset` is the 0-based byte offset
// of the first bad byte in the input; the message says which byte and encoding.
class EncodingError : public std::runtime_error {
 public:
  EncodingError(const std::string& message, size_t offset)
      : std::runtime_error(message), offset_(offset) {}
  size_t offset() const { return offset_; }

 private:
  size_t offset_;
};

// Offset of the first byte that is not part of valid UTF-8, or npos when all of it is valid.
size_t first_invalid_utf8(std::string_view bytes);
// True when bytes start with the UTF-8 byte-order mark EF BB BF.
bool has_utf8_bom(std::string_view bytes);

// Decodes bytes in `from` to NFC UTF-8 (a UTF-8 BOM is dropped). Throws EncodingError at the
// first byte that is not valid in that encoding. TCVN3 is decoded with glibc's TCVN5712-1
// (VN1), which agrees with VN3 on every letter VN3 has; C0 control bytes other than tab, CR and
// LF (VN1 puts capital letters there, VN3 does not) are rejected as not text.
std::string decode_to_utf8(std::string_view bytes, Encoding from);

// How Vietnamese UTF-8 text looks: +1 for every word with a non-ASCII letter that is a
// well-formed Vietnamese word (only Vietnamese letters, at most one tone mark, lower, upper or
// title case), -1 for every other word with a non-ASCII character. Mis-decoded text scores low.
int vietnamese_score(std::string_view utf8);

struct Detection {
  Encoding encoding = Encoding::Utf8;
  bool bom = false;  // a UTF-8 byte-order mark was present
  // Scores of the legacy candidates (only computed when the bytes are not valid UTF-8);
  // nullopt where the bytes do not decode at all.
  std::optional<int> cp1258_score;
  std::optional<int> tcvn3_score;
  size_t first_invalid_utf8 = std::string_view::npos;
};

// Valid UTF-8 (or a BOM) → UTF-8. Otherwise the legacy encoding whose decoding reads most like
// Vietnamese; nullopt when neither scores above zero (e.g. a few stray bytes in UTF-8 text), in
// which case `detail` still says where the first invalid UTF-8 byte is.
std::optional<Encoding> detect_encoding(std::string_view bytes, Detection* detail = nullptr);

}  // namespace secmap::text
