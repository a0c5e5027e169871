// Bulk import of incidents: every failing row reported with its number and reason,
// all or nothing, dry runs that write nothing, a report of what was added, audit rows in the
// same transaction, Excel-style CSV in UTF-8 (BOM, ';', CRLF, quoted fields) and the legacy
// Vietnamese encodings.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <set>
#include <tuple>

#include "edit/audit.h"
#include "io/gdal_source.h"
#include "io_test_util.h"

namespace secmap::io {
namespace {

using namespace secmap::io::testing;
namespace fs = std::filesystem;

constexpr const char* kToday = "2025-06-30";

class BulkImport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = test::scratch_dir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_.emplace(seeded_db(dir_));
  }
  ImportOptions incidents(const std::string& file_name, const std::string& content) {
    ImportOptions o;
    o.layer = "incidents";
    o.file = dir_ / file_name;
    o.today = kToday;
    write_file(o.file, content);
    return o;
  }
  // (row, line, field) of every problem the import reports; fails the test if it succeeds.
  std::set<std::tuple<size_t, size_t, std::string>> problems_of(const ImportOptions& o,
                                                                std::string* message = nullptr) {
    std::set<std::tuple<size_t, size_t, std::string>> out;
    try {
      import_file(*db_, o);
      ADD_FAILURE() << "import of " << o.file << " succeeded";
    } catch (const ImportError& e) {
      if (message) *message = e.what();
      for (const auto& p : e.problems) out.emplace(p.row, p.line, p.field);
    }
    return out;
  }
  fs::path dir_;
  std::optional<store::Database> db_;
};

// An Excel export: BOM, ';' separators, CRLF, a quoted description spanning two lines and one
// holding the separator, so that row numbers and line numbers differ.
std::string mixed_csv() {
  return "\xef\xbb\xbf"
         "so_vu;kinh_do;vi_do;loai;ngay;muc_do;trang_thai;mo_ta\r\n"              // line 1
         "LC-1;104.05;22.05;NS-01;2025-01-02;;;\"Trộm cắp; tài sản\"\r\n"         // 2 row 1
         "LC-2;104.15;22.05;SO-01;2025-01-03;;;\"hai\r\ndòng\"\r\n"               // 3-4 row 2
         "LC-3;104.05;22.05;NS-01;2025-02-30;;;ngày sai\r\n"                      // 5 row 3
         "LC-4;104.25;22.05;XX-99;2025-01-04;;;loại sai\r\n"                      // 6 row 4
         "LC-5;104.05;22.05;NS-01;2099-01-01;;;tương lai\r\n"                     // 7 row 5
         "LC-1;104.05;22.05;NS-01;2025-01-05;;;trùng số vụ\r\n"                   // 8 row 6
         "LC-7;;;NS-01;2025-01-06;;;không tọa độ\r\n"                             // 9 row 7
         "LC-8;104.05;22.05;NS-01;2025-01-07;;solved;khởi tố thiếu mức độ\r\n"    // 10 row 8
         "\r\n"                                                                   // 11 blank
         "LC-9;105.90;22.05;NS-01;2025-01-08;nghiem_trong;solved;ngoài tỉnh\r\n"  // 12 row 9
         "LC-10;104.15;22.02;SO-01;2025-03-01;nghiem_trong;instituted;tốt\r\n";   // 13 row 10
}

const std::map<std::string, std::string> kMixedMap = {
    {"case_number", "so_vu"}, {"category", "loai"},     {"occurred_at", "ngay"},
    {"severity", "muc_do"},   {"status", "trang_thai"}, {"description", "mo_ta"}};

TEST_F(BulkImport, MixedRowsReportEveryBadRowAndImportNothing) {
  const std::string before = dump_tables(*db_);
  auto o = incidents("mixed.csv", mixed_csv());
  o.map = kMixedMap;
  std::string message;
  const auto got = problems_of(o, &message);
  const std::set<std::tuple<size_t, size_t, std::string>> want = {
      {3, 5, "occurred_at"}, {4, 6, "category"},  {5, 7, "occurred_at"}, {6, 8, "case_number"},
      {7, 9, "location"},    {8, 10, "severity"}, {9, 12, "location"}};
  EXPECT_EQ(got, want) << message;
  EXPECT_NE(message.find("7 of 10 rows"), std::string::npos) << message;
  EXPECT_NE(message.find("2025-02-30"), std::string::npos) << message;
  EXPECT_NE(message.find("XX-99"), std::string::npos) << message;
  EXPECT_NE(message.find("future"), std::string::npos) << message;
  EXPECT_NE(message.find("first at row 1 (line 2)"), std::string::npos) << message;
  EXPECT_NE(message.find("outside the province"), std::string::npos) << message;
  EXPECT_EQ(dump_tables(*db_), before) << "a rejected import changed the database";

  // The dry run reports exactly the same rows and writes nothing either.
  o.dry_run = true;
  EXPECT_EQ(problems_of(o), want);
  EXPECT_EQ(dump_tables(*db_), before);
}

TEST_F(BulkImport, CaseNumberAlreadyInTheDatabaseIsReported) {
  auto first = incidents(
      "first.csv", "case_number,lon,lat,category,occurred_at\nK-1,104.05,22.05,NS-01,2025-01-01\n");
  import_file(*db_, first);
  const std::string before = dump_tables(*db_);
  auto again =
      incidents("again.csv",
                "case_number,lon,lat,category,occurred_at\nK-2,104.05,22.05,NS-01,2025-01-01\n"
                "K-1,104.05,22.05,NS-01,2025-01-02\n");
  std::string message;
  EXPECT_EQ(problems_of(again, &message),
            (std::set<std::tuple<size_t, size_t, std::string>>{{2, 3, "case_number"}}));
  EXPECT_NE(message.find("already used"), std::string::npos) << message;
  EXPECT_EQ(dump_tables(*db_), before);
}

TEST_F(BulkImport, GoodFileReportsWhatWasAddedAndAudits) {
  auto o = incidents("good.csv",
                     "case_number,lon,lat,category,occurred_at,severity,status\n"
                     "G-1,104.05,22.05,NS-01,2025-03-02,,\n"
                     "G-2,104.15,22.05,SO-01,2025-01-09T08:30,nghiem_trong,solved\n"
                     "G-3,104.16,22.06,SO-01,2025-05-20,,received\n");
  const size_t audit_before =
      static_cast<size_t>(*db_->query_int("SELECT count(*) FROM audit_log"));

  o.dry_run = true;
  const std::string before = dump_tables(*db_);
  const ImportReport dry = import_file(*db_, o);
  EXPECT_TRUE(dry.dry_run);
  EXPECT_EQ(dry.checked, 3u);
  EXPECT_EQ(dry.imported, 0u);
  EXPECT_EQ(dry.first_date, "2025-01-09T08:30");
  EXPECT_EQ(dry.last_date, "2025-05-20");
  EXPECT_EQ(dump_tables(*db_), before) << "a dry run wrote something";

  o.dry_run = false;
  const ImportReport r = import_file(*db_, o);
  EXPECT_EQ(r.imported, 3u);
  ASSERT_TRUE(r.first_id && r.last_id);
  EXPECT_EQ(*r.last_id - *r.first_id, 2);
  EXPECT_EQ(r.first_date, dry.first_date);
  EXPECT_EQ(r.last_date, dry.last_date);
  EXPECT_EQ(r.communes, (std::vector<std::pair<std::string, size_t>>{{"00002", 2}, {"00001", 1}}));
  EXPECT_EQ(r.communes, dry.communes);
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents WHERE id BETWEEN " +
                           std::to_string(*r.first_id) + " AND " + std::to_string(*r.last_id)),
            3);

  // One audit row per incident, action import, pointing at the new rows, chain intact.
  EXPECT_EQ(r.audit_rows, 3u);
  EXPECT_EQ(*db_->query_int("SELECT count(*) FROM audit_log"),
            static_cast<int64_t>(audit_before + 3));
  auto st = db_->prepare(
      "SELECT row_id, action, table_name, after_json FROM audit_log WHERE action = 'import' AND "
      "table_name = 'incidents' ORDER BY id");
  std::vector<int64_t> ids;
  while (st.step()) {
    ids.push_back(st.column_int(0));
    EXPECT_NE(st.column_text(3).find("\"case_number\":\"G-"), std::string::npos)
        << st.column_text(3);
  }
  EXPECT_EQ(ids, (std::vector<int64_t>{*r.first_id, *r.first_id + 1, *r.last_id}));
  const edit::AuditVerify v = edit::verify_audit(*db_);
  EXPECT_TRUE(v.ok) << v.reason;
}

TEST_F(BulkImport, ReferenceLayerImportLeavesOneAuditRow) {
  auto o =
      incidents("c.geojson", feature_collection({square_feature("00009", "Xã Chín", 104.5, 22.5)}));
  o.layer = "communes";
  const ImportReport r = import_file(*db_, o);
  EXPECT_EQ(r.audit_rows, 1u);
  EXPECT_EQ(db_->query_text("SELECT after_json FROM audit_log ORDER BY id DESC LIMIT 1"),
            "{\"file\":\"c.geojson\",\"rows\":1}");
}

// Windows-1258 (tone marks as separate combining bytes) and TCVN3, detected and named.
TEST_F(BulkImport, LegacyEncodingsAreDecodedToNfc) {
  const std::string header = "case_number,lon,lat,category,occurred_at,description\n";
  const std::string cp1258 =
      header +
      "E-1,104.05,22.05,SO-01,2025-01-02,Tr\xf4\xf2m c\xe3\xecp ta\xcc"
      "i sa\xd2n\n"
      "E-2,104.05,22.05,SO-01,2025-01-02,B\xe1t X\xe1t - M\xfd\xf5\xccng Kh\xfd\xf5ng\n";
  const std::string tcvn3 =
      header +
      "T-1,104.05,22.05,SO-01,2025-01-02,Tr\xe9m c\xbep t\xb5i s\xb6n\n"
      "T-2,104.05,22.05,SO-01,2025-01-02,B\xb8t X\xb8t - M\xad\xeang Kh\xad\xacng\n";
  auto a = incidents("cp1258.csv", cp1258);
  const ImportReport ra = import_file(*db_, a);
  EXPECT_EQ(ra.encoding, "Windows-1258");
  auto b = incidents("tcvn3.csv", tcvn3);
  b.encoding = text::Encoding::Tcvn3;
  const ImportReport rb = import_file(*db_, b);
  EXPECT_EQ(rb.encoding, "TCVN3");
  auto c = incidents("tcvn3_detected.csv",
                     header +
                         "U-1,104.05,22.05,SO-01,2025-01-02,Tr\xe9m c\xbep t\xb5i s\xb6n\n"
                         "U-2,104.05,22.05,SO-01,2025-01-02,B\xb8t X\xb8t\n");
  EXPECT_EQ(import_file(*db_, c).encoding, "TCVN3");
  for (const char* cn : {"E-1", "T-1", "U-1"})
    EXPECT_EQ(db_->query_text(std::string("SELECT description FROM incidents WHERE case_number='") +
                              cn + "'"),
              "Trộm cắp tài sản")
        << cn;
  EXPECT_EQ(db_->query_text("SELECT description FROM incidents WHERE case_number='E-2'"),
            "Bát Xát - Mường Khương");
  EXPECT_EQ(db_->query_text("SELECT description FROM incidents WHERE case_number='T-2'"),
            "Bát Xát - Mường Khương");
}

TEST_F(BulkImport, ByteNotValidInTheNamedEncodingNamesLineRowColumnAndOffset) {
  const std::string before = dump_tables(*db_);
  const std::string content =
      "case_number,lon,lat,category,occurred_at,description\n"
      "E-1,104.05,22.05,SO-01,2025-01-02,ok\n"
      "E-2,104.05,22.05,SO-01,2025-01-02,x\x81y\n";
  auto o = incidents("bad1258.csv", content);
  o.encoding = text::Encoding::Cp1258;
  try {
    import_file(*db_, o);
    FAIL() << "accepted a byte Windows-1258 does not define";
  } catch (const ImportError& e) {
    const std::string m = e.what();
    for (const std::string& needle :
         {std::string("bad1258.csv"), std::string("line 3 (row 2)"),
          std::string("column 'description'"), std::string("0x81"),
          "offset " + std::to_string(content.find('\x81')), std::string("Windows-1258")})
      EXPECT_NE(m.find(needle), std::string::npos) << m << "\nexpected: " << needle;
  }
  EXPECT_EQ(dump_tables(*db_), before);
}

TEST_F(BulkImport, GeoJsonAndGeoPackageRowsAreFeatureNumbers) {
  auto gj = incidents(
      "inc.geojson",
      R"({"type":"FeatureCollection","features":[)"
      R"({"type":"Feature","properties":{"case_number":"J-1","category":"NS-01","occurred_at":"2025-01-01"},"geometry":{"type":"Point","coordinates":[104.05,22.05]}},)"
      R"({"type":"Feature","properties":{"case_number":"J-2","category":"NS-01","occurred_at":"2025-13-01"},"geometry":{"type":"Point","coordinates":[104.05,22.05]}},)"
      R"({"type":"Feature","properties":{"case_number":"J-3","category":"NS-01","occurred_at":"2025-01-01"},"geometry":{"type":"Point","coordinates":[104.15,22.05]}}]})");
  std::string message;
  EXPECT_EQ(problems_of(gj, &message),
            (std::set<std::tuple<size_t, size_t, std::string>>{{2, 0, "occurred_at"}}));
  EXPECT_NE(message.find("feature 2"), std::string::npos) << message;

  ensure_gdal_registered();
  const fs::path gpkg = dir_ / "inc.gpkg";
  {
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(drv->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* l = ds->CreateLayer("vu_viec", &srs, wkbPoint, nullptr);
    for (const char* n : {"case_number", "category", "occurred_at"}) {
      OGRFieldDefn f(n, OFTString);
      l->CreateField(&f);
    }
    const char* rows[][3] = {{"P-1", "NS-01", "2025-01-01"},
                             {"P-2", "NS-01", "2025-01-02"},
                             {"P-3", "nonsense", "2025-01-03"}};
    for (const auto& row : rows) {
      OGRFeature feat(l->GetLayerDefn());
      for (int k = 0; k < 3; ++k) feat.SetField(k, row[k]);
      OGRPoint pt(104.05, 22.05);
      feat.SetGeometry(&pt);
      ASSERT_EQ(l->CreateFeature(&feat), OGRERR_NONE);
    }
  }
  ImportOptions g;
  g.layer = "incidents";
  g.file = gpkg;
  g.today = kToday;
  EXPECT_EQ(problems_of(g, &message),
            (std::set<std::tuple<size_t, size_t, std::string>>{{3, 0, "category"}}));
  EXPECT_NE(message.find("feature 3"), std::string::npos) << message;
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incidents"), 0);
}

// The binary: a dry run prints every failing row with its line and exits non-zero; the real
// import prints the report.
TEST_F(BulkImport, CommandLineDryRunAndReport) {
  write_file(dir_ / "mixed.csv", mixed_csv());
  const std::string bin = test::secmap_binary().string();
  const std::string db = "'" + db_->path().string() + "'";
  std::string maps;
  for (const auto& [field, column] : kMixedMap) maps += " --map " + field + "=" + column;
  const std::string before = dump_tables(*db_);
  auto dry = test::run_command(bin + " import " + db + " incidents '" +
                               (dir_ / "mixed.csv").string() + "'" + maps + " --dry-run");
  EXPECT_NE(dry.exit_code, 0) << dry.output;
  for (const char* needle : {"row 3 (line 5)", "row 4 (line 6)", "row 5 (line 7)", "row 6 (line 8)",
                             "row 7 (line 9)", "row 8 (line 10)", "row 9 (line 12)", "dry run"})
    EXPECT_NE(dry.output.find(needle), std::string::npos) << dry.output << "\nmissing " << needle;
  EXPECT_EQ(dry.output.find("\n  row 1 (line 2)"), std::string::npos) << "good rows are not errors";
  EXPECT_EQ(dump_tables(*db_), before);

  write_file(dir_ / "good.csv",
             "so_vu;kinh_do;vi_do;loai;ngay\r\nQ-1;104.05;22.05;NS-01;2025-01-02\r\n"
             "Q-2;104.15;22.05;NS-01;2025-02-03\r\n");
  auto ok = test::run_command(bin + " import " + db + " incidents '" +
                              (dir_ / "good.csv").string() + "' --map case_number=so_vu");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  for (const char* needle :
       {"imported 2 of 2", "2025-01-02 … 2025-02-03", "00001 ×1", "audit rows: 2", "UTF-8"})
    EXPECT_NE(ok.output.find(needle), std::string::npos) << ok.output << "\nmissing " << needle;
}

}  // namespace
}  // namespace secmap::io
