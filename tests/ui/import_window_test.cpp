// File › Import data in the real window: a spreadsheet laid out as an office keeps it is read,
// one column's field is changed in the mapping, the check lists failing rows and writes
// nothing, and the import after a passed check lands the rows with the changed mapping and
// shows them on the map.
#include <gtest/gtest.h>

#include <string>

#include "io/spreadsheet_writer.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

using io::testing::ExcelDate;
using io::testing::Sheet;

std::string t(const char* s) {
  return s;
}

class ImportWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-import-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_, 300);
    auto db = store::Database::open(db_);
    auto st = db.prepare(
        "SELECT X(p), Y(p) FROM (SELECT PointOnSurface(geom) AS p FROM communes "
        "WHERE valid_to IS NULL ORDER BY area_km2 DESC LIMIT 1)");
    ASSERT_TRUE(st.step());
    lon_ = st.column_double(0), lat_ = st.column_double(1);
  }
  // A title above the header; "Kết quả xác minh" (what was found) is a column no field takes
  // by name.
  Sheet office_list(bool bad_date) const {
    return {
        {t("DANH SÁCH VỤ VIỆC THÁNG 1 NĂM 2025")},
        {},
        {t("STT"), t("Số hồ sơ"), t("Ngày xảy ra"), t("Loại vụ việc"), t("Mức độ"), t("Kinh độ"),
         t("Vĩ độ"), t("Kết quả xác minh")},
        {1.0, t("NK-01"), ExcelDate{45660}, t("Trộm cắp tài sản"), t("Ít nghiêm trọng"), lon_, lat_,
         t("mất xe máy ở chợ")},
        {2.0, t("NK-02"), t(bad_date ? "31/02/2025" : "13/01/2025 14:30"), t("Đánh bạc"),
         t("nghiem trong"), lon_, lat_, t("đánh bạc tại nhà dân")},
        {3.0, t("NK-03"), t("20/01/2025"), t("SO-06"), std::monostate{}, lon_, lat_, t("ban đêm")}};
  }
  int64_t count(const std::string& sql) {
    auto db = store::Database::open(db_);
    return *db.query_int(sql);
  }
  std::string path(const std::string& name) { return (dir_ / name).string(); }

  std::filesystem::path dir_, db_;
  double lon_ = 0, lat_ = 0;
};

TEST_F(ImportWindowTest, ASpreadsheetThroughTheDialogWithOneMappingChanged) {
  io::testing::write_xlsx(dir_ / "bad.xlsx", {{"Tháng 1", office_list(true)}});
  io::testing::write_xlsx(dir_ / "list.xlsx", {{"Tháng 1", office_list(false)}});
  const int64_t before = count("SELECT count(*) FROM incidents");
  const std::string script =
      "set-time all all\nwait 1\ndump-state " + path("a.json") +
      // A file with a date that does not exist: the check lists the row, Import stays off.
      "\nimport-open " + path("bad.xlsx") + "\nimport-check\nimport-wait\nwait 1\ndump-state " +
      path("bad.json") +
      // The good file: "Kết quả xác minh" becomes the description, then a check and the import.
      "\nimport-open " + path("list.xlsx") + "\nwait 1\ndump-state " + path("read.json") +
      "\nimport-map description Kết quả xác minh\nwait 1\nscreenshot " + path("dialog.png") +
      "\ndump-state " + path("mapped.json") + "\nimport-check\nimport-wait\nwait 1\ndump-state " +
      path("checked.json") + "\nimport-confirm\nimport-wait\nwait 2\ndump-state " +
      path("imported.json") + "\nimport-close\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  ASSERT_EQ(r.exit_code, 0) << r.output;

  const auto bad = read_json(dir_ / "bad.json")["import"];
  EXPECT_TRUE(bad["open"].get<bool>());
  EXPECT_FALSE(bad["outcome"]["ok"].get<bool>());
  ASSERT_EQ(bad["outcome"]["problems"].size(), 1u) << bad.dump(1);
  const std::string problem = bad["outcome"]["problems"][0];
  EXPECT_NE(problem.find("31/02/2025"), std::string::npos) << problem;
  EXPECT_NE(problem.find("row 2 (line 5)"), std::string::npos) << problem;  // the sheet's line
  EXPECT_FALSE(bad["can_import"].get<bool>());

  // Read: the proposed mapping, with "Kết quả xác minh" kept as extra.
  auto field_of = [](const nlohmann::json& import, const std::string& column) {
    for (const auto& c : import["preview"]["columns"])
      if (c["name"] == column) return c["field"].get<std::string>();
    return std::string("(no such column)");
  };
  const auto read = read_json(dir_ / "read.json")["import"];
  EXPECT_EQ(read["preview"]["rows"].get<int>(), 3);
  EXPECT_EQ(field_of(read, "Số hồ sơ"), "case_number");
  EXPECT_EQ(field_of(read, "Ngày xảy ra"), "occurred_at");
  EXPECT_EQ(field_of(read, "Kinh độ"), "location");
  EXPECT_EQ(field_of(read, "Kết quả xác minh"), "");
  EXPECT_EQ(field_of(read, "STT"), "");
  const auto mapped = read_json(dir_ / "mapped.json")["import"];
  EXPECT_EQ(field_of(mapped, "Kết quả xác minh"), "description");
  EXPECT_EQ(field_of(mapped, "Số hồ sơ"), "case_number");

  // The check wrote nothing and allowed the import.
  const auto checked = read_json(dir_ / "checked.json")["import"];
  EXPECT_TRUE(checked["outcome"]["ok"].get<bool>()) << checked.dump(1);
  EXPECT_TRUE(checked["outcome"]["dry_run"].get<bool>());
  EXPECT_EQ(checked["outcome"]["checked"].get<int>(), 3);
  EXPECT_EQ(checked["outcome"]["unused_columns"], nlohmann::json::array({"STT"}));

  // Imported with the changed mapping; the map shows the three new incidents.
  const auto imported = read_json(dir_ / "imported.json");
  EXPECT_TRUE(imported["import"]["outcome"]["ok"].get<bool>()) << imported["import"].dump(1);
  EXPECT_EQ(imported["import"]["outcome"]["imported"].get<int>(), 3);
  EXPECT_EQ(count("SELECT count(*) FROM incidents"), before + 3);
  EXPECT_EQ(count("SELECT count(*) FROM incidents WHERE case_number = 'NK-01' AND "
                  "description = 'mất xe máy ở chợ' AND extra = '{\"STT\":\"1\"}'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM incidents WHERE case_number = 'NK-02' AND "
                  "occurred_at = '2025-01-13T14:30:00' AND category = 'SE-01'"),
            1);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'import' AND "
                  "table_name = 'incidents'"),
            3);
  const auto a = read_json(dir_ / "a.json");
  EXPECT_EQ(imported["total_incidents"].get<int64_t>(), a["total_incidents"].get<int64_t>() + 3);
  EXPECT_EQ(imported["visible_incidents"].get<int64_t>(),
            a["visible_incidents"].get<int64_t>() + 3);
}

// Nothing is written until Import: a check alone, then the dialog closed, leaves the database
// as it was; an Import without a passed check of the same choices is refused.
TEST_F(ImportWindowTest, NothingIsWrittenWithoutAPassedCheckAndAConfirm) {
  io::testing::write_xlsx(dir_ / "list.xlsx", {{"Tháng 1", office_list(false)}});
  const int64_t before = count("SELECT count(*) FROM incidents");
  const int64_t audit = count("SELECT count(*) FROM audit_log");
  const std::string script =
      "import-open " + path("list.xlsx") +
      "\nimport-confirm\nimport-check\nimport-wait\n"
      "import-map description Kết quả xác minh\nimport-confirm\ndump-state " +
      path("s.json") + "\nimport-close\nquit\n";
  const auto r = run_window(dir_, quoted(db_), script, "--no-restore");
  // Both Imports are refused: before any check, and after a change made since the check.
  EXPECT_EQ(r.exit_code, 3) << r.output;
  EXPECT_NE(r.output.find("import-confirm: Import needs a passed check"), std::string::npos)
      << r.output;
  EXPECT_EQ(count("SELECT count(*) FROM incidents"), before);
  EXPECT_EQ(count("SELECT count(*) FROM audit_log"), audit);
  EXPECT_FALSE(read_json(dir_ / "s.json")["import"]["can_import"].get<bool>());
}

}  // namespace
}  // namespace secmap::test
