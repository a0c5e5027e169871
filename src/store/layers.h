// The layers of a secmap database as import, export and rendering see them: which table, which
// geometry type, which fields a source file may fill. One table of facts so the importer, the
// exporter and the renderer never disagree about a layer.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace secmap::store {

enum class FieldType { Text, Integer, Real, Date, DateTime, Boolean };

struct FieldInfo {
  std::string name;  // column in the table
  FieldType type;
  bool required = false;  // an import without it is rejected
  std::string code_list;  // table of allowed codes, or empty
};

struct LayerInfo {
  std::string name;               // layer name on the command line
  std::string table;              // table in the database
  std::string geometry_type;      // POINT, LINESTRING, MULTILINESTRING, MULTIPOLYGON, or "" (none)
  std::vector<FieldInfo> fields;  // importable fields (not id/geom/version/updated_*)
  std::string unique_key;         // a field whose value must be unique in a file, or empty
};

// All layers; the order is the drawing order from bottom to top.
const std::vector<LayerInfo>& layers();
// The layer by name, or nullptr.
const LayerInfo* find_layer(std::string_view name);

}  // namespace secmap::store
