// Nothing typed into a form is lost: quitting with unsaved changes asks (save, keep as a draft,
// discard, back); a draft returns, unsaved, when the window opens the same database again; and
// a window killed mid-typing leaves the draft on disk too.
#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

class DraftWindowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SECMAP_REQUIRE_DISPLAY();
    dir_ = scratch_dir(std::string("ui-draft-") +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db_ = make_demo_db(dir_, 200);
    auto db = store::Database::open(db_);
    id_ = *db.query_int("SELECT min(id) FROM incidents WHERE deleted = 0");
  }
  std::string description() {
    auto db = store::Database::open(db_);
    return db
        .query_text("SELECT coalesce(description, '') FROM incidents WHERE id = " +
                    std::to_string(id_))
        .value_or("?");
  }
  std::filesystem::path draft() const { return dir_ / "config" / "secmap" / "draft.json"; }
  std::string path(const std::string& name) { return (dir_ / name).string(); }
  std::string typing() const {
    return "edit-open " + std::to_string(id_) + "\nedit-field description Đang ghi dở, chưa lưu\n";
  }

  std::filesystem::path dir_, db_;
  int64_t id_ = 0;
};

TEST_F(DraftWindowTest, AQuitAsksAndTheDraftReturnsUnsaved) {
  const std::string before = description();
  // The quit asks: the window is still there for the next command, which keeps the draft.
  auto r = run_window(dir_, quoted(db_),
                      typing() + "wait 1\nquit\nwait 1\ndump-state " + path("asked.json") +
                          "\nquit-answer draft\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto asked = read_json(dir_ / "asked.json");
  ASSERT_FALSE(asked.is_null()) << "the window quit without asking\n" << r.output;
  EXPECT_TRUE(asked["editing"]["form"]["unsaved"].get<bool>());
  EXPECT_EQ(description(), before);  // nothing saved
  ASSERT_TRUE(std::filesystem::exists(draft()));
  EXPECT_NE(file_text(draft()).find("Đang ghi dở, chưa lưu"), std::string::npos);

  // The next window on the same database opens the form again, unsaved, saying so; saving it
  // writes the text and the draft is gone.
  r = run_window(dir_, quoted(db_),
                 "wait 1\ndump-state " + path("back.json") + "\nedit-save\nwait 1\nquit\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto form = read_json(dir_ / "back.json")["editing"]["form"];
  ASSERT_FALSE(form.is_null()) << r.output;
  EXPECT_EQ(form["id"].get<int64_t>(), id_);
  EXPECT_EQ(form["values"]["description"], "Đang ghi dở, chưa lưu");
  EXPECT_TRUE(form["unsaved"].get<bool>());
  EXPECT_FALSE(form["draft_from"].get<std::string>().empty());
  EXPECT_EQ(description(), "Đang ghi dở, chưa lưu");
  EXPECT_FALSE(std::filesystem::exists(draft()));
}

TEST_F(DraftWindowTest, BackKeepsTheWindowAndDiscardIsTheUsersOwnChoice) {
  const std::string before = description();
  auto r = run_window(dir_, quoted(db_),
                      typing() + "quit\nquit-answer back\nwait 1\ndump-state " + path("b.json") +
                          "\nquit\nquit-answer discard\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto b = read_json(dir_ / "b.json");
  ASSERT_FALSE(b.is_null()) << r.output;
  EXPECT_EQ(b["editing"]["form"]["values"]["description"], "Đang ghi dở, chưa lưu");
  EXPECT_EQ(description(), before);
  EXPECT_FALSE(std::filesystem::exists(draft()));
  // A form without changes quits at once: nothing to ask about.
  r = run_window(
      dir_, quoted(db_),
      "edit-open " + std::to_string(id_) + "\nquit\ndump-state " + path("c.json") + "\n");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "c.json")) << "a form without changes asked";
}

// Killed while the form is open (a crash, a power cut): the draft was already on disk.
TEST_F(DraftWindowTest, AKilledWindowLeavesTheDraft) {
  const auto script = dir_ / "script.txt";
  std::ofstream(script) << typing() << "wait 5\nwait 100000\n";
  const auto r = run_command("XDG_CONFIG_HOME=" + quoted(dir_ / "config") + " timeout -s KILL 10 " +
                             quoted(secmap_binary()) + " map " + quoted(db_) +
                             " --size 800x600 --script " + quoted(script));
  EXPECT_NE(r.exit_code, 0) << r.output;  // killed
  ASSERT_TRUE(std::filesystem::exists(draft())) << r.output;
  EXPECT_NE(file_text(draft()).find("Đang ghi dở, chưa lưu"), std::string::npos);
  const auto back =
      run_window(dir_, quoted(db_),
                 "wait 1\ndump-state " + path("back.json") + "\nquit\nquit-answer discard\n");
  ASSERT_EQ(back.exit_code, 0) << back.output;
  EXPECT_EQ(read_json(dir_ / "back.json")["editing"]["form"]["values"]["description"],
            "Đang ghi dở, chưa lưu");
}

}  // namespace
}  // namespace secmap::test
