// utf8proc-backed implementation of the text helpers declared in unicode.h.
#include "text/unicode.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>
#include <stdexcept>

namespace secmap::text {
namespace {

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

// Runs utf8proc_map and returns the result, or nullopt-like false on invalid input.
bool map_utf8(std::string_view s, int options, std::string& out) {
  utf8proc_uint8_t* raw = nullptr;
  // utf8proc_map reads exactly s.size() bytes (no UTF8PROC_NULLTERM), so embedded NULs are safe.
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &raw,
                                          static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, FreeDeleter> guard(raw);
  if (n < 0) return false;
  out.assign(reinterpret_cast<const char*>(raw), static_cast<size_t>(n));
  return true;
}

bool is_space(utf8proc_int32_t cp) {
  if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v') return true;
  const auto cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

void append_utf8(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || cp < 0) return false;  // also rejects surrogates and overlong forms
    p += n;
    left -= n;
  }
  return true;
}

std::string to_nfc(std::string_view s) {
  std::string out;
  if (!map_utf8(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out))
    throw std::invalid_argument("invalid UTF-8 text");
  return out;
}

bool is_nfc(std::string_view s) {
  std::string out;
  return map_utf8(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE, out) && out == s;
}

std::string fold_for_search(std::string_view s) {
  // Decompose + strip marks removes Vietnamese tone and vowel marks; case folding lower-cases.
  // đ/Đ has no decomposition in Unicode, so it is mapped to d by hand below.
  std::string decomposed;
  if (!map_utf8(s,
                UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
                    UTF8PROC_COMPAT,
                decomposed)) {
    return {};  // invalid UTF-8 matches nothing
  }
  std::string out;
  out.reserve(decomposed.size());
  bool pending_space = false;
  auto p = reinterpret_cast<const utf8proc_uint8_t*>(decomposed.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(decomposed.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) break;
    p += n;
    left -= n;
    if (is_space(cp)) {
      pending_space = !out.empty();  // leading whitespace is dropped
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    if (cp == 0x0111 || cp == 0x0110) cp = 'd';  // đ, Đ
    append_utf8(out, cp);
  }
  return out;  // trailing whitespace never emitted
}

bool search_matches(std::string_view haystack, std::string_view needle) {
  const std::string n = fold_for_search(needle);
  if (n.empty()) return true;
  return fold_for_search(haystack).find(n) != std::string::npos;
}

}  // namespace secmap::text
