// One audit format whoever writes: an import (the binary), a command-line edit (the binary), a
// window edit (EditSession, as the form saves) and a slide saved from the window all leave audit
// rows whose before/after are the stored record with the same keys — every data column of the
// table, id, version, updated_by, and the geometry as GeoJSON for a spatial table.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "demo/demo_builder.h"
#include "edit/rows.h"
#include "model/tables.h"
#include "test_support.h"
#include "ui/app_state.h"
#include "ui/edit_session.h"
#include "ui/slide_show.h"

namespace secmap::ui {
namespace {

std::string q(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

// The keys every record JSON of a table has.
std::set<std::string> record_keys(store::Database& db, const std::string& table) {
  std::set<std::string> keys = {"id", "version", "updated_by"};
  for (const std::string& c : edit::data_columns(db, table)) keys.insert(c);
  if (!model::find_table(table)->geometry.empty()) keys.insert("geom");
  return keys;
}

std::set<std::string> keys_of(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& [k, v] : j.items()) out.insert(k);
  return out;
}

TEST(AuditFormat, ImportCliEditWindowEditAndSlidesWriteOneFormat) {
  const auto dir = test::scratch_dir("ui-audit-format");
  const auto db_path = dir / "one.sqlite";
  demo::DemoOptions o;
  o.synthetic = true;
  o.incidents = 200;
  demo::build_demo(db_path, o);
  const std::string bin = test::secmap_binary().string();
  setenv("SECMAP_ANALYST", "analyst-format", 1);

  // A point inside the province, for the imported incident.
  double lon = 0, lat = 0;
  int64_t last_audit = 0;
  {
    auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
    auto st = db.prepare(
        "SELECT X(p), Y(p) FROM (SELECT PointOnSurface(geom) AS p FROM communes "
        "WHERE valid_to IS NULL ORDER BY area_km2 DESC LIMIT 1)");
    ASSERT_TRUE(st.step());
    lon = st.column_double(0), lat = st.column_double(1);
    last_audit = db.query_int("SELECT max(id) FROM audit_log").value_or(0);
  }
  std::ofstream(dir / "one.csv") << "case_number,lon,lat,category,occurred_at,status\n"
                                 << "FMT-1," << lon << "," << lat
                                 << ",DR-01,2025-03-04T21:30,received\n";
  auto imp = test::run_command(bin + " import " + q(db_path) + " incidents " + q(dir / "one.csv"));
  ASSERT_EQ(imp.exit_code, 0) << imp.output;
  int64_t id = 0;
  {
    auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
    id = db.query_int("SELECT id FROM incidents WHERE case_number = 'FMT-1'").value_or(0);
  }
  ASSERT_GT(id, 0);
  auto edit = test::run_command(bin + " edit " + q(db_path) + " incidents " + std::to_string(id) +
                                " --set status=investigated --set severity=nghiem_trong "
                                "--expect-version 1");
  ASSERT_EQ(edit.exit_code, 0) << edit.output;

  AppState state;
  ASSERT_TRUE(state.open_database(db_path));
  state.set_viewport(900, 700);
  EditSession* ed = state.editing();
  ASSERT_NE(ed, nullptr);
  ASSERT_TRUE(ed->open_incident(id));
  ASSERT_TRUE(ed->set_field("description", "Sửa trong cửa sổ"));
  ASSERT_TRUE(ed->save(state)) << ed->message();
  SlideShow show;
  ASSERT_TRUE(show.save_view(state, {"Định dạng nhật ký", "", ""}, false));
  unsetenv("SECMAP_ANALYST");

  store::Database& db = *state.database();
  auto st = db.prepare(
      "SELECT action, table_name, before_json, after_json, who FROM audit_log WHERE id > ?1 "
      "ORDER BY id");
  st.bind(1, last_audit);
  std::vector<std::string> actions;
  while (st.step()) {
    const std::string action = st.column_text(0), table = st.column_text(1);
    SCOPED_TRACE(action + " " + table);
    actions.push_back(action + " " + table);
    EXPECT_EQ(st.column_text(4), "analyst-format");
    const std::set<std::string> want = record_keys(db, table);
    for (int col : {2, 3}) {
      if (st.is_null(col)) continue;
      const nlohmann::json j = nlohmann::json::parse(st.column_text(col));
      EXPECT_EQ(keys_of(j), want) << st.column_text(col);
      EXPECT_EQ(j["updated_by"], "analyst-format");
      if (j.contains("geom")) {
        EXPECT_EQ(j["geom"]["type"], "Point");
        EXPECT_EQ(j["geom"]["coordinates"].size(), 2u);
      }
    }
  }
  // The import, the command-line edit, the window's save and the slide, in that order.
  EXPECT_EQ(actions, (std::vector<std::string>{"import incidents", "update incidents",
                                               "update incidents", "insert slides"}));
}

}  // namespace
}  // namespace secmap::ui
