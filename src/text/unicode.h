// Unicode handling through utf8proc (the only file set that includes it): NFC normalisation of
// everything entering the store, and a diacritic- and case-insensitive search key
// ("Lào Cai" → "lao cai", "Đồng" → "dong").
#pragma once
#include <string>
#include <string_view>

namespace secmap::text {

// True if s is valid UTF-8.
bool is_valid_utf8(std::string_view s);
// NFC form of s. Throws std::invalid_argument for invalid UTF-8.
std::string to_nfc(std::string_view s);
bool is_nfc(std::string_view s);
// Lower-case, diacritics removed (đ/Đ → d), whitespace collapsed: the key for search.
std::string fold_for_search(std::string_view s);
// True if the folded needle occurs in the folded haystack.
bool search_matches(std::string_view haystack, std::string_view needle);

}  // namespace secmap::text
