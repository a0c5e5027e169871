#include "text/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "text/unicode.h"

namespace secmap::text {

namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string hex_byte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

// Decodes one UTF-8 code point at s[i] (the text is known to be valid) and advances i.
char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  const int n = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  char32_t cp = b0 & (0x3F >> n);
  for (int k = 1; k <= n && i + k < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n + 1;
  return cp;
}

struct Letter {
  bool upper = false;
  bool toned = false;
};

// The Vietnamese letters with diacritics: each group is a vowel followed by its five tones
// (huyền, sắc, hỏi, ngã, nặng), then đ/Đ.
const std::unordered_map<char32_t, Letter>& vietnamese_letters() {
  static const std::unordered_map<char32_t, Letter> table = [] {
    std::unordered_map<char32_t, Letter> t;
    const char* lower[] = {"aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                           "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"};
    const char* upper[] = {"AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
                           "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ"};
    for (int u = 0; u < 2; ++u)
      for (const char* group : u ? upper : lower) {
        const std::string_view g(group);
        size_t i = 0;
        for (int k = 0; i < g.size(); ++k) {
          const char32_t cp = next_code_point(g, i);
          if (cp >= 0x80) t[cp] = Letter{u == 1, k > 0};
        }
      }
    t[U'đ'] = Letter{false, false};
    t[U'Đ'] = Letter{true, false};
    return t;
  }();
  return table;
}

// Bytes where glibc's TCVN5712-1 (VN1) has a capital letter or a combining mark that the
// TCVN3 (VN3) fonts do not: real TCVN3 text does not contain them.
bool vn1_only_byte(unsigned char b) {
  return (b >= 0x80 && b <= 0x9F) || b == 0xAF || (b >= 0xB0 && b <= 0xB4) || b == 0xBA ||
         (b >= 0xBF && b <= 0xC5) || b == 0xCD || (b >= 0xD9 && b <= 0xDB) || b == 0xE0 ||
         b == 0xF0 || b == 0xFF;
}

std::string iconv_decode(std::string_view in, const char* from, const char* label) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("this system's iconv cannot decode ") + label);
  std::string out(in.size() * 3 + 16, '\0');
  char* ip = const_cast<char*>(in.data());
  size_t il = in.size();
  char* op = out.data();
  size_t ol = out.size();
  auto grow = [&] {
    const size_t used = static_cast<size_t>(op - out.data());
    out.resize(out.size() * 2);
    op = out.data() + used;
    ol = out.size() - used;
  };
  while (il > 0) {
    if (iconv(cd, &ip, &il, &op, &ol) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      grow();
      continue;
    }
    const size_t offset = static_cast<size_t>(ip - in.data());
    iconv_close(cd);
    throw EncodingError("byte " + hex_byte(static_cast<unsigned char>(in[offset])) + " at offset " +
                            std::to_string(offset) + " is not valid " + label,
                        offset);
  }
  // Windows-1258 holds a base letter back until it sees whether a tone mark follows.
  while (iconv(cd, nullptr, nullptr, &op, &ol) == static_cast<size_t>(-1) && errno == E2BIG) grow();
  iconv_close(cd);
  out.resize(static_cast<size_t>(op - out.data()));
  return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  const std::string n = lower_ascii(name);
  if (n == "utf-8" || n == "utf8") return Encoding::Utf8;
  if (n == "cp1258" || n == "windows-1258" || n == "cp-1258") return Encoding::Cp1258;
  if (n == "tcvn3" || n == "tcvn" || n == "tcvn-3") return Encoding::Tcvn3;
  return std::nullopt;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::Utf8:
      return "UTF-8";
    case Encoding::Cp1258:
      return "Windows-1258";
    case Encoding::Tcvn3:
      return "TCVN3";
  }
  return "?";
}

const char* encoding_choices() {
  return "utf-8|cp1258|tcvn3";
}

bool has_utf8_bom(std::string_view b) {
  return b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xEF &&
         static_cast<unsigned char>(b[1]) == 0xBB && static_cast<unsigned char>(b[2]) == 0xBF;
}

size_t first_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    char32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string decode_to_utf8(std::string_view bytes, Encoding from) {
  switch (from) {
    case Encoding::Utf8: {
      const size_t skipped = has_utf8_bom(bytes) ? 3 : 0;  // offsets count in the file
      bytes.remove_prefix(skipped);
      if (const size_t bad = first_invalid_utf8(bytes); bad != std::string_view::npos) {
        const size_t offset = bad + skipped;
        throw EncodingError("byte " + hex_byte(static_cast<unsigned char>(bytes[bad])) +
                                " at offset " + std::to_string(offset) + " is not valid UTF-8",
                            offset);
      }
      return to_nfc(bytes);
    }
    case Encoding::Cp1258:
      return to_nfc(iconv_decode(bytes, "CP1258", "Windows-1258"));
    case Encoding::Tcvn3:
      for (size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
          throw EncodingError("byte " + hex_byte(b) + " at offset " + std::to_string(i) +
                                  " is not valid TCVN3 (a control character)",
                              i);
      }
      return to_nfc(iconv_decode(bytes, "TCVN5712-1", "TCVN3"));
  }
  return {};
}

int vietnamese_score(std::string_view s) {
  const auto& letters = vietnamese_letters();
  int score = 0;
  size_t i = 0;
  while (i < s.size()) {
    // A word: a run of ASCII letters and non-ASCII characters.
    bool non_ascii = false, odd = false;
    int tones = 0, n = 0, uppers = 0;
    bool first_upper = false;
    while (i < s.size()) {
      const auto c = static_cast<unsigned char>(s[i]);
      const bool ascii_letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      if (c < 0x80 && !ascii_letter) break;
      bool upper;
      if (c < 0x80) {
        upper = c <= 'Z';
        ++i;
      } else {
        non_ascii = true;
        const char32_t cp = next_code_point(s, i);
        const auto it = letters.find(cp);
        if (it == letters.end()) {
          odd = true;
          upper = false;
        } else {
          upper = it->second.upper;
          tones += it->second.toned;
        }
      }
      if (n == 0) first_upper = upper;
      uppers += upper;
      ++n;
    }
    if (n == 0) {
      ++i;
      continue;
    }
    if (!non_ascii) continue;
    const bool cased = uppers == 0 || uppers == n || (uppers == 1 && first_upper);
    score += (!odd && tones <= 1 && cased) ? 1 : -1;
  }
  return score;
}

std::optional<Encoding> detect_encoding(std::string_view bytes, Detection* detail) {
  Detection d;
  d.bom = has_utf8_bom(bytes);
  d.first_invalid_utf8 = first_invalid_utf8(d.bom ? bytes.substr(3) : bytes);
  if (d.first_invalid_utf8 != std::string_view::npos && d.bom) d.first_invalid_utf8 += 3;
  std::optional<Encoding> result;
  if (d.bom || d.first_invalid_utf8 == std::string_view::npos) {
    d.encoding = Encoding::Utf8;
    result = Encoding::Utf8;
  } else {
    try {
      d.cp1258_score = vietnamese_score(decode_to_utf8(bytes, Encoding::Cp1258));
    } catch (const EncodingError&) {
    }
    try {
      int s = vietnamese_score(decode_to_utf8(bytes, Encoding::Tcvn3));
      for (char c : bytes) s -= vn1_only_byte(static_cast<unsigned char>(c));
      d.tcvn3_score = s;
    } catch (const EncodingError&) {
    }
    const int cp = d.cp1258_score.value_or(0), tc = d.tcvn3_score.value_or(0);
    if (cp > 0 && cp >= tc)
      result = Encoding::Cp1258;
    else if (tc > 0)
      result = Encoding::Tcvn3;
    if (result) d.encoding = *result;
  }
  if (detail) *detail = d;
  return result;
}

}  // namespace secmap::text
