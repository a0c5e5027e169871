// Files from geodata/ (migrations, code lists, styles) compiled into the binary by
// cmake/EmbedFiles.cmake, so secmap runs from any directory.
#pragma once
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace secmap::geodata {

// (file name without directory, content) for every embedded geodata file; generated at build.
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();

// Source column names per layer and field (io/column_names.h); not a code list.
inline constexpr std::string_view kColumnNamesFile = "column_names.csv";

// Content of one embedded file by name (e.g. "severities.csv"), or nullopt.
std::optional<std::string_view> find_file(std::string_view name);

}  // namespace secmap::geodata
