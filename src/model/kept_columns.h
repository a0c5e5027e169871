// The source columns no field took, kept with a row when it was imported ("Ghi chú", "Địa chỉ",
// "STT" … as {column: value} in the row's `extra` column), for Identify and exports.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/database.h"

namespace secmap::model {

// (column, value) in the source's order; empty when the row has none or the table keeps none.
std::vector<std::pair<std::string, std::string>> read_kept_columns(store::Database& db,
                                                                   std::string_view table,
                                                                   int64_t id);

}  // namespace secmap::model
