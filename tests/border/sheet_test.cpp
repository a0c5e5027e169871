// The patrol sheet through `secmap patrol DB sheet`: the PDF renders with pdftoppm, with map
// pixels in the map box, text pixels in the table and title, and pdftotext finds the Vietnamese
// title with its diacritics; the PNG sheet has the same layout.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "border_fixture.h"
#include "io/png.h"
#include "io/route_file.h"

namespace secmap::border {
namespace {

using namespace testing;
namespace fs = std::filesystem;

// Share of pixels in a box (mm on the A4 landscape page) that are painted (not paper white),
// dark (text) or coloured (neither white nor grey).
struct BoxStats {
  double dark = 0, coloured = 0, painted = 0;
};
BoxStats stats(const io::Image& img, double x_mm, double y_mm, double w_mm, double h_mm) {
  const double px_per_mm = img.width / 297.0;
  const int x0 = int(x_mm * px_per_mm), y0 = int(y_mm * px_per_mm);
  const int x1 = int((x_mm + w_mm) * px_per_mm), y1 = int((y_mm + h_mm) * px_per_mm);
  size_t n = 0, dark = 0, colour = 0, painted = 0;
  for (int y = y0; y < y1 && y < img.height; ++y)
    for (int x = x0; x < x1 && x < img.width; ++x) {
      const uint8_t* p = img.pixel(x, y);
      ++n;
      if (p[0] + p[1] + p[2] < 3 * 110) ++dark;
      if (p[0] + p[1] + p[2] < 3 * 248) ++painted;
      if (std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 40) ++colour;
    }
  const auto share = [n](size_t k) { return n ? double(k) / double(n) : 0.0; };
  return {share(dark), share(colour), share(painted)};
}

io::Image read_ppm(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::string magic;
  int w = 0, h = 0, maxv = 0;
  in >> magic >> w >> h >> maxv;
  in.get();
  io::Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(size_t(w) * size_t(h) * 4);
  for (size_t i = 0; i < size_t(w) * size_t(h); ++i) {
    char rgb[3];
    in.read(rgb, 3);
    for (int c = 0; c < 3; ++c) img.rgba[i * 4 + size_t(c)] = uint8_t(rgb[c]);
    img.rgba[i * 4 + 3] = 255;
  }
  return img;
}

struct Sheet : ::testing::Test {
  RefProj proj;
  fs::path dir = secmap::test::scratch_dir("border_sheet");
  fs::path db_path = dir / "t.sqlite";
  void SetUp() override {
    auto db = store::Database::open(db_path, store::Database::Mode::CreateIfMissing);
    add_commune_m(db, proj, "00001", kX0, kX0 + 20000, kY0 - 15000, kY0);
    add_commune_m(db, proj, "00002", kX0 + 20000, kX0 + kLen, kY0 - 15000, kY0);
    add_border_m(db, proj, {{kX0, kY0}, {kX0 + kLen, kY0}});
    add_crossing_m(db, proj, "Cửa khẩu Mường Khương", {kX0 + 2500, kY0 - 1}, "main_gate", "00001");
    std::vector<io::RouteRecord> plan = {
        {"Tuyến Bản Lầu", "Đồn Biên phòng Bản Lầu", "foot", "planned", "", "",
         proj.to_ll(std::vector<geo::Point>{{kX0 - 500, kY0 - 300}, {kX0 + 12000, kY0 - 600}})},
        {"Tuyến Pha Long", "Đồn Biên phòng Pha Long", "motorbike", "planned", "", "",
         proj.to_ll(std::vector<geo::Point>{{kX0 + 19500, kY0 - 900}, {kX0 + 30500, kY0 - 300}})}};
    io::write_routes(dir / "plan.geojson", plan);
  }
  test::CommandResult sheet(const fs::path& out) const {
    return test::run_command(secmap::test::secmap_binary().string() + " patrol " +
                             db_path.string() + " sheet --routes " +
                             (dir / "plan.geojson").string() +
                             " --from 2025-01-01 --to 2025-12-31 --out " + out.string() + " 2>&1");
  }
};

TEST_F(Sheet, PdfRendersWithMapTableAndVietnameseText) {
  const auto pdf = dir / "sheet.pdf";
  const auto r = sheet(pdf);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto ppm = test::run_command("pdftoppm -r 100 -singlefile -f 1 -l 1 " + pdf.string() + " " +
                                     (dir / "page").string() + " 2>&1");
  ASSERT_EQ(ppm.exit_code, 0) << ppm.output;
  const auto img = read_ppm(dir / "page.ppm");
  ASSERT_GT(img.width, img.height);  // landscape
  EXPECT_NEAR(double(img.width) / img.height, 297.0 / 210.0, 0.01);
  // Map box (10, 26, 150 × 150 mm): sea and commune fills paint it all; the routes and the
  // border line are coloured (the fixture's communes have no status, so they are grey).
  const auto map = stats(img, 12, 28, 146, 146);
  EXPECT_GT(map.painted, 0.9) << "map pixels";
  EXPECT_GT(map.coloured, 0.003) << "route pixels";
  // Table (from 165 mm): header and two rows of dark text.
  const auto table = stats(img, 165, 26, 122, 30);
  EXPECT_GT(table.dark, 0.02) << "table text";
  // Title line.
  EXPECT_GT(stats(img, 10, 9, 150, 8).dark, 0.03) << "title text";
  // Empty margin below the table stays white.
  const auto margin = stats(img, 170, 120, 110, 40);
  EXPECT_LT(margin.dark, 0.002);
  EXPECT_LT(margin.coloured, 0.002);

  const auto text = test::run_command("pdftotext -enc UTF-8 " + pdf.string() + " - 2>&1");
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.output.find("KẾ HOẠCH TUẦN TRA BIÊN GIỚI"), std::string::npos) << text.output;
  // Table cells wrap: compare with runs of white space collapsed to one space.
  const std::string flat = std::regex_replace(text.output, std::regex("\\s+"), " ");
  EXPECT_NE(flat.find("Đồn Biên phòng Bản Lầu"), std::string::npos) << flat;
  EXPECT_NE(flat.find("Cửa khẩu Mường Khương"), std::string::npos) << flat;
  // Only one page.
  const auto info = test::run_command("pdfinfo " + pdf.string() + " 2>&1");
  EXPECT_TRUE(std::regex_search(info.output, std::regex("Pages:\\s+1\\n"))) << info.output;
}

TEST_F(Sheet, PngSheetAndBadExtension) {
  const auto png = dir / "sheet.png";
  const auto r = sheet(png);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto img = io::read_png(png);
  EXPECT_NEAR(double(img.width) / img.height, 297.0 / 210.0, 0.01);
  EXPECT_GT(stats(img, 12, 28, 146, 146).painted, 0.9);
  EXPECT_GT(stats(img, 12, 28, 146, 146).coloured, 0.003);
  EXPECT_GT(stats(img, 165, 26, 122, 30).dark, 0.02);
  const auto bad = sheet(dir / "sheet.svg");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("sheet.svg"), std::string::npos) << bad.output;
}

}  // namespace
}  // namespace secmap::border
