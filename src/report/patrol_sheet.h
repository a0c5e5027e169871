// The one-page patrol sheet (A4 landscape, PDF or PNG): a title in Vietnamese and English, the
// map with the routes drawn over it in their colours, and the route table (name, unit, mode,
// length, duration, hotspot communes, crossings), with notes (what no route covers) below the
// map. The caller renders the map; this file only lays the page out.
#pragma once
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "report/pdf_document.h"

namespace secmap::report {

struct SheetRoute {
  std::string name, unit, mode, length_km, duration, hotspots, crossings;
  Colour colour;
  std::vector<std::pair<double, double>> map_px;  // the route in map-image pixels
};

struct PatrolSheet {
  std::string title;     // "KẾ HOẠCH TUẦN TRA BIÊN GIỚI"
  std::string subtitle;  // window, buffer, data note
  std::string footer;    // classification line
  ImageView map;
  std::vector<SheetRoute> routes;
  std::vector<std::string> notes;
};

// Page regions in mm from the top-left corner (tests look for pixels there).
struct SheetLayout {
  double map_x = 10, map_y = 26, map_w = 150, map_h = 150;
  double table_x = 165, table_y = 26, table_w = 122;
  double title_y = 15;
};
inline constexpr double kSheetWidthMm = 297, kSheetHeightMm = 210;

// By extension: .pdf or .png (150 dpi). Throws ReportError naming the file.
void write_patrol_sheet(const std::filesystem::path& file, const PatrolSheet& sheet,
                        const SheetLayout& layout = {});

}  // namespace secmap::report
