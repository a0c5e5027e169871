#include "briefing/deck_export.h"

#include <chrono>
#include <cstdio>

#include "briefing/slide.h"
#include "briefing/slide_page.h"
#include "briefing/view_render.h"
#include "render/map_data.h"
#include "report/pdf_document.h"

namespace secmap::briefing {
namespace {

std::string source_line(store::Database& db) {
  std::string s = "Nguồn / Source: cơ sở dữ liệu secmap " + db.path().filename().string();
  if (db.meta("demo").value_or("0") == "1")
    s += " — DỮ LIỆU MINH HỌA / DEMO DATA (" + db.meta("demo_source").value_or("synthetic") + ")";
  return s;
}

}  // namespace

DeckExportResult export_deck(store::Database& db, const DeckExportOptions& o, std::ostream& log) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<Slide> slides = list_slides(db, o.deck);
  if (slides.empty())
    throw SlideError("deck \"" + o.deck + "\" of " + db.path().string() + " has no slides");
  const render::MapData data = render::load_map_data(db);
  const bool pdf = o.out.extension() == ".pdf" || o.out.extension() == ".PDF";
  const auto [map_w, map_h] = map_pixels(o.width);
  const double dpi = o.width / (kPageWidthMm / 25.4);
  const std::string source = source_line(db);

  DeckExportResult result;
  // A PDF deck is written whole or not at all (report::Document renames it into place on
  // finish; an error drops it).
  std::optional<report::Document> doc;
  if (pdf) {
    doc.emplace(report::Document::pdf(o.out, kPageWidthMm, kPageHeightMm));
  } else {
    std::error_code ec;
    std::filesystem::create_directories(o.out, ec);
    if (!std::filesystem::is_directory(o.out))
      throw SlideError("cannot create the folder " + o.out.string());
  }
  try {
    for (size_t i = 0; i < slides.size(); ++i) {
      const Slide& s = slides[i];
      const bool pub = o.force_public || s.is_public || s.view.public_safe;
      std::vector<PaneImage> panes;
      try {
        panes = render_view(data, s.view, map_w, map_h, pub, false, log);
      } catch (const SlideError& e) {
        throw SlideError("slide " + std::to_string(s.id) + " \"" + s.title + "\": " + e.what());
      }
      PageText text{source, static_cast<int>(i) + 1, static_cast<int>(slides.size()), pub};
      if (pdf) {
        if (i > 0) doc->new_page();
        draw_slide_page(*doc, s, panes, text);
      } else {
        char name[32];
        std::snprintf(name, sizeof name, "slide-%02zu.png", i + 1);
        const auto file = o.out / name;
        auto page = report::Document::png(file, kPageWidthMm, kPageHeightMm, dpi);
        draw_slide_page(page, s, panes, text);
        page.finish();
        result.files.push_back(file);
      }
      result.pages++;
      result.public_pages += pub ? 1 : 0;
      log << "slide " << i + 1 << "/" << slides.size() << ": " << s.title
          << (pub ? " [công khai / public]" : "");
      if (!s.subtitle.empty() && !public_page_shows_subtitle(s, pub))
        log << " (phụ đề nội bộ không in / internal subtitle left out)";
      if (!s.note.empty() && pub) log << " (ghi chú không in / note left out)";
      log << "\n";
    }
    if (pdf) {
      doc->finish();
      result.files.push_back(o.out);
    }
  } catch (...) {
    doc.reset();  // no partial deck
    throw;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return result;
}

}  // namespace secmap::briefing
