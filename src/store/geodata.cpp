#include "store/geodata.h"

namespace secmap::geodata {

std::optional<std::string_view> find_file(std::string_view name) {
  for (const auto& [file, content] : embedded_files())
    if (file == name) return content;
  return std::nullopt;
}

}  // namespace secmap::geodata
