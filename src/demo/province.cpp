#include "demo/province.h"

#include <cmath>
#include <string>

#include "demo/calendar.h"
#include "io/importer.h"
#include "model/communes.h"
#include "model/layer_records.h"

namespace secmap::demo {

namespace {

void read_communes(store::Database& db, World& w) {
  for (model::CommuneRecord& r : model::load_commune_records(db)) {
    CommuneInfo c;
    c.id = r.id;
    c.code = std::move(r.details.code);
    c.name = std::move(r.details.name);
    c.full_name = r.details.full_name.empty() ? c.name : std::move(r.details.full_name);
    c.kind = std::move(r.details.kind);
    c.province = std::move(r.details.province_name);
    c.geom = std::move(r.geom);
    c.bbox = c.geom.bbox();
    w.communes.push_back(std::move(c));
  }
}

void read_border(store::Database& db, World& w) {
  for (model::BorderLineRecord& r : model::load_border_lines(db))
    for (auto& l : r.line.lines) w.border.push_back(std::move(l));
}

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// Fictional commune names for the synthetic province (all end in "(minh họa)" on the map).
const char* const kSyntheticNames[] = {
    "Suối Mây",   "Đá Trắng",   "Nậm Sương", "Pà Lùng",  "Cốc Mai",  "Lũng Sáo",
    "Bản Gió",    "Hồ Thông",   "Khe Lau",   "Tả Mơ",    "Phìn Hoa", "Sà Pín",
    "Nà Lộc",     "Mỏ Đồng",    "Lao Mây",   "Chu Sơn",  "Vàng Lá",  "Thác Bạc",
    "Bình Lư",    "Nậm Cát",    "Pờ Ly",     "Xín Trải", "Hữu Mai",  "Tân Vân",
    "Lùng Khoai", "Đồng Sương", "Cán Hồ",    "Ngải Ma",  "Tà Chải",  "Mường Vi"};

}  // namespace

void load_real_province(store::Database& db, const std::filesystem::path& realdata, World& w) {
  io::ImportOptions communes;
  communes.layer = "communes";
  communes.file = realdata / kCommunesFile;
  communes.source_label =
      "thanglequoc/vietnamese-provinces-database (sapnhap.bando.com.vn), 2025 units; "
      "population synthetic (demo)";
  io::import_file(db, communes);

  io::ImportOptions border;
  border.layer = "border";
  border.file = realdata / kBorderFile;
  border.source_label = "derived from the 2025 commune polygons (realdata SOURCES.md §3b)";
  io::import_file(db, border);

  // Imported rows carry the import time; the demo's rows must not, so that the same seed
  // always gives the same table contents.
  db.exec(std::string("UPDATE communes SET updated_at = '") + kDemoTimestamp +
          "', updated_by = 'secmap demo'; UPDATE border_line SET updated_at = '" + kDemoTimestamp +
          "', updated_by = 'secmap demo';");
  read_communes(db, w);
  read_border(db, w);
  w.real = true;
}

void make_synthetic_province(store::Database& db, World& w, Rng& rng) {
  constexpr int kCols = 6, kRows = 5, kTopSteps = 5;
  constexpr double kLon0 = 103.75, kLat0 = 22.13, kDx = 0.1, kDy = 0.08;
  // Grid vertices, jittered inside and along the outer edges so the cells still tile.
  std::vector<std::vector<geo::Point>> v(kRows + 1, std::vector<geo::Point>(kCols + 1));
  for (int r = 0; r <= kRows; ++r)
    for (int c = 0; c <= kCols; ++c) {
      const bool edge_x = c == 0 || c == kCols, edge_y = r == 0 || r == kRows;
      const double jx = edge_x ? 0 : rng.uniform(-0.25, 0.25) * kDx;
      const double jy = edge_y ? 0 : rng.uniform(-0.25, 0.25) * kDy;
      v[r][c] = {kLon0 + c * kDx + jx, kLat0 + r * kDy + jy};
    }
  // The north edge is the border: a wiggly polyline shared by the top row and the border line.
  geo::LineString north;
  for (int c = 0; c < kCols; ++c)
    for (int k = 0; k < kTopSteps; ++k) {
      const double x = kLon0 + (c + static_cast<double>(k) / kTopSteps) * kDx;
      const double y =
          kLat0 + kRows * kDy + 0.012 * std::sin(x * 47.0) + rng.uniform(-0.004, 0.004);
      north.push_back({x, y});
    }
  north.push_back({kLon0 + kCols * kDx, kLat0 + kRows * kDy});
  for (int c = 0; c <= kCols; ++c) v[kRows][c] = north[static_cast<size_t>(c * kTopSteps)];

  const std::string xa = w.codes->pick("commune_kinds", "xa", 0);
  const std::string phuong = w.codes->pick("commune_kinds", "phuong", 1);
  auto ins = db.prepare(
      "INSERT INTO communes (code, name, full_name, name_en, kind, province_code, province_name, "
      "valid_from, source, is_demo, updated_at, updated_by, geom) VALUES "
      "(?, ?, ?, ?, ?, 'MH', 'Tỉnh Minh Họa (giả lập)', '2025-07-01', ?, 1, ?, 'secmap demo', "
      "CastToMultiPolygon(GeomFromWKB(?, 4326)))");
  int n = 0;
  for (int r = 0; r < kRows; ++r)
    for (int c = 0; c < kCols; ++c, ++n) {
      geo::Ring ring{v[r][c], v[r][c + 1], v[r + 1][c + 1]};
      if (r == kRows - 1)  // top row: follow the wiggly border from east to west
        for (int k = kTopSteps - 1; k > 0; --k)
          ring.push_back(north[static_cast<size_t>(c * kTopSteps + k)]);
      ring.push_back(v[r + 1][c]);
      ring.push_back(v[r][c]);
      const bool urban = (r == 3 && (c == 2 || c == 3)) || (r == 2 && c == 3);
      char code[16];
      std::snprintf(code, sizeof code, "MH%03d", n + 1);
      const std::string name = std::string(kSyntheticNames[n]) + " (minh họa)";
      const auto wkb = geo::to_wkb(geo::Geometry::multi_polygon({geo::Polygon{{ring}}}));
      ins.reset();
      ins.bind(1, code)
          .bind(2, name)
          .bind(3, std::string(urban ? "Phường " : "Xã ") + name)
          .bind(4, std::string(kSyntheticNames[n]) + " (synthetic)")
          .bind(5, urban ? phuong : xa)
          .bind(6, w.source_note)
          .bind(7, kDemoTimestamp)
          .bind_blob(8, wkb.data(), wkb.size());
      ins.run();
    }
  const auto line = geo::to_wkb(geo::Geometry::multi_line({north}));
  auto b = db.prepare(
      "INSERT INTO border_line (name, source, is_demo, updated_at, updated_by, geom) VALUES "
      "('Đường biên giới giả lập (Tỉnh Minh Họa) — synthetic border', ?, 1, ?, 'secmap demo', "
      "CastToMultiLineString(GeomFromWKB(?, 4326)))");
  b.bind(1, w.source_note).bind(2, kDemoTimestamp).bind_blob(3, line.data(), line.size()).run();
  read_communes(db, w);
  read_border(db, w);
  w.real = false;
}

void finish_communes(store::Database& db, World& w, Rng& rng) {
  std::vector<geo::Geometry> polys;
  for (const auto& c : w.communes) polys.push_back(c.geom);
  w.locator = std::make_unique<geo::PointLocator>(polys);
  w.walk = std::make_unique<BorderWalk>(w.border);
  w.walk->assign_sides(*w.locator);

  const std::string xa = w.codes->pick("commune_kinds", "xa", 0);
  const std::string phuong = w.codes->pick("commune_kinds", "phuong", 1);
  for (size_t i = 0; i < w.communes.size(); ++i) {
    auto& c = w.communes[i];
    // Kind from the official full name when the import left it empty or unknown.
    if (c.kind.empty() || !w.codes->has("commune_kinds", c.kind))
      c.kind = starts_with(c.full_name, "Phường") ? phuong : xa;
    c.urban = c.kind == phuong;
    // Centre: the inside sample nearest the mean of inside samples.
    std::vector<geo::Point> inside;
    for (int k = 0; k < 400 && inside.size() < 60; ++k) {
      const geo::Point p{rng.uniform(c.bbox.min_x, c.bbox.max_x),
                         rng.uniform(c.bbox.min_y, c.bbox.max_y)};
      if (w.locator->locate(p) == static_cast<int>(i)) inside.push_back(p);
    }
    if (inside.empty())
      inside.push_back({(c.bbox.min_x + c.bbox.max_x) / 2, (c.bbox.min_y + c.bbox.max_y) / 2});
    geo::Point mean{0, 0};
    for (auto p : inside)
      mean.x += p.x / static_cast<double>(inside.size()),
          mean.y += p.y / static_cast<double>(inside.size());
    c.centre = inside[0];
    for (auto p : inside)
      if (metres_between(p, mean) < metres_between(c.centre, mean)) c.centre = p;
    const double w_m = metres_between({c.bbox.min_x, c.centre.y}, {c.bbox.max_x, c.centre.y});
    const double h_m = metres_between({c.centre.x, c.bbox.min_y}, {c.centre.x, c.bbox.max_y});
    c.area_km2 = w_m * h_m * 1e-6 * 0.6;  // rough; only used to weight background incidents
    // Plausible sizes after the 2025 mergers: phường 10–30k, xã 3–12k inhabitants.
    c.population = c.urban ? rng.range(10000, 30000) : rng.range(3000, 12000);
  }
  for (const auto& s : w.walk->segments())
    for (int side : {s.left, s.right, s.near_left, s.near_right})
      if (side >= 0) w.communes[static_cast<size_t>(side)].is_border = true;

  auto up = db.prepare(
      "UPDATE communes SET kind = ?, population = ?, is_border = ?, updated_at = ?, "
      "updated_by = 'secmap demo' WHERE id = ?");
  for (const auto& c : w.communes) {
    up.reset();
    up.bind(1, c.kind)
        .bind(2, c.population)
        .bind(3, c.is_border ? 1 : 0)
        .bind(4, kDemoTimestamp)
        .bind(5, c.id);
    up.run();
  }
}

}  // namespace secmap::demo
