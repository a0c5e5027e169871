#include "report/patrol_sheet.h"

#include <algorithm>
#include <cctype>

namespace secmap::report {

void write_patrol_sheet(const std::filesystem::path& file, const PatrolSheet& s,
                        const SheetLayout& L) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext != ".pdf" && ext != ".png")
    throw ReportError(file.string() + ": the patrol sheet is written as .pdf or .png, not \"" +
                      ext + "\"");
  Document doc = ext == ".pdf" ? Document::pdf(file, kSheetWidthMm, kSheetHeightMm)
                               : Document::png(file, kSheetWidthMm, kSheetHeightMm, 150);
  const Colour ink{0.1, 0.1, 0.12, 1}, grey{0.35, 0.35, 0.4, 1};
  doc.text(L.map_x, L.title_y, s.title, {16, true, ink});
  doc.text(L.map_x, L.title_y + 6.5, s.subtitle, {8.5, false, grey});

  // The map, then the routes over it in the same pixel-to-mm scale as the image.
  if (s.map.rgba && s.map.width > 0 && s.map.height > 0) {
    const auto box = doc.image(s.map, L.map_x, L.map_y, L.map_w, L.map_h);
    const double sx = box[2] / s.map.width, sy = box[3] / s.map.height;
    for (const auto& r : s.routes)
      for (size_t i = 1; i < r.map_px.size(); ++i)
        doc.line(box[0] + r.map_px[i - 1].first * sx, box[1] + r.map_px[i - 1].second * sy,
                 box[0] + r.map_px[i].first * sx, box[1] + r.map_px[i].second * sy, r.colour, 0.7);
    doc.rect(box[0], box[1], box[2], box[3], std::nullopt, grey, 0.2);
  }
  double y = L.map_y + L.map_h + 4;
  for (const auto& n : s.notes) y += doc.paragraph(L.map_x, y, L.map_w, n, {7.5, false, ink}) + 1;

  // The route table; a colour swatch in front of each name ties it to its line on the map.
  Table t;
  t.header = {"Tuyến / Route",        "Đơn vị / Unit",        "Phương tiện / Mode",  "km",
              "Thời gian / Duration", "Điểm nóng / Hotspots", "Cửa khẩu / Crossings"};
  t.column_widths_mm = {22, 19, 14, 10, 15, 21, 21};
  t.style = {6.5, false, ink};
  t.padding_mm = 1;
  for (const auto& r : s.routes)
    t.rows.push_back(
        {"    " + r.name, r.unit, r.mode, r.length_km, r.duration, r.hotspots, r.crossings});
  // Rows are drawn one at a time so each swatch sits at its row's top.
  Table head = t;
  head.rows.clear();
  double ty = doc.table(L.table_x, L.table_y, head);
  // One page: rows stop above the footer and the rest are counted.
  const double last_top = kSheetHeightMm - 30;
  size_t drawn = 0;
  for (; drawn < t.rows.size() && ty < last_top; ++drawn) {
    Table one = t;
    one.header.clear();
    one.rows = {t.rows[drawn]};
    doc.rect(L.table_x + 1.2, ty + 1.2, 3, 3, s.routes[drawn].colour, std::nullopt);
    ty = doc.table(L.table_x, ty, one, 0);
  }
  if (drawn < t.rows.size())
    doc.text(L.table_x, ty + 4,
             "+ " + std::to_string(t.rows.size() - drawn) +
                 " tuyến khác trong bảng kế hoạch / more routes in the plan table",
             {7, false, grey});
  if (!s.footer.empty())
    doc.text(kSheetWidthMm - 10, kSheetHeightMm - 6, s.footer, {7, false, grey}, Align::Right);
  doc.finish();
}

}  // namespace secmap::report
