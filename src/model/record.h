// A record as the database stores it, and what one write did to one record. The writer returns
// change records; the loaded model applies them in place (the window re-draws only what they
// touch), and a replica's sync will ship them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "geo/geometry.h"

namespace secmap::model {

// Column values of one record: a JSON object of column -> null | integer | real | string.
using Fields = nlohmann::json;

struct Row {
  std::string table;
  int64_t id = 0;
  int64_t version = 0;
  Fields fields = Fields::object();  // every column but id, geom and the bookkeeping ones
  std::optional<geo::Geometry> geom;
  std::string updated_at, updated_by;
};

// One row changed by one write. before/after nullopt: the row did not exist (before an insert,
// after an erase). A soft-deleted row exists, with deleted = 1.
struct ChangeRecord {
  std::string action;  // insert | update | delete | import
  std::string table;
  int64_t id = 0;
  std::optional<Row> before, after;
  int64_t version() const { return after ? after->version : 0; }
};

}  // namespace secmap::model
