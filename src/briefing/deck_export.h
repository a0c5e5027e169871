// Exporting a deck: one PDF with a page per slide, or a folder with one PNG page per slide
// (the same layout). A slide marked public, or a view marked public, is always rendered
// public-safe; force_public renders every slide so.
#pragma once
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "store/database.h"

namespace secmap::briefing {

struct DeckExportOptions {
  std::filesystem::path out;  // FILE.pdf, or a folder for PNGs
  std::string deck = "default";
  bool force_public = false;
  int width = 1920, height = 1080;  // PNG page size; a PDF's maps get the same resolution
};

struct DeckExportResult {
  std::vector<std::filesystem::path> files;  // the PDF, or the PNGs in slide order
  int pages = 0;
  int public_pages = 0;
  double seconds = 0;
};

// Throws SlideError (no slides, bad view), report::ReportError or render errors naming the
// slide and file. Nothing is left half-written at `out` for a PDF (written beside, renamed).
DeckExportResult export_deck(store::Database& db, const DeckExportOptions& options,
                             std::ostream& log);

}  // namespace secmap::briefing
