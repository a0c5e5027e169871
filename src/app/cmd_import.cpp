// secmap import DB LAYER FILE [--crs EPSG:N] [--map field=column ...] [--layer SRC_LAYER]
#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>

#include "app/commands.h"
#include "io/importer.h"
#include "io/progress.h"
#include "store/database.h"

namespace secmap::app {

int cmd_import(const Args& args) {
  CLI::App app{"Import a vector file (GeoJSON, GeoPackage, Shapefile, KML, CSV) into a layer",
               "secmap import"};
  std::string db_path, layer, file, crs, source_layer;
  std::vector<std::string> maps;
  app.add_option("DB", db_path, "database file (created if missing)")->required();
  app.add_option(
         "LAYER", layer,
         "layer: " +
             [] {
               std::string s;
               for (const auto& n : io::layer_names()) s += (s.empty() ? "" : ", ") + n;
               return s;
             }())
      ->required();
  app.add_option("FILE", file, "vector file to import")->required();
  app.add_option("--crs", crs,
                 "source CRS when the file has none or names the wrong one, e.g. EPSG:9208");
  app.add_option("--map", maps,
                 "field=column: fill our field from that source column (repeatable)");
  app.add_option("--layer", source_layer, "layer inside a multi-layer source (e.g. GeoPackage)");
  std::vector<std::string> argv_rev(args.rbegin(), args.rend());
  try {
    app.parse(argv_rev);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }

  io::ImportOptions opt;
  opt.layer = layer;
  opt.file = file;
  if (!crs.empty()) opt.crs = crs;
  if (!source_layer.empty()) opt.source_layer = source_layer;
  for (const auto& m : maps) {
    const auto eq = m.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == m.size()) {
      std::fprintf(stderr, "secmap import: --map %s: expected field=column\n", m.c_str());
      return 2;
    }
    opt.map[m.substr(0, eq)] = m.substr(eq + 1);
  }
  io::ProgressBar bar("importing " + layer);
  opt.progress = [&](size_t done, size_t total) { bar.update(done, total); };
  try {
    auto db = store::Database::open(db_path, store::Database::Mode::CreateIfMissing);
    const io::ImportReport r = io::import_file(db, opt);
    bar.finish();
    std::printf("imported %zu of %zu features into %s from %s\n", r.imported, r.read, layer.c_str(),
                file.c_str());
    if (!r.source_crs.empty()) std::printf("  source CRS: %s → EPSG:4326\n", r.source_crs.c_str());
    std::printf("  repaired geometries: %zu\n", r.repaired);
    if (r.outside) std::printf("  outside every commune: %zu (kept, flagged)\n", r.outside);
    constexpr size_t kMaxNotes = 20;
    for (size_t i = 0; i < r.notes.size() && i < kMaxNotes; ++i)
      std::printf("  note: %s\n", r.notes[i].c_str());
    if (r.notes.size() > kMaxNotes)
      std::printf("  … and %zu more notes\n", r.notes.size() - kMaxNotes);
    return 0;
  } catch (const std::exception& e) {
    bar.finish();
    std::fprintf(stderr,
                 "secmap import: error: %s\nnothing was imported; the database is unchanged\n",
                 e.what());
    return 1;
  }
}

}  // namespace secmap::app
