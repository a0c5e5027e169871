// secmap slides DB list|export: the briefing deck stored in the database, listed or exported to
// one PDF (a page per slide) or a folder of PNG pages.
#include <cstdio>
#include <iostream>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "briefing/deck_export.h"
#include "briefing/slide.h"
#include "briefing/view_render.h"
#include "store/database.h"

namespace secmap::app {

int cmd_slides(const Args& args) {
  CLI::App app{"Briefing slides stored in the database: list them or export the deck",
               "secmap slides"};
  app.require_subcommand(1);
  std::string db_path, deck = "default", out, size = "1920x1080";
  bool force_public = false, quiet = false;
  app.add_option("DB", db_path, "secmap database")->required();
  auto* list = app.add_subcommand("list", "list the slides of a deck");
  list->add_option("--deck", deck, "deck name (default: default)");
  auto* exp = app.add_subcommand(
      "export", "export the deck: FILE.pdf (a page per slide) or a folder of PNG pages");
  exp->add_option("--out", out, "FILE.pdf or a folder")->required();
  exp->add_option("--deck", deck, "deck name (default: default)");
  exp->add_option("--size", size,
                  "page size in pixels WxH for PNGs, map resolution for the PDF (default "
                  "1920x1080, at most 7680x4320)");
  exp->add_flag("--public", force_public,
                "render every slide public-safe (slides marked public always are)");
  exp->add_flag("--quiet,-q", quiet, "no progress lines");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  auto fail = [](const std::string& msg) {
    std::fprintf(stderr, "secmap slides: %s\n", msg.c_str());
    return 1;
  };
  try {
    auto db = store::Database::open(db_path);
    if (list->parsed()) {
      const auto slides = briefing::list_slides(db, deck);
      if (slides.empty()) std::printf("deck \"%s\": no slides\n", deck.c_str());
      for (const auto& s : slides) {
        const auto& v = s.view;
        std::printf("%2d  id %-4lld %-10s %-9s %-23s %s%s\n", s.position + 1,
                    static_cast<long long>(s.id),
                    s.is_public || v.public_safe ? "công khai" : "nội bộ", v.style.c_str(),
                    briefing::window_text(v.date_from, v.date_to).c_str(), s.title.c_str(),
                    v.compare ? "  [so sánh / side by side]" : "");
      }
      return 0;
    }
    briefing::DeckExportOptions o;
    o.out = out;
    o.deck = deck;
    o.force_public = force_public;
    std::tie(o.width, o.height) = briefing::parse_size(size);
    std::ostringstream sink;
    auto r = briefing::export_deck(db, o, quiet ? static_cast<std::ostream&>(sink) : std::cerr);
    std::printf("%d slides (%d public-safe) → %s in %.1f s\n", r.pages, r.public_pages, out.c_str(),
                r.seconds);
    return 0;
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace secmap::app
