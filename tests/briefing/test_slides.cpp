// Slides in the database: view JSON round trip and its errors, add/list/update/rename/move/
// reorder/delete keeping positions 0..n-1, and failures that leave the table unchanged.
#include <gtest/gtest.h>

#include <functional>

#include "briefing/slide.h"
#include "edit/audit.h"
#include "store/write_error.h"
#include "test_support.h"

namespace secmap::briefing {
namespace {

store::Database fresh_db(const std::string& name) {
  auto dir = test::scratch_dir(name);
  return store::Database::open(dir / "s.sqlite", store::Database::Mode::CreateIfMissing);
}

SlideView sample_view() {
  SlideView v;
  v.bbox_lonlat = geo::BBox{103.5, 22.3, 104.4, 22.9};
  v.layers = {"communes", "incidents"};
  v.style = "incidents";
  v.date_from = "2025-01-01";
  v.date_to = "2025-02-14";
  v.label = "Tết 2025";
  v.incident_groups = "drugs,smuggling";
  v.filters = {{"commune", "Mường Khương"}};
  v.compare = ComparisonWindow{"2024-01-01", "2024-02-14", "Tết 2024"};
  v.public_safe = true;
  return v;
}

std::vector<std::string> titles(store::Database& db, const std::string& deck = "default") {
  std::vector<std::string> out;
  auto slides = list_slides(db, deck);
  for (size_t i = 0; i < slides.size(); ++i) {
    EXPECT_EQ(slides[i].position, static_cast<int>(i)) << slides[i].title;
    out.push_back(slides[i].title);
  }
  return out;
}

TEST(SlideView, JsonRoundTripKeepsEveryFieldAndUnknownKeys) {
  SlideView v = sample_view();
  v.centre_3857 = geo::Point{11560000.5, 2580000.25};
  v.m_per_px = 37.5;
  v.reference_width = 3840;
  v.extra_json = R"({"future_key":[1,2,3]})";
  SlideView back = view_from_json(to_json(v));
  EXPECT_EQ(back, v);
  EXPECT_NE(to_json(back).find("future_key"), std::string::npos);
}

TEST(SlideView, DefaultsWhenKeysAbsent) {
  SlideView v = view_from_json("{}");
  EXPECT_FALSE(v.bbox_lonlat);
  EXPECT_FALSE(v.compare);
  EXPECT_FALSE(v.public_safe);
  EXPECT_EQ(v.layers.size(), 5u);
}

TEST(SlideView, BadJsonNamesTheProblem) {
  auto message = [](const std::string& json) {
    try {
      view_from_json(json);
    } catch (const SlideError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{not json").find("not valid JSON"), std::string::npos);
  EXPECT_NE(message("[1,2]").find("must be an object"), std::string::npos);
  EXPECT_NE(message(R"({"bbox":[1,2,3]})").find("\"bbox\""), std::string::npos);
  EXPECT_NE(message(R"({"bbox":[5,2,3,4]})").find("west < east"), std::string::npos);
  EXPECT_NE(message(R"({"layers":"communes"})").find("\"layers\""), std::string::npos);
  EXPECT_NE(message(R"({"public":"yes"})").find("\"public\""), std::string::npos);
  EXPECT_NE(message(R"({"centre":[1,2]})").find("\"m_per_px\""), std::string::npos);
  EXPECT_NE(message(R"({"compare":3})").find("\"compare\""), std::string::npos);
}

TEST(Slides, AddListUpdateRenameDelete) {
  auto db = fresh_db("slides_crud");
  Slide s;
  s.title = "Tổng quan tỉnh";
  s.subtitle = "Lào Cai";
  s.note = "Ghi chú";
  s.view = sample_view();
  int64_t a = add_slide(db, s);
  s.title = "Điểm nóng ma túy";
  s.is_public = true;
  int64_t b = add_slide(db, s);
  s.title = "Biên giới";
  int64_t c = add_slide(db, s);
  Slide other;
  other.deck = "công khai";
  other.title = "Khác";
  add_slide(db, other);

  EXPECT_EQ(titles(db),
            (std::vector<std::string>{"Tổng quan tỉnh", "Điểm nóng ma túy", "Biên giới"}));
  EXPECT_EQ(list_decks(db), (std::vector<std::string>{"công khai", "default"}));
  auto got = find_slide(db, b);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->view, sample_view());
  EXPECT_TRUE(got->is_public);
  EXPECT_EQ(got->version, 1);

  got->note = "mới";
  got->view.style = "antt";
  update_slide(db, *got);
  auto upd = find_slide(db, b);
  EXPECT_EQ(upd->note, "mới");
  EXPECT_EQ(upd->view.style, "antt");
  EXPECT_EQ(upd->version, 2);

  rename_slide(db, c, "Cửa khẩu");
  EXPECT_EQ(find_slide(db, c)->title, "Cửa khẩu");

  delete_slide(db, a);
  EXPECT_FALSE(find_slide(db, a));
  EXPECT_EQ(titles(db), (std::vector<std::string>{"Điểm nóng ma túy", "Cửa khẩu"}));
  EXPECT_EQ(titles(db, "công khai"), (std::vector<std::string>{"Khác"}));
  // Every change left an audit row for the slides table: 4 adds, the update, the rename, the
  // delete, and the two slides that moved up a position after it.
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM audit_log WHERE table_name = 'slides'").value_or(0),
            9);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM audit_log WHERE table_name = 'slides' AND "
                         "action = 'update' AND json_extract(after_json, '$.position') = "
                         "json_extract(before_json, '$.position') - 1")
                .value_or(0),
            2);
}

TEST(Slides, MoveAndReorder) {
  auto db = fresh_db("slides_move");
  std::vector<int64_t> ids;
  for (const char* t : {"A", "B", "C", "D"}) {
    Slide s;
    s.title = t;
    ids.push_back(add_slide(db, s));
  }
  move_slide(db, ids[3], 0);
  EXPECT_EQ(titles(db), (std::vector<std::string>{"D", "A", "B", "C"}));
  move_slide(db, ids[3], 99);  // clamped to the end
  EXPECT_EQ(titles(db), (std::vector<std::string>{"A", "B", "C", "D"}));
  move_slide(db, ids[0], 2);
  EXPECT_EQ(titles(db), (std::vector<std::string>{"B", "C", "A", "D"}));
  reorder_slides(db, "default", {ids[3], ids[2], ids[1], ids[0]});
  EXPECT_EQ(titles(db), (std::vector<std::string>{"D", "C", "B", "A"}));
}

// A disk that fills up under a new slide or a slide's update (SQLite's page limit for the
// connection): refused as a full disk, the deck and the audit trail exactly as they were.
TEST(Slides, AFullDiskRefusesEveryWriteWhole) {
  auto db = fresh_db("slides_full");
  Slide s;
  s.title = "Một";
  const int64_t a = add_slide(db, s);
  s.title = "Hai";
  add_slide(db, s);
  auto snapshot = [&] {
    std::string out;
    for (const Slide& x : list_slides(db))
      out += std::to_string(x.id) + x.title + x.note + std::to_string(x.version) + "\n";
    return out + std::to_string(db.query_int("SELECT count(*) FROM audit_log").value_or(-1));
  };
  const std::string before = snapshot();
  db.exec("PRAGMA max_page_count = " + std::to_string(*db.query_int("PRAGMA page_count")));
  const std::string big(60000, 'n');
  auto refused = [&](const char* what, const std::function<void()>& write) {
    try {
      write();
      ADD_FAILURE() << what << ": not refused";
    } catch (const store::WriteError& e) {
      EXPECT_NE(std::string(e.what()).find("disk is full"), std::string::npos) << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << what << ": not reported as a full disk: " << e.what();
    }
    EXPECT_FALSE(store::in_transaction(db)) << what;
  };
  Slide added;
  added.title = "Ba";
  added.note = big;
  refused("add", [&] { add_slide(db, added); });
  Slide changed = *find_slide(db, a);
  changed.note = big;
  refused("update", [&] { update_slide(db, changed); });
  db.exec("PRAGMA max_page_count = 1073741823");
  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(edit::verify_audit(db).ok);
  // With room again the same writes land.
  add_slide(db, added);
  update_slide(db, changed);
  EXPECT_EQ(find_slide(db, a)->note, big);
  EXPECT_EQ(list_slides(db).size(), 3u);
}

TEST(Slides, FailuresLeaveTheTableUnchanged) {
  auto db = fresh_db("slides_fail");
  Slide s;
  s.title = "A";
  int64_t a = add_slide(db, s);
  s.title = "B";
  int64_t b = add_slide(db, s);
  auto before = to_json(find_slide(db, a)->view) + titles(db)[0] + titles(db)[1];
  EXPECT_THROW(reorder_slides(db, "default", {a}), SlideError);
  EXPECT_THROW(reorder_slides(db, "default", {a, a}), SlideError);
  EXPECT_THROW(move_slide(db, 999, 0), SlideError);
  EXPECT_THROW(delete_slide(db, 999), SlideError);
  EXPECT_THROW(rename_slide(db, b, ""), SlideError);
  Slide empty;
  EXPECT_THROW(add_slide(db, empty), SlideError);
  EXPECT_EQ(to_json(find_slide(db, a)->view) + titles(db)[0] + titles(db)[1], before);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM slides").value_or(0), 2);
  // A row whose view_json was corrupted outside secmap is reported with its id.
  db.exec("UPDATE slides SET view_json = '{broken' WHERE id = " + std::to_string(b));
  try {
    list_slides(db);
    FAIL() << "expected SlideError";
  } catch (const SlideError& e) {
    EXPECT_NE(std::string(e.what()).find("slide " + std::to_string(b)), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace secmap::briefing
