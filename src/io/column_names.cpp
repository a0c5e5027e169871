#include "io/column_names.h"

#include <map>
#include <mutex>
#include <stdexcept>

#include "store/csv.h"
#include "store/geodata.h"
#include "text/unicode.h"

namespace secmap::io {

namespace {

using NameTable = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;

const NameTable& name_table() {
  static const NameTable table = [] {
    NameTable t;
    const auto file = geodata::find_file(geodata::kColumnNamesFile);
    if (!file) throw std::logic_error("geodata/column_names.csv is not embedded");
    const store::CsvTable csv = store::parse_csv_table(*file, geodata::kColumnNamesFile);
    const auto layer = csv.column("layer"), field = csv.column("field"),
               names = csv.column("names");
    if (!layer || !field || !names)
      throw std::logic_error("geodata/column_names.csv needs columns layer, field, names");
    for (const auto& row : csv.rows) {
      auto& keys = t[{row[*layer], row[*field]}];
      std::string_view rest = row[*names];
      while (!rest.empty()) {
        const size_t bar = rest.find('|');
        const std::string key = column_key(rest.substr(0, bar));
        if (!key.empty()) keys.push_back(key);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
    }
    return t;
  }();
  return table;
}

}  // namespace

std::string column_key(std::string_view name) {
  std::string out;
  for (char c : text::fold_for_search(name))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

const std::vector<std::string>& column_name_keys(std::string_view layer, std::string_view field) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, std::vector<std::string>> merged;
  std::lock_guard lock(mutex);
  auto [it, fresh] = merged.try_emplace({std::string(layer), std::string(field)});
  if (fresh) {
    const NameTable& t = name_table();
    if (auto own = t.find({std::string(layer), std::string(field)}); own != t.end())
      it->second = own->second;
    if (auto any = t.find({"*", std::string(field)}); any != t.end())
      it->second.insert(it->second.end(), any->second.begin(), any->second.end());
  }
  return it->second;
}

}  // namespace secmap::io
