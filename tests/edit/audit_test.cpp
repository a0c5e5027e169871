// The hash-chained audit trail: appending, verifying, tampering detected and named.
#include <gtest/gtest.h>

#include <cstdlib>

#include "edit/audit.h"
#include "edit/sha256.h"
#include "edit_fixture.h"

using namespace secmap;
using edit::AuditEntry;

namespace {

void append_some(store::Database& db, int n) {
  store::Transaction tx(db);
  for (int i = 0; i < n; ++i)
    edit::append_audit(db,
                       {"update", "incidents", i + 1, "{\"v\":" + std::to_string(i) + "}",
                        "{\"v\":" + std::to_string(i + 1) + "}"},
                       "tester");
  tx.commit();
}

}  // namespace

TEST(Sha256, KnownVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(edit::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(edit::sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Audit, ChainLinksEveryRowToThePrevious) {
  auto db = edit::test::small_province("audit_chain");
  append_some(db, 5);
  const auto rows = edit::audit_log(db);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].prev_hash, edit::kGenesisHash);
  for (size_t i = 1; i < rows.size(); ++i) EXPECT_EQ(rows[i].prev_hash, rows[i - 1].hash);
  EXPECT_EQ(rows[2].who, "tester");
  EXPECT_EQ(rows[2].row_id, 3);
  EXPECT_EQ(rows[2].before_json, "{\"v\":2}");
  const auto v = edit::verify_audit(db);
  EXPECT_TRUE(v.ok) << v.reason;
  EXPECT_EQ(v.rows, 5);
}

TEST(Audit, TriggersRefuseUpdateAndDelete) {
  auto db = edit::test::small_province("audit_triggers");
  append_some(db, 2);
  EXPECT_THROW(db.exec("UPDATE audit_log SET who = 'x' WHERE id = 1"), store::StoreError);
  EXPECT_THROW(db.exec("DELETE FROM audit_log WHERE id = 2"), store::StoreError);
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST(Audit, TamperedRowIsNamed) {
  auto db = edit::test::small_province("audit_tamper");
  append_some(db, 6);
  db.exec("DROP TRIGGER audit_log_no_update");
  db.exec("UPDATE audit_log SET after_json = '{\"v\":99}' WHERE id = 4");
  const auto v = edit::verify_audit(db);
  EXPECT_FALSE(v.ok);
  ASSERT_TRUE(v.first_bad_id);
  EXPECT_EQ(*v.first_bad_id, 4);
  EXPECT_NE(v.reason.find("changed"), std::string::npos) << v.reason;
}

TEST(Audit, RewrittenHashBreaksTheNextLink) {
  // Someone who also recomputes the tampered row's hash still breaks row 4's prev_hash.
  auto db = edit::test::small_province("audit_rehash");
  append_some(db, 5);
  db.exec("DROP TRIGGER audit_log_no_update");
  db.exec("UPDATE audit_log SET who = 'mallory', hash = '" + std::string(64, 'a') +
          "' WHERE id = 3");
  const auto v = edit::verify_audit(db);
  ASSERT_FALSE(v.ok);
  EXPECT_EQ(*v.first_bad_id, 3);  // its own hash no longer matches
  db.exec("DROP TRIGGER audit_log_no_delete");
  db.exec("DELETE FROM audit_log WHERE id = 3");
  const auto v2 = edit::verify_audit(db);
  ASSERT_FALSE(v2.ok);
  EXPECT_EQ(*v2.first_bad_id, 4);
  EXPECT_NE(v2.reason.find("removed"), std::string::npos) << v2.reason;
}

TEST(Audit, AppenderContinuesTheChainInOneTransaction) {
  auto db = edit::test::small_province("audit_appender");
  append_some(db, 2);
  {
    store::Transaction tx(db);
    edit::AuditAppender appender(db, "importer");
    for (int i = 0; i < 1000; ++i)
      appender.append({"import", "incidents", 100 + i, "", "{\"n\":" + std::to_string(i) + "}"});
    EXPECT_EQ(appender.appended(), 1000u);
    tx.commit();
  }
  EXPECT_EQ(db.query_int("SELECT count(*) FROM audit_log"), 1002);
  EXPECT_TRUE(edit::verify_audit(db).ok);
  // A rolled-back batch leaves neither rows nor a broken chain.
  {
    store::Transaction tx(db);
    edit::AuditAppender appender(db);
    appender.append({"import", "incidents", 1, "", "{}"});
  }
  EXPECT_EQ(db.query_int("SELECT count(*) FROM audit_log"), 1002);
  append_some(db, 1);
  EXPECT_TRUE(edit::verify_audit(db).ok);
}

TEST(Audit, AnalystFromEnvironmentThenConfigured) {
  setenv("SECMAP_ANALYST", "Nguyễn Văn A", 1);
  EXPECT_EQ(edit::current_analyst(), "Nguyễn Văn A");
  unsetenv("SECMAP_ANALYST");
  edit::set_configured_analyst("Trần Thị B");
  EXPECT_EQ(edit::current_analyst(), "Trần Thị B");
  edit::set_configured_analyst("");
  EXPECT_FALSE(edit::current_analyst().empty());  // the OS user
  EXPECT_NE(edit::current_analyst(), "Trần Thị B");
}

TEST(Audit, LogFilters) {
  auto db = edit::test::small_province("audit_filter");
  {
    store::Transaction tx(db);
    edit::append_audit(db, {"insert", "incidents", 1, "", "{}"});
    edit::append_audit(db, {"insert", "campaigns", 7, "", "{}"});
    edit::append_audit(db, {"update", "incidents", 1, "{}", "{}"});
    tx.commit();
  }
  EXPECT_EQ(edit::record_history(db, "incidents", 1).size(), 2u);
  EXPECT_EQ(edit::record_history(db, "campaigns", 7).size(), 1u);
  edit::AuditFilter f;
  f.since = "2999-01-01";
  EXPECT_TRUE(edit::audit_log(db, f).empty());
  f.since = "2000-01-01";
  EXPECT_EQ(edit::audit_log(db, f).size(), 3u);
}
