// The model's small lookups (ids by a key, a record by id, key values of some rows) and the
// demo's commune records: what validation, the status form and the demo read instead of SQL.
#include <gtest/gtest.h>

#include "model/communes.h"
#include "model/record_reader.h"
#include "store/code_lists.h"
#include "store/database.h"
#include "test_support.h"

using secmap::store::Database;
namespace model = secmap::model;

namespace {

Database fresh(const std::string& name) {
  const auto path = secmap::test::scratch_dir(name) / "m.sqlite";
  std::filesystem::remove(path);
  return Database::open(path, Database::Mode::CreateIfMissing);
}

void add_commune(Database& db, const std::string& code, const std::string& name,
                 const char* full_name, double x0) {
  auto st = db.prepare(
      "INSERT INTO communes (code, name, full_name, kind, province_name, valid_from, geom) "
      "VALUES (?1, ?2, ?3, 'xa', 'Lào Cai', '2025-07-01', CastToMultiPolygon(GeomFromText(?4, "
      "4326)))");
  const std::string wkt = "POLYGON((" + std::to_string(x0) + " 22, " + std::to_string(x0 + 0.1) +
                          " 22, " + std::to_string(x0 + 0.1) + " 22.1, " + std::to_string(x0) +
                          " 22.1, " + std::to_string(x0) + " 22))";
  st.bind(1, code).bind(2, name);
  if (full_name)
    st.bind(3, full_name);
  else
    st.bind_null(3);
  st.bind(4, wkt).run();
}

}  // namespace

TEST(ModelLookups, IdsWhereAndRecordExists) {
  Database db = fresh("model_lookups_ids");
  db.exec(
      "INSERT INTO campaigns (code, name, date_from, date_to) VALUES "
      "('tet25', 'Tết 2025', '2024-12-15', '2025-02-14'), "
      "('he25', 'Hè 2025', '2025-06-01', '2025-08-31'), "
      "('tet25b', 'Tết 2025 (b)', '2024-12-15', '2025-02-14')");
  const auto tet = model::ids_where(db, "campaigns", {"code", "tet25"});
  ASSERT_EQ(tet.size(), 1u);
  EXPECT_TRUE(model::record_exists(db, "campaigns", tet[0]));
  EXPECT_FALSE(model::record_exists(db, "campaigns", tet[0] + 100));
  EXPECT_TRUE(model::ids_where(db, "campaigns", {"code", "tet"}).empty());  // exact, not a prefix
  // A quote in the value is a value, not SQL.
  EXPECT_TRUE(model::ids_where(db, "campaigns", {"code", "x' OR '1'='1"}).empty());
  EXPECT_EQ(db.count_rows("campaigns"), 3);
}

TEST(ModelLookups, KeyValuesOfSomeRowsInIdOrder) {
  Database db = fresh("model_lookups_keys");
  db.exec(
      "INSERT INTO commune_status (commune_code, period_from, drug_free) VALUES "
      "('A', '2025-01-01', NULL), ('B', '2024-01-01', NULL), ('A', '2024-01-01', NULL)");
  const auto a = model::load_key_values(db, "commune_status", {"period_from", "drug_free"},
                                        model::KeyMatch{"commune_code", "A"});
  ASSERT_EQ(a.size(), 2u);
  EXPECT_LT(a[0].id, a[1].id);
  EXPECT_EQ(a[0].values[0], "2025-01-01");
  EXPECT_EQ(a[1].values[0], "2024-01-01");
  EXPECT_FALSE(a[0].values[1].has_value());  // NULL stays absent
  EXPECT_EQ(model::load_key_values(db, "commune_status", {"period_from"}).size(), 3u);
}

TEST(ModelLookups, CommuneRecordsInIdOrderWithDetailsAndPolygons) {
  Database db = fresh("model_lookups_communes");
  add_commune(db, "02", "Bản Vược", "Xã Bản Vược", 103.9);
  add_commune(db, "01", "Y Tý", nullptr, 103.6);
  const auto r = model::load_commune_records(db);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_LT(r[0].id, r[1].id);
  EXPECT_EQ(r[0].details.code, "02");  // id order, not code order
  EXPECT_EQ(r[0].details.full_name, "Xã Bản Vược");
  EXPECT_EQ(r[1].details.full_name, "");  // NULL: the caller decides what to show
  EXPECT_EQ(r[1].details.province_name, "Lào Cai");
  EXPECT_EQ(r[1].details.kind, "xa");
  ASSERT_EQ(r[1].geom.polygons.size(), 1u);
  EXPECT_NEAR(r[1].geom.bbox().min_x, 103.6, 1e-12);
  // The same attributes as the single-commune reader.
  const auto one = model::load_commune_details(db, "02");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->full_name, r[0].details.full_name);
  EXPECT_EQ(one->valid_from, r[0].details.valid_from);
}

TEST(ModelLookups, CodeListsSayWhichCaseStatusesAreCleared) {
  Database db = fresh("model_lookups_codes");
  const auto codes = secmap::store::CodeLists::load(db);
  int cleared = 0, open = 0;
  for (const auto& c : codes.list("case_statuses")) (c.cleared ? cleared : open)++;
  auto st = db.prepare("SELECT count(*) FILTER (WHERE cleared), count(*) FROM case_statuses");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(cleared, st.column_int(0));
  EXPECT_EQ(cleared + open, st.column_int(1));
  EXPECT_GT(cleared, 0);
  EXPECT_GT(open, 0);
}
