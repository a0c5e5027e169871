// The seeded code lists: complete, consistent, NFC Vietnamese.
#include <gtest/gtest.h>

#include <set>

#include "store/code_lists.h"
#include "store/csv.h"
#include "store/database.h"
#include "store/geodata.h"
#include "test_support.h"
#include "text/unicode.h"

using secmap::store::CodeLists;
using secmap::store::Database;

namespace {

class CodeListsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new Database(Database::open(secmap::test::scratch_dir("store_codelists") / "c.db",
                                      Database::Mode::CreateIfMissing));
    lists_ = new CodeLists(CodeLists::load(*db_));
  }
  static void TearDownTestSuite() {
    delete lists_;
    delete db_;
  }
  static Database* db_;
  static CodeLists* lists_;
};
Database* CodeListsTest::db_ = nullptr;
CodeLists* CodeListsTest::lists_ = nullptr;

}  // namespace

TEST_F(CodeListsTest, EveryCodeListTableIsSeededFromAFile) {
  for (const auto& table : secmap::store::code_list_tables()) {
    EXPECT_TRUE(secmap::geodata::find_file(table + ".csv")) << table;
    EXPECT_FALSE(lists_->list(table).empty()) << table;
  }
}

TEST_F(CodeListsTest, IncidentCategoriesFollowDomainGroups) {
  const auto& groups = lists_->list("incident_groups");
  std::set<std::string> group_codes;
  for (const auto& g : groups) group_codes.insert(g.code);
  EXPECT_EQ(group_codes, (std::set<std::string>{"NS", "SO", "DR", "SE", "BX", "EC", "EN", "CY",
                                                "WX", "TR", "FR", "PO", "AD", "OF"}));
  const auto& cats = lists_->list("incident_categories");
  EXPECT_EQ(cats.size(), 107u);
  for (const auto& c : cats) {
    EXPECT_TRUE(group_codes.count(c.group)) << c.code;
    EXPECT_EQ(c.code.substr(0, 2), c.group) << c.code;
  }
  const auto* dr = lists_->find("incident_categories", "DR-01");
  ASSERT_NE(dr, nullptr);
  EXPECT_EQ(dr->name_vi, "tội phạm về ma túy (mua bán, vận chuyển …)");
  EXPECT_EQ(dr->group, "DR");
  EXPECT_EQ(lists_->find("incident_categories", "WX-04")->name_vi,
            "mua bán, vận chuyển, sử dụng, đốt pháo trái phép");
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM incident_groups WHERE social_order = 1"), 1);
}

TEST_F(CodeListsTest, SeveritiesStatusesAndKinds) {
  ASSERT_EQ(lists_->list("severities").size(), 4u);
  EXPECT_EQ(lists_->list("severities").front().name_vi, "ít nghiêm trọng");
  EXPECT_EQ(lists_->list("severities").back().code, "dac_biet_nghiem_trong");
  EXPECT_TRUE(lists_->contains("case_statuses", "solved"));
  EXPECT_EQ(db_->query_int("SELECT cleared FROM case_statuses WHERE code = 'solved'"), 1);
  EXPECT_EQ(db_->query_int("SELECT cleared FROM case_statuses WHERE code = 'suspended'"), 0);
  EXPECT_EQ(lists_->find("drug_free_statuses", "drug_free")->name_vi, "không ma túy");
  EXPECT_EQ(db_->query_int("SELECT count(*) FROM crossing_kinds WHERE sensitive = 1"), 2);
  EXPECT_EQ(lists_->find("crossing_kinds", "opening")->name_vi, "lối mở");
  EXPECT_EQ(lists_->find("movement_classes", "excellent")->name_vi, "xuất sắc");
  EXPECT_TRUE(lists_->contains("facility_kinds", "blo_office"));
  EXPECT_TRUE(lists_->contains("commune_kinds", "dac_khu"));
  EXPECT_DOUBLE_EQ(*db_->query_int("SELECT speed_kmh FROM patrol_modes WHERE code = 'foot'"), 3);
  EXPECT_FALSE(lists_->contains("severities", "nope"));
  EXPECT_FALSE(lists_->contains("nope", "nope"));
  EXPECT_TRUE(lists_->list("nope").empty());
}

TEST_F(CodeListsTest, AllTextIsNfcAndComplete) {
  for (const auto& table : secmap::store::code_list_tables())
    for (const auto& c : lists_->list(table)) {
      EXPECT_FALSE(c.code.empty()) << table;
      EXPECT_FALSE(c.name_vi.empty()) << table << " " << c.code;
      EXPECT_FALSE(c.name_en.empty()) << table << " " << c.code;
      EXPECT_TRUE(secmap::text::is_nfc(c.name_vi)) << table << " " << c.code;
      EXPECT_TRUE(secmap::text::is_nfc(c.name_en)) << table << " " << c.code;
    }
}

TEST_F(CodeListsTest, SeededRowsMatchTheFiles) {
  for (const auto& table : secmap::store::code_list_tables()) {
    const auto file = secmap::geodata::find_file(table + ".csv");
    ASSERT_TRUE(file);
    const auto csv = secmap::store::parse_csv_table(*file, table);
    EXPECT_EQ(static_cast<size_t>(*db_->query_int("SELECT count(*) FROM " + table)),
              csv.rows.size())
        << table;
  }
}
