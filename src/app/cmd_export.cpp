// secmap export DB LAYER FILE: the extension picks the format (.geojson .gpkg .shp .kml .csv .gpx).
#include <cstdio>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "io/importer.h"
#include "store/database.h"

namespace secmap::app {

int cmd_export(const Args& args) {
  CLI::App app{"Write a layer to a file; the extension picks the format", "secmap export"};
  std::string db_path, layer, file;
  app.add_option("DB", db_path, "database file")->required();
  app.add_option("LAYER", layer, "layer to write")->required();
  app.add_option("FILE", file, "output: .geojson .gpkg .shp .kml .csv .gpx")->required();
  io::ExportOptions opt;
  app.add_flag("--include-sensitive", opt.include_sensitive,
               "also write sensitive rows: individual incidents, patrols, openings, trails and "
               "records flagged sensitive (internal use only)");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  try {
    auto db = store::Database::open(db_path, store::Database::Mode::OpenExisting);
    const io::ExportReport r = io::export_layer(db, layer, file, opt);
    std::printf("wrote %zu features of %s to %s (%s, EPSG:4326)", r.written, layer.c_str(),
                file.c_str(), r.driver.c_str());
    if (r.withheld)
      std::printf("; %zu sensitive withheld (--include-sensitive for internal use)", r.withheld);
    std::printf("\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secmap export: error: %s\n", e.what());
    return 1;
  }
}

}  // namespace secmap::app
