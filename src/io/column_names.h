// Which source column fills which field: the names offices give their columns (Vietnamese with or
// without diacritics, English, abbreviations), read from geodata/column_names.csv so the list
// can grow without code. Names are compared by key: diacritics, case, spaces and punctuation
// ignored ("Ngày xảy ra", "NGAY_XAY_RA" and "ngày xảy ra" are one name).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace secmap::io {

// The comparison key of a column name: folded (no diacritics, lower case, đ → d), letters and
// digits only.
std::string column_key(std::string_view name);

// The keys of the names that fill `field` of `layer`, the layer's own rows first, then those of
// every layer ("*"). Pseudo-fields lon, lat, x and y name coordinate columns.
const std::vector<std::string>& column_name_keys(std::string_view layer, std::string_view field);

}  // namespace secmap::io
