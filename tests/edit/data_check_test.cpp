// The data checked against its audit trail: after edits through secmap every row is what its
// last audit row says; a direct UPDATE, INSERT or DELETE by another program is found and named.
#include <gtest/gtest.h>

#include "edit/data_check.h"
#include "edit/editor.h"
#include "edit_fixture.h"

using namespace secmap;

namespace {

edit::IncidentInput incident(double lon, const char* description) {
  edit::IncidentInput in;
  in.category = "SO-06";
  in.occurred_at = "2025-03-01T10:00:00";
  in.lon = lon;
  in.lat = 22.55;
  in.has_location = true;
  in.description = description;
  return in;
}

std::vector<std::string> described(const edit::DataCheck& c) {
  std::vector<std::string> out;
  for (const auto& d : c.differences) out.push_back(edit::describe(d));
  return out;
}

TEST(DataCheck, EditsThroughSecmapMatchTheTrailAndDirectChangesDoNot) {
  auto db = edit::test::small_province("data_check");
  db.exec("DELETE FROM campaigns");  // the fixture writes it with SQL, outside the trail
  edit::Editor editor(db);
  editor.set_today(edit::test::kToday);
  int64_t ids[3];
  for (int i = 0; i < 3; ++i) {
    const auto r = editor.insert_incident(incident(104.02 + 0.05 * i, "vụ thử"));
    ASSERT_TRUE(r.ok()) << r.message;
    ids[i] = r.id;
  }
  ASSERT_TRUE(editor.update("incidents", ids[0], 1, {{"description", "đã sửa"}}).ok());
  ASSERT_TRUE(editor.remove("incidents", ids[2], 1).ok());
  const auto clean = edit::verify_data(db);
  EXPECT_TRUE(clean.ok()) << ::testing::PrintToString(described(clean));
  EXPECT_EQ(clean.rows_checked, 3u);

  // Another program writes to the file directly.
  db.exec("UPDATE incidents SET description = 'sửa ngoài' WHERE id = " + std::to_string(ids[0]));
  db.exec("DELETE FROM incidents WHERE id = " + std::to_string(ids[1]));
  db.exec(
      "INSERT INTO incidents (category, occurred_at, geom) VALUES ('SO-06', "
      "'2025-03-02', MakePoint(104.05, 22.55, 4326))");
  const auto id_added = db.last_insert_rowid();
  const auto dirty = edit::verify_data(db);
  const auto d = described(dirty);
  ASSERT_EQ(d.size(), 3u) << ::testing::PrintToString(d);
  auto has = [&](const std::string& text) {
    return std::find(d.begin(), d.end(), text) != d.end();
  };
  EXPECT_TRUE(
      has("incidents #" + std::to_string(ids[0]) + ": changed outside secmap (description)"))
      << ::testing::PrintToString(d);
  EXPECT_TRUE(has("incidents #" + std::to_string(ids[1]) +
                  ": deleted outside secmap (the trail's last change left it in place)"))
      << ::testing::PrintToString(d);
  EXPECT_TRUE(
      has("incidents #" + std::to_string(id_added) + ": added outside secmap (no audit row)"))
      << ::testing::PrintToString(d);
}

}  // namespace
