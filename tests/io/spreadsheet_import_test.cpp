// Incident lists as offices keep them: a spreadsheet with a title above the header, Vietnamese
// column names, dates written dd/mm/yyyy or stored as Excel date cells, categories and
// severities in words, a row number column and a notes column no field takes, an empty row and
// a signature line below. Every value lands where it belongs and every column is accounted for.
#include <gtest/gtest.h>

#include "edit/editor.h"
#include "io/import_preview.h"
#include "io_test_util.h"
#include "model/communes.h"
#include "model/incidents.h"
#include "model/kept_columns.h"
#include "spreadsheet_writer.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

std::string t(const char* s) {
  return s;
}

// 2025-01-03 is Excel day 45660; .5 is noon.
Sheet office_list() {
  return {
      {t("DANH SÁCH VỤ VIỆC THÁNG 1 NĂM 2025")},
      {t("Đơn vị: Công an xã Một")},
      {},
      {t("STT"), t("Số hồ sơ"), t("Ngày xảy ra"), t("Loại vụ việc"), t("Mức độ"), t("Kinh độ"),
       t("Vĩ độ"), t("Ghi chú")},
      {1.0, t("HS-01"), ExcelDate{45660}, t("Trộm cắp tài sản"), t("Ít nghiêm trọng"), 104.05,
       22.05, t("đã trả lại tài sản")},
      {2.0, t("HS-02"), t("13/01/2025 14:30"), t("Đánh bạc"), t("nghiem trong"), 104.15, 22.05,
       std::monostate{}},
      {},
      {3.0, t("HS-03"), ExcelDate{45671.75}, t("SO-06"), std::monostate{}, 104.25, 22.05,
       t("ban đêm")},
      {},
      {t("Người lập biểu")},
  };
}

class SpreadsheetImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_.emplace(seeded_db(dir_));
  }
  ImportReport import(const fs::path& file, ImportOptions o = {}) {
    o.layer = "incidents";
    o.file = file;
    o.today = "2026-01-01";
    return import_file(*db_, o);
  }
  std::optional<std::string> text(const std::string& sql) { return db_->query_text(sql); }
  void expect_office_list_imported(const ImportReport& r) {
    EXPECT_EQ(r.imported, 3u);
    EXPECT_EQ(text("SELECT occurred_at FROM incidents WHERE case_number = 'HS-01'"), "2025-01-03");
    EXPECT_EQ(text("SELECT occurred_at FROM incidents WHERE case_number = 'HS-02'"),
              "2025-01-13T14:30:00");
    EXPECT_EQ(text("SELECT occurred_at FROM incidents WHERE case_number = 'HS-03'"),
              "2025-01-14T18:00:00");
    EXPECT_EQ(text("SELECT category FROM incidents WHERE case_number = 'HS-01'"), "SO-06");
    EXPECT_EQ(text("SELECT category FROM incidents WHERE case_number = 'HS-02'"), "SE-01");
    EXPECT_EQ(text("SELECT severity FROM incidents WHERE case_number = 'HS-01'"),
              "it_nghiem_trong");
    EXPECT_EQ(text("SELECT severity FROM incidents WHERE case_number = 'HS-02'"), "nghiem_trong");
    EXPECT_EQ(text("SELECT commune_code FROM incidents WHERE case_number = 'HS-03'"), "00003");
    EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 3);
    // Every column is accounted for: mapped, coordinates, or named as taken by no field.
    auto mapped = [&](const std::string& column, const std::string& field) {
      return std::find(r.mapping.begin(), r.mapping.end(), std::pair(column, field)) !=
             r.mapping.end();
    };
    EXPECT_TRUE(mapped("Số hồ sơ", "case_number"));
    EXPECT_TRUE(mapped("Ngày xảy ra", "occurred_at"));
    EXPECT_TRUE(mapped("Loại vụ việc", "category"));
    EXPECT_TRUE(mapped("Mức độ", "severity"));
    EXPECT_TRUE(mapped("Kinh độ", "location"));
    EXPECT_TRUE(mapped("Vĩ độ", "location"));
    EXPECT_EQ(r.unused_columns, (std::vector<std::string>{"STT", "Ghi chú"}));
    // … and kept with each row, in the source's order, for Identify and exports.
    EXPECT_EQ(text("SELECT extra FROM incidents WHERE case_number = 'HS-01'"),
              R"({"STT":"1","Ghi chú":"đã trả lại tài sản"})");
    EXPECT_EQ(text("SELECT extra FROM incidents WHERE case_number = 'HS-02'"), R"({"STT":"2"})");
    const auto id = db_->query_int("SELECT id FROM incidents WHERE case_number = 'HS-03'");
    EXPECT_EQ(
        model::read_kept_columns(*db_, "incidents", *id),
        (std::vector<std::pair<std::string, std::string>>{{"STT", "3"}, {"Ghi chú", "ban đêm"}}));
    // The lines around the table are named, not dropped without a word.
    std::string notes;
    for (const auto& n : r.notes) notes += n + "\n";
    EXPECT_NE(notes.find("header on line 4"), std::string::npos) << notes;
    EXPECT_NE(notes.find("DANH SÁCH VỤ VIỆC THÁNG 1 NĂM 2025"), std::string::npos) << notes;
    EXPECT_NE(notes.find("Người lập biểu"), std::string::npos) << notes;
    EXPECT_NE(notes.find("1 empty line(s)"), std::string::npos) << notes;
  }
  fs::path dir_;
  std::optional<store::Database> db_;
};

TEST_F(SpreadsheetImport, AnOfficeListInXlsx) {
  const fs::path f = dir_ / "vu_viec.xlsx";
  write_xlsx(f, {{"Tháng 1", office_list()}});
  expect_office_list_imported(import(f));
}

TEST_F(SpreadsheetImport, TheSameListInOds) {
  const fs::path f = dir_ / "vu_viec.ods";
  write_ods(f, {{"Tháng 1", office_list()}});
  expect_office_list_imported(import(f));
}

TEST_F(SpreadsheetImport, ErrorsNameTheSheetLine) {
  Sheet rows = office_list();
  rows[5][2] = t("31/02/2025");
  const fs::path f = dir_ / "bad.xlsx";
  write_xlsx(f, {{"Tháng 1", rows}});
  try {
    import(f);
    ADD_FAILURE() << "imported";
  } catch (const ImportError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("row 2 (line 6)"), std::string::npos) << m;
    EXPECT_NE(m.find("'31/02/2025' is not a date"), std::string::npos) << m;
    EXPECT_NE(m.find("column 'Ngày xảy ra'"), std::string::npos) << m;
  }
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 0);
}

TEST_F(SpreadsheetImport, AnAmbiguousDateColumnAsksForTheOrder) {
  Sheet rows = {{t("Số hồ sơ"), t("Ngày"), t("Loại"), t("lon"), t("lat")},
                {t("A1"), t("03/01/2025"), t("SO-06"), 104.05, 22.05},
                {t("A2"), t("04/02/2025"), t("SO-06"), 104.05, 22.05}};
  const fs::path f = dir_ / "ambiguous.xlsx";
  write_xlsx(f, {{"Sheet1", rows}});
  try {
    import(f);
    ADD_FAILURE() << "an ambiguous date column was imported";
  } catch (const ImportError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("column 'Ngày'"), std::string::npos) << m;
    EXPECT_NE(m.find("'03/01/2025'"), std::string::npos) << m;
    EXPECT_NE(m.find("--date-format dd/mm/yyyy"), std::string::npos) << m;
  }
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 0);
  ImportOptions o;
  o.day_order = DayOrder::DayFirst;
  EXPECT_EQ(import(f, o).imported, 2u);
  EXPECT_EQ(text("SELECT occurred_at FROM incidents WHERE case_number = 'A2'"), "2025-02-04");
}

TEST_F(SpreadsheetImport, OneColumnOneDayOrder) {
  Sheet rows = {{t("Số hồ sơ"), t("Ngày"), t("Loại"), t("lon"), t("lat")},
                {t("A1"), t("13/01/2025"), t("SO-06"), 104.05, 22.05},
                {t("A2"), t("01/13/2025"), t("SO-06"), 104.05, 22.05}};
  const fs::path f = dir_ / "mixed.xlsx";
  write_xlsx(f, {{"Sheet1", rows}});
  try {
    import(f);
    ADD_FAILURE() << "a column with both orders was imported";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("mixes day/month dates ('13/01/2025') and month/day"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(SpreadsheetImport, CodesWrittenAsNumbersAreMappedWhenAsked) {
  Sheet rows = {{t("Số hồ sơ"), t("Ngày xảy ra"), t("Loại"), t("Mức độ"), t("lon"), t("lat")},
                {t("B1"), t("2025-03-01"), t("SO-06"), 1.0, 104.05, 22.05},
                {t("B2"), t("2025-03-02"), t("SO-06"), 2.0, 104.05, 22.05}};
  const fs::path f = dir_ / "numbers.xlsx";
  write_xlsx(f, {{"Sheet1", rows}});
  EXPECT_THROW(import(f), ImportError);  // "1" is no severity
  ImportOptions o;
  o.value_map["severity"] = {{"1", "it_nghiem_trong"}, {"2", "nghiem_trong"}};
  EXPECT_EQ(import(f, o).imported, 2u);
  EXPECT_EQ(text("SELECT severity FROM incidents WHERE case_number = 'B2'"), "nghiem_trong");
  o.value_map["severity"] = {{"1", "no_such_code"}};
  try {
    import(f, o);
    ADD_FAILURE() << "a value mapped to no code was accepted";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("'no_such_code' is not in the code list severities"),
              std::string::npos)
        << e.what();
  }
}

TEST_F(SpreadsheetImport, SeveralSheetsWithDataNeedAChoice) {
  const fs::path f = dir_ / "two.xlsx";
  write_xlsx(f, {{"Tháng 1", office_list()}, {"Tháng 2", office_list()}, {"Trống", {}}});
  try {
    import(f);
    ADD_FAILURE() << "a sheet was chosen silently";
  } catch (const ImportError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("Tháng 1"), std::string::npos) << m;
    EXPECT_NE(m.find("Tháng 2"), std::string::npos) << m;
    EXPECT_NE(m.find("--layer"), std::string::npos) << m;
  }
  ImportOptions o;
  o.source_layer = "Tháng 2";
  EXPECT_EQ(import(f, o).imported, 3u);
}

TEST_F(SpreadsheetImport, CsvWithVietnameseHeadersAndDates) {
  const fs::path f = dir_ / "vn.csv";
  write_file(f,
             "Số vụ,NGÀY XẢY RA,Tội danh,KINH ĐỘ,VĨ ĐỘ,Địa chỉ\n"
             "C1,03/01/2025 21 giờ 15,trộm cắp tài sản,\"104,05\",22.05,thôn Một\n"
             "C2,25/01/2025,SO-06,104.15,22.05,thôn Hai\n");
  const ImportReport r = import(f);
  EXPECT_EQ(r.imported, 2u);
  EXPECT_EQ(text("SELECT occurred_at FROM incidents WHERE case_number = 'C1'"),
            "2025-01-03T21:15:00");
  EXPECT_EQ(text("SELECT commune_code FROM incidents WHERE case_number = 'C1'"), "00001");
  EXPECT_EQ(r.unused_columns, (std::vector<std::string>{"Địa chỉ"}));
  EXPECT_EQ(text("SELECT extra FROM incidents WHERE case_number = 'C2'"),
            R"({"Địa chỉ":"thôn Hai"})");
  // An export carries the kept columns back out.
  const fs::path out = dir_ / "back.csv";
  ExportOptions eo;
  eo.include_sensitive = true;
  export_layer(*db_, "incidents", out, eo);
  EXPECT_NE(test::file_text(out).find("thôn Hai"), std::string::npos) << test::file_text(out);
}

// The preview the window's dialog shows: the sheets, the first rows as written, and the same
// column plan the import then uses; a field mapped to no column lets its column be kept.
TEST_F(SpreadsheetImport, ThePreviewShowsWhatTheImportWillDo) {
  const fs::path f = dir_ / "two.xlsx";
  write_xlsx(f, {{"Tháng 1", office_list()}, {"Tháng 2", office_list()}, {"Trống", {}}});
  ImportOptions o;
  o.layer = "incidents";
  o.file = f;
  ImportPreview p = preview_import(o, 2);
  ASSERT_EQ(p.sheets.size(), 2u);  // GDAL lists no layer for the empty sheet
  EXPECT_EQ(p.sheets[0].name, "Tháng 1");
  EXPECT_EQ(p.sheets[1].name, "Tháng 2");
  EXPECT_GE(p.sheets[0].features, 7);  // lines of the sheet, title and signature included
  EXPECT_EQ(p.sheet, "Tháng 1");       // the first with data, until one is chosen
  ASSERT_EQ(p.columns.size(), 8u);
  EXPECT_EQ(p.columns[1], "Số hồ sơ");
  EXPECT_EQ(p.column_fields, (std::vector<std::string>{"", "case_number", "occurred_at", "category",
                                                       "severity", "location", "location", ""}));
  ASSERT_EQ(p.rows.size(), 2u);  // as asked
  EXPECT_EQ(p.rows[1][1], "HS-02");
  EXPECT_EQ(p.rows[1][2], "13/01/2025 14:30");  // as written: converted only on import
  EXPECT_TRUE(p.missing_required.empty());
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 0);

  // "Ghi chú" becomes the description; the category column is let go (the field is required,
  // so the preview lists it and the import refuses, naming it).
  o.source_layer = "Tháng 2";
  o.map = {{"description", "Ghi chú"}, {"category", ""}};
  p = preview_import(o);
  EXPECT_EQ(p.sheet, "Tháng 2");
  EXPECT_EQ(p.column_fields[7], "description");
  EXPECT_EQ(p.column_fields[3], "");
  EXPECT_EQ(p.missing_required, (std::vector<std::string>{"category"}));
  try {
    import(f, o);
    ADD_FAILURE() << "imported without a category";
  } catch (const ImportError& e) {
    EXPECT_NE(std::string(e.what()).find("required field 'category'"), std::string::npos)
        << e.what();
  }
  // With the category back, the import follows the preview: the notes are descriptions now,
  // and the row number column alone is kept as extra.
  o.map.erase("category");
  const ImportReport r = import(f, o);
  EXPECT_EQ(r.imported, 3u);
  EXPECT_EQ(r.unused_columns, (std::vector<std::string>{"STT"}));
  EXPECT_EQ(text("SELECT description FROM incidents WHERE case_number = 'HS-01'"),
            "đã trả lại tài sản");
  EXPECT_EQ(text("SELECT extra FROM incidents WHERE case_number = 'HS-01'"), R"({"STT":"1"})");
}

// --map FIELD= : the field takes no column, so the column its name would match is kept.
TEST_F(SpreadsheetImport, AFieldMappedToNoColumnKeepsThatColumnAsExtra) {
  const fs::path f = dir_ / "list.csv";
  write_file(f,
             "case_number,occurred_at,category,lon,lat,description\n"
             "M1,2025-01-03,SO-06,104.05,22.05,ghi tay\n");
  ImportOptions o;
  o.map = {{"description", ""}};
  const ImportReport r = import(f, o);
  EXPECT_EQ(r.unused_columns, (std::vector<std::string>{"description"}));
  EXPECT_EQ(text("SELECT coalesce(description, 'NULL') FROM incidents"), "NULL");
  EXPECT_EQ(text("SELECT extra FROM incidents"), R"({"description":"ghi tay"})");
}

// Rows with a commune and no coordinates: located by the commune only, counted in it, no point.
TEST_F(SpreadsheetImport, RowsThatNameOnlyTheirCommune) {
  // A commune of another province with the same name, and one that took in a merged commune.
  const fs::path more = dir_ / "more_communes.geojson";
  write_file(
      more,
      feature_collection(
          {R"({"type":"Feature","properties":{"code":"00004","name":"Một","full_name":"Xã Một","province_name":"Tỉnh Khác"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[105,22],[105.1,22],[105.1,22.1],[105,22]]]}})",
           R"({"type":"Feature","properties":{"code":"00005","name":"Năm","full_name":"Xã Năm","province_name":"Lào Cai","before_merger":"Xã Bản Cũ, Xã Năm"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104.3,22],[104.4,22],[104.4,22.1],[104.3,22]]]}})"}));
  ImportOptions c;
  c.layer = "communes";
  c.file = more;
  import_file(*db_, c);
  db_->exec(
      "UPDATE communes SET province_name = 'Lào Cai' WHERE code IN ('00001','00002','00003')");

  Sheet rows = {
      {t("Số hồ sơ"), t("Ngày xảy ra"), t("Loại vụ việc"), t("Xã/Phường"), t("Tỉnh"), t("Kinh độ"),
       t("Vĩ độ")},
      {t("K1"), t("03/01/2025"), t("SO-06"), t("Xã Một"), t("Lào Cai"), 104.15, 22.05},
      {t("K2"), t("04/01/2025"), t("SO-06"), t("phuong ba"), std::monostate{}, std::monostate{},
       std::monostate{}},
      {t("K3"), t("15/01/2025"), t("SO-06"), t("00002"), std::monostate{}, std::monostate{},
       std::monostate{}},
      {t("K4"), t("16/01/2025"), t("SO-06"), t("Một"), t("Lào Cai"), std::monostate{},
       std::monostate{}},
  };
  const fs::path f = dir_ / "by_commune.xlsx";
  write_xlsx(f, {{"Sheet1", rows}});
  const ImportReport r = import(f);
  EXPECT_EQ(r.imported, 4u);
  EXPECT_EQ(r.by_commune, 3u);
  // The row with coordinates is placed by its point (Xã Hai), whatever its commune column says.
  EXPECT_EQ(text("SELECT commune_code FROM incidents WHERE case_number = 'K1'"), "00002");
  for (const auto& [k, code] : {std::pair{"K2", "00003"}, {"K3", "00002"}, {"K4", "00001"}}) {
    EXPECT_EQ(
        text(std::string("SELECT commune_code FROM incidents WHERE case_number = '") + k + "'"),
        code)
        << k;
    EXPECT_EQ(db_->query_int(std::string("SELECT count(*) FROM incidents WHERE case_number = '") +
                             k + "' AND geom IS NULL AND outside_communes = 0"),
              1)
        << k << " is located by its commune only";
  }
  // Counted in the commune's totals, drawn as no point.
  const model::CommuneSet communes = model::load_communes(*db_);
  const model::IncidentTable all = model::load_incidents(*db_, communes);
  const model::IncidentTable points = model::load_incidents(*db_, communes, {.points = true});
  EXPECT_EQ(all.size(), 4u);
  EXPECT_EQ(points.size(), 1u);
  EXPECT_EQ(std::count(all.commune.begin(), all.commune.end(), communes.find("00002")), 2);
  // Such an incident stays editable, and keeps its commune.
  const auto id = db_->query_int("SELECT id FROM incidents WHERE case_number = 'K2'");
  edit::Editor editor(*db_);
  const auto edited = editor.update("incidents", *id, 1, {{"description", "chỉ biết xã"}});
  EXPECT_TRUE(edited.ok()) << edited.message;
  EXPECT_EQ(text("SELECT commune_code FROM incidents WHERE case_number = 'K2'"), "00003");
}

TEST_F(SpreadsheetImport, CommuneNamesThatFindNoneOrSeveralAreRefused) {
  const fs::path more = dir_ / "more_communes.geojson";
  write_file(
      more,
      feature_collection(
          {R"({"type":"Feature","properties":{"code":"00004","name":"Một","province_name":"Tỉnh Khác"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[105,22],[105.1,22],[105.1,22.1],[105,22]]]}})",
           R"({"type":"Feature","properties":{"code":"00005","name":"Năm","full_name":"Xã Năm","before_merger":"Xã Bản Cũ, Xã Năm"},)"
           R"("geometry":{"type":"Polygon","coordinates":[[[104.3,22],[104.4,22],[104.4,22.1],[104.3,22]]]}})"}));
  ImportOptions c;
  c.layer = "communes";
  c.file = more;
  import_file(*db_, c);
  const fs::path f = dir_ / "names.csv";
  write_file(f,
             "Số hồ sơ,Ngày xảy ra,Loại vụ việc,Xã\n"
             "N1,2025-01-03,SO-06,Xã Một\n"
             "N2,2025-01-04,SO-06,Xã Không Có\n"
             "N3,2025-01-05,SO-06,Bản Cũ\n");
  try {
    import(f);
    ADD_FAILURE() << "imported";
  } catch (const ImportError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("row 1 (line 2)"), std::string::npos) << m;
    EXPECT_NE(m.find("'Xã Một' names 2 communes"), std::string::npos) << m;
    EXPECT_NE(m.find("--province"), std::string::npos) << m;
    EXPECT_NE(m.find("no current commune named 'Xã Không Có'"), std::string::npos) << m;
    EXPECT_NE(
        m.find("'Bản Cũ' is a commune from before the 2025 merger, now part of Xã Năm (00005"),
        std::string::npos)
        << m;
  }
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 0);
}

}  // namespace
}  // namespace secmap::io
