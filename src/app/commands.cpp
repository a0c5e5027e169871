#include "app/commands.h"

namespace secmap::app {

const std::vector<Command>& commands() {
  static const std::vector<Command> list = {
      {"import", cmd_import, "import a vector file (GeoJSON, GPKG, SHP, KML, CSV) into a layer"},
      {"export", cmd_export, "write a layer to a file; the extension picks the format"},
      {"demo", cmd_demo, "create the demo database (real boundaries + synthetic incidents)"},
      {"render", cmd_render, "render the map headless (EGL) to a PNG"},
      {"map", cmd_map, "open the map window on a database (the last one by default)"},
      {"analyze", cmd_analyze, "hotspots, counts, change vs baseline, plan targets, KDE"},
      {"info", cmd_info, "show schema version and row counts of a database"},
  };
  return list;
}

}  // namespace secmap::app
