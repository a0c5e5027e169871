// Whole-row snapshots of editable records and the primitive writes edits are made of. Every
// write here is version-checked and leaves one audit row; the caller holds the transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "edit/tables.h"
#include "geo/geometry.h"
#include "model/record.h"
#include "model/record_reader.h"
#include "store/database.h"

namespace secmap::edit {

using model::Row;

// Whole records are read by the model (model/record_reader.h).
using model::data_columns;
using model::read_row;
using model::read_rows;

// JSON of a row for the audit trail: id, version, every column, geometry as GeoJSON.
std::string row_json(const Row& row);
// GeoJSON-style {"type": …, "coordinates": …} of a point or line.
nlohmann::json geometry_json(const geo::Geometry& g);

// A record value / geometry bound to a statement parameter (NULL for null / no geometry).
void bind_json(store::Statement& st, int index, const nlohmann::json& v);
void bind_geom(store::Statement& st, int index, const std::optional<geo::Geometry>& g);

// Writes row (with its id when non-zero) as a new record at row.version; returns the id.
int64_t write_new_row(store::Database& db, const model::Table& spec, const Row& row);
// Overwrites the stored row id with row's fields and geometry at row.version, if the stored
// version is still expect_version. False when it is not (a concurrent change).
bool write_row(store::Database& db, const model::Table& spec, const Row& row,
               int64_t expect_version);
// Removes the row if its version is still expect_version.
bool erase_row(store::Database& db, const model::Table& spec, int64_t id, int64_t expect_version);

}  // namespace secmap::edit
