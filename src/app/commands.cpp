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
      {"border", cmd_border, "border segments, crossing statistics, cooperation, patrol coverage"},
      {"patrol", cmd_patrol, "patrol plans: length, duration, hotspots, coverage, GPX, sheet"},
      {"slides", cmd_slides, "briefing slides: list, or export the deck to PDF or PNG pages"},
      {"animate", cmd_animate, "time animation of incidents step by step to GIF or MP4"},
      {"info", cmd_info, "show schema version and row counts of a database"},
      {"audit", cmd_audit, "verify the audit trail's hash chain or list changes"},
      {"edit", cmd_edit, "insert, change or delete one record (validated, versioned, audited)"},
  };
  return list;
}

}  // namespace secmap::app
