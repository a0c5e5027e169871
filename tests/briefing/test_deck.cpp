// Deck export (PDF and PNG pages), the demo deck, side-by-side panes, animations (one GIF frame
// per step) and the `secmap slides` / `secmap animate` commands.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "briefing/animation.h"
#include "briefing/deck_export.h"
#include "briefing/slide.h"
#include "briefing/slide_page.h"
#include "briefing/video_writer.h"
#include "briefing_fixture.h"
#include "demo/demo_builder.h"
#include "io/png.h"
#include "render/style.h"
#include "test_support.h"

namespace secmap::briefing {
namespace {

std::string shell(const std::string& cmd) {
  auto r = test::run_command(cmd);
  EXPECT_EQ(r.exit_code, 0) << cmd << "\n" << r.output;
  return r.output;
}

int pdf_pages(const std::filesystem::path& pdf) {
  const std::string info = shell("pdfinfo '" + pdf.string() + "'");
  auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

// Share of pixels in a page's map box that are map: neither white paper nor the empty map
// background.
double coloured_share(const io::Image& img) {
  size_t coloured = 0, n = 0;
  const int x0 = img.width * 10 / 297, x1 = img.width * 215 / 297;
  const int y0 = img.height * 30 / 167, y1 = img.height * 140 / 167;
  for (int y = y0; y < y1; y += 2)
    for (int x = x0; x < x1; x += 2, ++n) {
      const uint8_t* p = img.pixel(x, y);
      const bool paper = p[0] >= 245 && p[1] >= 245 && p[2] >= 245;
      const bool background =
          std::abs(p[0] - 235) <= 4 && std::abs(p[1] - 240) <= 4 && std::abs(p[2] - 245) <= 4;
      if (!paper && !background) ++coloured;
    }
  return n ? double(coloured) / n : 0;
}

std::filesystem::path fixture_with_slides(const std::string& name) {
  auto path = test::scratch_dir(name) / "deck.sqlite";
  test::build_briefing_fixture(path);
  auto db = store::Database::open(path);
  Slide a;
  a.title = "Tình hình ma túy các xã biên giới";
  a.subtitle = "Nội bộ: vị trí từng vụ việc";
  a.note = "Ghi chú nội bộ: nguồn tin trinh sát";
  a.view.style = "drugfree";
  add_slide(db, a);
  Slide b;
  b.title = "Số vụ việc: quý I so với quý II";
  b.view.style = "count";
  b.view.layers = {"communes", "border"};
  b.view.date_from = "2025-01-01";
  b.view.date_to = "2025-03-31";
  b.view.label = "Quý I";
  b.view.compare = ComparisonWindow{"2025-04-01", "2025-06-30", "Quý II"};
  add_slide(db, b);
  Slide c;
  c.title = "Bản công khai cho Mặt trận Tổ quốc";
  c.subtitle = "Số liệu tổng hợp theo xã";
  c.view.style = "count";
  c.is_public = true;
  add_slide(db, c);
  return path;
}

TEST(Deck, PdfHasAPagePerSlideWithTitlesMapsAndClassification) {
  auto path = fixture_with_slides("deck_pdf");
  auto pdf = path.parent_path() / "deck.pdf";
  auto db = store::Database::open(path);
  std::ostringstream log;
  DeckExportOptions o;
  o.out = pdf;
  o.width = 1280;
  o.height = 720;
  auto r = export_deck(db, o, log);
  EXPECT_EQ(r.pages, 3);
  EXPECT_EQ(r.public_pages, 1);
  ASSERT_TRUE(std::filesystem::exists(pdf));
  EXPECT_FALSE(std::filesystem::exists(pdf.string() + ".partial"));
  EXPECT_EQ(pdf_pages(pdf), 3);
  const std::string text = shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  EXPECT_NE(text.find("Tình hình ma túy các xã biên giới"), std::string::npos) << text;
  EXPECT_NE(text.find("Bản công khai cho Mặt trận Tổ quốc"), std::string::npos);
  EXPECT_NE(text.find("MẬT"), std::string::npos);
  EXPECT_NE(text.find("CÔNG KHAI"), std::string::npos);
  EXPECT_NE(text.find("Trang 3/3"), std::string::npos);
  // Internal pages carry their slide's wording; the public slide its public subtitle.
  EXPECT_NE(text.find("Nội bộ: vị trí từng vụ việc"), std::string::npos) << text;
  EXPECT_NE(text.find("Số liệu tổng hợp theo xã"), std::string::npos) << text;
  EXPECT_NE(text.find("Chú giải"), std::string::npos);
  // Side by side: both pane labels; public page: the suppression rule in its legend.
  EXPECT_NE(text.find("Quý I"), std::string::npos);
  EXPECT_NE(text.find("Quý II"), std::string::npos);
  EXPECT_NE(text.find("Dưới 5 — ẩn"), std::string::npos);
  // Each page, rendered by poppler, has map colours in the map box.
  shell("pdftoppm -r 60 -png '" + pdf.string() + "' '" + (path.parent_path() / "page").string() +
        "'");
  for (int p = 1; p <= 3; ++p) {
    io::Image img = io::read_png(path.parent_path() / ("page-" + std::to_string(p) + ".png"));
    EXPECT_GT(coloured_share(img), 0.2) << "page " << p;
  }
}

// --public: every page public-safe, and none carries an internal slide's subtitle or note (the
// export log names what it left out); a slide written as public keeps its subtitle.
TEST(Deck, APublicDeckCarriesNoInternalWording) {
  auto path = fixture_with_slides("deck_public_text");
  auto pdf = path.parent_path() / "public.pdf";
  auto db = store::Database::open(path);
  std::ostringstream log;
  DeckExportOptions o;
  o.out = pdf;
  o.width = 1280;
  o.height = 720;
  o.force_public = true;
  const auto r = export_deck(db, o, log);
  EXPECT_EQ(r.public_pages, 3);
  const std::string text = shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  EXPECT_NE(text.find("Tình hình ma túy các xã biên giới"), std::string::npos) << text;
  EXPECT_EQ(text.find("Nội bộ: vị trí"), std::string::npos) << text;
  EXPECT_EQ(text.find("vị trí từng vụ việc"), std::string::npos) << text;
  EXPECT_EQ(text.find("nguồn tin trinh sát"), std::string::npos) << text;
  EXPECT_EQ(text.find("MẬT"), std::string::npos) << text;
  EXPECT_NE(text.find("Số liệu tổng hợp theo xã"), std::string::npos) << text;
  EXPECT_NE(log.str().find("internal subtitle left out"), std::string::npos) << log.str();
  EXPECT_NE(log.str().find("note left out"), std::string::npos) << log.str();
}

// The page legend draws the map's own symbols: the international gate is a star there too, not
// a square (a star fills well under two thirds of its bounding box; a square all of it).
TEST(Deck, PageLegendSymbolsAreTheMapsShapes) {
  auto path = test::scratch_dir("deck_symbols") / "deck.sqlite";
  test::build_briefing_fixture(path);
  test::add_public_gate(path);
  auto db = store::Database::open(path);
  Slide a;
  a.title = "Cửa khẩu";
  a.view.style = "drugfree";
  a.view.layers = {"communes", "crossings"};
  add_slide(db, a);
  std::ostringstream log;
  DeckExportOptions o;
  o.out = path.parent_path() / "pages";
  o.width = 1920;
  o.height = 1080;
  const auto r = export_deck(db, o, log);
  ASSERT_EQ(r.files.size(), 1u);
  const io::Image img = io::read_png(r.files[0]);
  const double px_per_mm = img.width / kPageWidthMm;
  const int legend_x0 = static_cast<int>((kMapX + kMapW + 4) * px_per_mm);
  const render::Rgba star = render::crossing_symbol("international_gate").fill;
  int n = 0, x0 = img.width, x1 = -1, y0 = img.height, y1 = -1;
  for (int y = 0; y < img.height; ++y)
    for (int x = legend_x0; x < img.width; ++x) {
      const uint8_t* p = img.pixel(x, y);
      if (std::abs(p[0] - star.r) > 12 || std::abs(p[1] - star.g) > 12 ||
          std::abs(p[2] - star.b) > 12)
        continue;
      ++n, x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
    }
  ASSERT_GT(n, 20) << "no star drawn in the legend";
  const double fill = double(n) / ((x1 - x0 + 1) * (y1 - y0 + 1));
  EXPECT_LT(fill, 0.6) << "the legend's gate symbol fills its box like a square";
  EXPECT_GT(fill, 0.2);
}

TEST(Deck, FolderGetsOnePngPagePerSlideAndPublicFlagHidesPoints) {
  auto path = fixture_with_slides("deck_png");
  auto dir = path.parent_path() / "pages";
  auto db = store::Database::open(path);
  std::ostringstream log;
  DeckExportOptions o;
  o.out = dir;
  o.width = 960;
  o.height = 540;
  o.force_public = true;
  auto r = export_deck(db, o, log);
  ASSERT_EQ(r.files.size(), 3u);
  EXPECT_EQ(r.public_pages, 3);
  for (const auto& f : r.files) {
    io::Image img = io::read_png(f);
    EXPECT_EQ(img.width, 960);
    EXPECT_GT(coloured_share(img), 0.2) << f;
  }
  // Slide 1 shows all layers: internally incidents and trails are drawn, publicly not. The
  // public page equals the page of the same slide without those layers.
  auto first = list_slides(db).front();
  first.view.layers = {"communes", "border", "facilities"};
  update_slide(db, first);
  DeckExportOptions o2 = o;
  o2.out = path.parent_path() / "pages2";
  export_deck(db, o2, log);
  io::Image a = io::read_png(r.files[0]), b = io::read_png(o2.out / "slide-01.png");
  size_t diff = 0;
  for (size_t i = 0; i < a.rgba.size(); ++i) diff += a.rgba[i] != b.rgba[i];
  EXPECT_EQ(diff, 0u);
}

TEST(Deck, EmptyDeckIsAClearError) {
  auto path = test::scratch_dir("deck_empty") / "e.sqlite";
  test::build_briefing_fixture(path);
  auto db = store::Database::open(path);
  std::ostringstream log;
  DeckExportOptions o;
  o.out = path.parent_path() / "x.pdf";
  try {
    export_deck(db, o, log);
    FAIL();
  } catch (const SlideError& e) {
    EXPECT_NE(std::string(e.what()).find("no slides"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(o.out));
}

TEST(Deck, DemoDeckExportsToPdfWithVietnameseTitles) {
  auto dir = test::scratch_dir("demo_deck");
  demo::DemoOptions d;
  d.incidents = 3000;
  demo::build_demo(dir / "demo.sqlite", d);
  const auto list = shell("'" + test::secmap_binary().string() + "' slides '" +
                          (dir / "demo.sqlite").string() + "' list");
  EXPECT_NE(list.find("Tổng quan"), std::string::npos) << list;
  EXPECT_NE(list.find("công khai"), std::string::npos) << list;
  const auto t0 = std::chrono::steady_clock::now();
  const auto out =
      shell("'" + test::secmap_binary().string() + "' slides '" + (dir / "demo.sqlite").string() +
            "' export --out '" + (dir / "deck.pdf").string() + "' --quiet");
  std::cout << "demo deck export: "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()
            << " s; " << out;
  auto db = store::Database::open(dir / "demo.sqlite");
  const auto slides = list_slides(db);
  ASSERT_GE(slides.size(), 3u);
  EXPECT_EQ(pdf_pages(dir / "deck.pdf"), static_cast<int>(slides.size()));
  const std::string text = shell("pdftotext -enc UTF-8 '" + (dir / "deck.pdf").string() + "' -");
  for (const auto& s : slides) {
    // pdftotext may break a long title across lines: look for its first words.
    const std::string head = s.title.substr(0, s.title.find(' ', 20));
    EXPECT_NE(text.find(head), std::string::npos) << head << "\n" << text;
  }
  shell("pdftoppm -r 50 -png '" + (dir / "deck.pdf").string() + "' '" + (dir / "p").string() + "'");
  for (size_t p = 1; p <= slides.size(); ++p) {
    io::Image img = io::read_png(dir / ("p-" + std::to_string(p) + ".png"));
    EXPECT_GT(coloured_share(img), 0.1) << "page " << p;
  }
}

TEST(Animation, GifHasOneFramePerStep) {
  auto path = test::scratch_dir("anim") / "a.sqlite";
  test::build_briefing_fixture(path);
  auto db = store::Database::open(path);
  const render::MapData data = render::load_map_data(db);
  AnimationOptions o;
  o.out = path.parent_path() / "weeks.gif";
  o.from = "2025-01-01";
  o.to = "2025-03-31";  // 90 days
  o.step_days = parse_step("2w");
  o.width = 480;
  o.height = 270;
  o.view.bbox_lonlat = geo::BBox{103.95, 21.95, 104.25, 22.25};
  std::ostringstream log;
  auto r = write_animation(data, o, log);
  EXPECT_EQ(r.frames, 7);  // 14-day steps: 1 Jan, 15 Jan, … 26 Mar
  EXPECT_EQ(frame_count(o.from, o.to, 14), 7);
  EXPECT_EQ(gif_frame_count(o.out), 7);
  EXPECT_EQ(frame_count("2025-01-01", "2025-01-07", 7), 1);
  EXPECT_EQ(frame_count("2025-01-01", "2025-01-08", 7), 2);
  EXPECT_EQ(parse_step("7d"), 7);
  EXPECT_THROW(parse_step("7x"), SlideError);
  EXPECT_THROW(parse_step("0d"), SlideError);
}

TEST(Animation, Mp4NeedsFfmpegOrSaysSo) {
  auto path = test::scratch_dir("anim_mp4") / "a.sqlite";
  test::build_briefing_fixture(path);
  auto db = store::Database::open(path);
  const render::MapData data = render::load_map_data(db);
  AnimationOptions o;
  o.out = path.parent_path() / "weeks.mp4";
  o.from = "2025-01-01";
  o.to = "2025-01-21";
  o.width = 320;
  o.height = 180;
  std::ostringstream log;
  if (!have_ffmpeg()) {
    try {
      write_animation(data, o, log);
      FAIL() << "expected an error without ffmpeg";
    } catch (const SlideError& e) {
      EXPECT_NE(std::string(e.what()).find("ffmpeg"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(o.out));
    return;
  }
  EXPECT_EQ(write_animation(data, o, log).frames, 3);
  const std::string n = shell(
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=nb_read_frames -of csv=p=0 '" +
      o.out.string() + "'");
  EXPECT_EQ(std::stoi(n), 3);
}

TEST(Cli, AnimateAndSlidesErrors) {
  auto path = test::scratch_dir("cli_anim") / "a.sqlite";
  test::build_briefing_fixture(path);
  const std::string bin = "'" + test::secmap_binary().string() + "' ";
  const std::string db = "'" + path.string() + "' ";
  auto ok = test::run_command(bin + "animate " + db +
                              "--from 2025-01-01 --to 2025-01-31 --step 7d "
                              "--size 320x180 --public -q --out '" +
                              (path.parent_path() / "m.gif").string() + "'");
  ASSERT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_EQ(gif_frame_count(path.parent_path() / "m.gif"), 5);
  auto bad_date =
      test::run_command(bin + "animate " + db + "--from 2025-13-01 --to 2025-01-31 --out x.gif");
  EXPECT_NE(bad_date.exit_code, 0);
  EXPECT_NE(bad_date.output.find("2025-13-01"), std::string::npos) << bad_date.output;
  auto bad_ext =
      test::run_command(bin + "animate " + db + "--from 2025-01-01 --to 2025-01-31 --out x.avi");
  EXPECT_NE(bad_ext.exit_code, 0);
  EXPECT_NE(bad_ext.output.find(".gif or .mp4"), std::string::npos) << bad_ext.output;
  auto bad_size = test::run_command(bin + "slides " + db + "export --out x.pdf --size 9000x9000");
  EXPECT_NE(bad_size.exit_code, 0);
  EXPECT_NE(bad_size.output.find("7680x4320"), std::string::npos) << bad_size.output;
}

}  // namespace
}  // namespace secmap::briefing
