// The interface catalogue: every string in both languages, NFC, and the script parser's checks.
#include "ui/strings.h"

#include <gtest/gtest.h>

#include "text/unicode.h"
#include "ui/script.h"

namespace secmap::ui {
namespace {

TEST(Strings, EveryStringInBothLanguages) {
  for (int i = 0; i < static_cast<int>(S::Count_); ++i) {
    const S id = static_cast<S>(i);
    const std::string vi = tr(id, Lang::Vi), en = tr(id, Lang::En);
    EXPECT_FALSE(vi.empty()) << i;
    EXPECT_FALSE(en.empty()) << i;
    EXPECT_TRUE(text::is_nfc(vi)) << vi;
    EXPECT_EQ(vi.find('%'), std::string::npos) << "no format characters in " << vi;
  }
  EXPECT_STREQ(tr(S::PanelLayers, Lang::Vi), "Lớp bản đồ");
  EXPECT_STREQ(tr(S::PanelLayers, Lang::En), "Layers");
  EXPECT_EQ(parse_lang("en"), Lang::En);
  EXPECT_EQ(parse_lang("xx"), Lang::Vi);
}

TEST(Script, ChecksEveryLineBeforeRunning) {
  EXPECT_EQ(Script::parse("# comment\n\npan 1 2\nsearch muong khuong\nquit\n").size(), 3u);
  try {
    Script::parse("pan 1 2\nfrobnicate\n", "t.txt");
    FAIL();
  } catch (const ScriptError& e) {
    EXPECT_NE(std::string(e.what()).find("t.txt:2: unknown command 'frobnicate'"),
              std::string::npos);
  }
  EXPECT_THROW(Script::parse("zoom 2\n"), ScriptError);
  EXPECT_THROW(Script::parse("search\n"), ScriptError);
}

TEST(Script, SearchKeepsItsSpacesAndFailuresAreCounted) {
  AppState st;  // no database: actions are harmless no-ops
  Script s = Script::parse("search muong  khuong\nset-time 2025-13-01 2025-01-01\nquit\n");
  s.step(st);
  EXPECT_EQ(st.search_query(), "muong  khuong");
  s.step(st);
  EXPECT_EQ(s.failures(), 1);
  EXPECT_TRUE(s.step(st).quit);
  EXPECT_TRUE(s.done());
}

}  // namespace
}  // namespace secmap::ui
