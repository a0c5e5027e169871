// The Vietnamese interface writes no raw codes or English words: the text each state of the real
// window shows (read back from its draw data, ui/drawn_text.h) is scanned for the codes of every
// code list and fixed choice ("foot", "motorbike", "processed", "open", "done" …) and for the
// English of durations ("min"), with the sidebar's sections, Identify on a crossing and the
// forms of a crossing and a patrol route open.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "border/patrol_plan.h"
#include "edit/record_checks.h"
#include "store/code_lists.h"
#include "store/database.h"
#include "ui_test_util.h"

namespace secmap::test {
namespace {

std::vector<std::string> lines_of(const std::filesystem::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(VietnameseUi, ShowsNoRawCodesOrEnglishWords) {
  SECMAP_REQUIRE_DISPLAY();
  const auto dir = scratch_dir("ui-vietnamese");
  const auto db = make_demo_db(dir, 600);
  // The words that must not appear: codes that read as words (4 letters or more), the fixed
  // choices, and English units.
  std::set<std::string> banned = {"min", "required", "saved"};
  {
    auto d = store::Database::open(db);
    const auto codes = store::CodeLists::load(d);
    for (const char* list : {"case_statuses", "patrol_modes", "severities", "drug_free_statuses",
                             "antt_standards", "movement_classes", "crossing_kinds",
                             "facility_kinds", "cooperation_kinds", "designation_types"})
      for (const auto& c : codes.list(list))
        if (c.code.size() >= 4 && std::regex_match(c.code, std::regex("[a-z_]+")))
          banned.insert(c.code);
    for (const auto& [table, column] :
         {std::pair("crossings", "status"), std::pair("patrols", "state")})
      for (const char* v : edit::fixed_choices(table, column)) banned.insert(v);
  }
  ASSERT_GT(banned.size(), 20u);
  auto at = [&](const char* name) { return (dir / name).string(); };
  const std::string script =
      "wait 2\npanel search off\npanel time off\npanel layers off\npanel layer-order off\n"
      "panel targets on\npanel patrol on\npanel cooperation on\nwait 30\nlog-text " +
      at("panels.txt") +
      "\nselect-record crossings 1\npanel identify on\npanel patrol off\npanel cooperation "
      "off\npanel targets off\nwait 5\nlog-text " +
      at("identify.txt") + "\nedit-open-record crossings 1\nwait 3\nlog-text " +
      at("crossing_form.txt") + "\nedit-cancel\nedit-open-record patrols 1\nwait 3\nlog-text " +
      at("patrol_form.txt") + "\nedit-cancel\nedit-open 1\nwait 3\nlog-text " +
      at("incident_form.txt") + "\nedit-cancel\nquit\n";
  std::ofstream(dir / "script.txt") << script;
  const auto r = run_command("XDG_CONFIG_HOME=" + quoted(dir / "config") +
                             " xvfb-run -a -s '-screen 0 1400x2200x24' " + quoted(secmap_binary()) +
                             " map " + quoted(db) + " --size 1280x2000 --no-restore --script " +
                             quoted(dir / "script.txt"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  size_t scanned = 0;
  const std::regex word("[A-Za-z_]+");
  for (const char* file : {"panels.txt", "identify.txt", "crossing_form.txt", "patrol_form.txt",
                           "incident_form.txt"}) {
    const auto lines = lines_of(dir / file);
    EXPECT_GT(lines.size(), 10u) << file << ": nothing read back";
    for (const std::string& line : lines) {
      ++scanned;
      for (auto it = std::sregex_iterator(line.begin(), line.end(), word);
           it != std::sregex_iterator(); ++it)
        EXPECT_EQ(banned.count(it->str()), 0u)
            << file << ": '" << it->str() << "' in \"" << line << "\"";
    }
  }
  // The scan reads what it should: the Vietnamese of those codes is there.
  const auto panels = lines_of(dir / "panels.txt");
  std::string all;
  for (const auto& l : panels) all += l + "\n";
  EXPECT_NE(all.find("Hợp tác biên giới"), std::string::npos) << all;
  EXPECT_NE(all.find("đi bộ"), std::string::npos) << "the route table's mode, named" << all;
  // The route table's durations (off to the side of the scrolled table here) in Vietnamese.
  EXPECT_EQ(border::format_hours_vi(1 + 5.0 / 60), "1 giờ 5 phút");
  EXPECT_GT(scanned, 100u);
  // The route table keeps a route's name on one line (it once wrapped it a few letters a line).
  std::string route;
  {
    auto d = store::Database::open(db);
    route = d.query_text("SELECT name FROM patrols ORDER BY id LIMIT 1").value_or("?");
  }
  const std::string first_words = route.substr(0, route.find(' ', route.find(' ') + 1));
  EXPECT_NE(all.find(first_words), std::string::npos) << "'" << first_words << "' not on a line";
}

}  // namespace
}  // namespace secmap::test
