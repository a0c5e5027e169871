// The table registry agrees with the schema: tables, columns, geometry types and code lists.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "model/tables.h"
#include "store/code_lists.h"
#include "store/database.h"
#include "test_support.h"

using secmap::store::Database;

namespace {

std::set<std::string> columns(Database& db, const std::string& table) {
  std::set<std::string> out;
  auto st = db.prepare("SELECT name FROM pragma_table_info(?1)");
  st.bind(1, table);
  while (st.step()) out.insert(st.column_text(0));
  return out;
}

}  // namespace

TEST(Tables, MatchTheSchema) {
  Database db = Database::open(secmap::test::scratch_dir("store_layers") / "l.db",
                               Database::Mode::CreateIfMissing);
  const auto& code_tables = secmap::store::code_list_tables();
  for (const auto& layer : secmap::model::tables()) {
    SCOPED_TRACE(layer.layer);
    EXPECT_EQ(secmap::model::find_layer(layer.layer), layer.layer.empty() ? nullptr : &layer);
    EXPECT_EQ(secmap::model::find_table(layer.table), &layer);
    EXPECT_EQ(secmap::model::find_editable(layer.table), layer.editable ? &layer : nullptr);
    const auto cols = columns(db, layer.table);
    ASSERT_FALSE(cols.empty()) << "no table " << layer.table;
    for (const auto& f : layer.columns) {
      EXPECT_TRUE(cols.count(f.name)) << layer.table << "." << f.name;
      if (!f.code_list.empty()) {
        EXPECT_NE(std::find(code_tables.begin(), code_tables.end(), f.code_list), code_tables.end())
            << f.code_list;
      }
    }
    for (const auto& d : layer.derived) EXPECT_TRUE(cols.count(d)) << layer.table << "." << d;
    if (layer.soft_delete) {
      EXPECT_TRUE(cols.count("deleted"));
    }
    if (layer.editable) {
      for (const char* c : {"version", "updated_at", "updated_by"}) EXPECT_TRUE(cols.count(c)) << c;
    }
    if (!layer.unique_key.empty()) {
      EXPECT_TRUE(cols.count(layer.unique_key));
    }
    if (layer.geometry.empty()) {
      EXPECT_FALSE(cols.count("geom"));
      continue;
    }
    auto st = db.prepare(
        "SELECT geometry_type, srid, spatial_index_enabled FROM geometry_columns "
        "WHERE f_table_name = ?1 AND f_geometry_column = 'geom'");
    st.bind(1, layer.table);
    ASSERT_TRUE(st.step()) << "no geometry column";
    // SpatiaLite codes: 1 POINT, 2 LINESTRING, 5 MULTILINESTRING, 6 MULTIPOLYGON (XY).
    const std::map<std::string, int64_t> codes = {
        {"POINT", 1}, {"LINESTRING", 2}, {"MULTILINESTRING", 5}, {"MULTIPOLYGON", 6}};
    EXPECT_EQ(st.column_int(0), codes.at(layer.geometry));
    EXPECT_EQ(st.column_int(1), 4326);
    EXPECT_EQ(st.column_int(2), 1) << "no spatial index";
  }
  EXPECT_EQ(secmap::model::find_layer("nope"), nullptr);
}

TEST(Tables, UserTablesAreExactlyTheSchemaTables) {
  Database db = Database::open(secmap::test::scratch_dir("store_user_tables") / "u.db",
                               Database::Mode::CreateIfMissing);
  std::set<std::string> expected = {
      "meta",       "communes",  "border_line",    "border_segments", "crossings",
      "facilities", "incidents", "commune_status", "designations",    "cooperation_events",
      "patrols",    "campaigns", "slides",         "audit_log"};
  for (const auto& t : secmap::store::code_list_tables()) expected.insert(t);
  const auto got = db.user_tables();
  EXPECT_EQ(std::set<std::string>(got.begin(), got.end()), expected);
}
