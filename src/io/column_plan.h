// Which source column fills what, for one layer: the fields (bind_fields), the coordinates, and
// for incidents the commune and province of rows without coordinates; and the columns nothing
// takes, which are kept with each row as extra. The importer and the window's import preview
// both ask this, so the preview shows exactly what an import will do.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/field_mapping.h"
#include "model/tables.h"

namespace secmap::io {

struct ColumnPlan {
  std::vector<FieldBinding> bindings;  // one per import field of the layer
  int commune_column = -1;             // incidents: the commune of rows without coordinates
  int province_column = -1;            // and the province of that commune
  std::vector<std::pair<std::string, std::string>> mapping;  // source column → field
  std::vector<std::string> unused_columns;                   // kept as extra
  std::vector<std::string> missing_required;                 // required fields no column fills
};

// `user_map` is field → source column (--map); an empty column means the field takes none, so
// a column it would have matched by name is kept as extra instead. Throws ImportError for a
// --map naming an unknown field or column, and for a missing required field unless
// `list_missing` (then it is only listed, for a preview).
// `columns` are the source's column names, `coordinate_columns` those its points come from
// (GdalSource::field_names and coordinate_columns).
ColumnPlan plan_columns(const model::Table& layer, const std::vector<std::string>& columns,
                        const std::vector<std::string>& coordinate_columns,
                        const std::map<std::string, std::string>& user_map,
                        const std::string& where, bool list_missing = false);

// The fields a source column can be given to in `layer`: its import fields, then (incidents)
// the pseudo-fields "commune" and "province".
std::vector<std::string> mappable_fields(const model::Table& layer);

}  // namespace secmap::io
