// The cairo document: Vietnamese text survives into the PDF (pdftotext), pages, tables that
// break across pages, images placed at scale, and the single-page PNG form.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/png.h"
#include "report/pdf_document.h"
#include "test_support.h"

namespace secmap::report {
namespace {

std::string pdf_text(const std::filesystem::path& pdf) {
  auto r = test::run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

int pdf_pages(const std::filesystem::path& pdf) {
  auto r = test::run_command("pdfinfo '" + pdf.string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  auto at = r.output.find("Pages:");
  if (at == std::string::npos) return -1;
  return std::stoi(r.output.substr(at + 6));
}

TEST(PdfDocument, VietnameseTextIsExtractableWithDiacritics) {
  auto dir = test::scratch_dir("pdf_text");
  auto file = dir / "vi.pdf";
  {
    Document doc = Document::pdf(file, kA4WidthMm, kA4HeightMm);
    doc.text(20, 30, "Tình hình an ninh trật tự xã Mường Khương", {16, true, {}});
    // Decomposed input (e + combining marks) must come out as the precomposed letters.
    doc.text(20, 50, "Bát Xát: tro\xCC\xA3ng \xC4\x91i\xC3\xAA\xCC\x89m", {11, false, {}});
    doc.finish();
  }
  std::string t = pdf_text(file);
  EXPECT_NE(t.find("Tình hình an ninh trật tự xã Mường Khương"), std::string::npos) << t;
  EXPECT_NE(t.find("trọng điểm"), std::string::npos) << t;
  EXPECT_EQ(pdf_pages(file), 1);
}

TEST(PdfDocument, PagesAndTableBreakRepeatHeader) {
  auto dir = test::scratch_dir("pdf_table");
  auto file = dir / "table.pdf";
  Table t;
  t.header = {"Xã", "Số vụ", "Ghi chú"};
  t.column_widths_mm = {60, 30, 80};
  for (int i = 0; i < 120; ++i)
    t.rows.push_back({"Xã số " + std::to_string(i), std::to_string(i * 3),
                      "một ghi chú khá dài để kiểm tra việc xuống dòng trong ô của bảng"});
  {
    Document doc = Document::pdf(file, kA4WidthMm, kA4HeightMm);
    double y = doc.table(20, 20, t);
    EXPECT_GT(doc.page_number(), 1) << "120 wrapped rows cannot fit one A4 page";
    EXPECT_LT(y, kA4HeightMm);
    int pages = doc.page_number();
    doc.new_page(297, 210);  // a landscape page after portrait ones
    EXPECT_EQ(doc.page_number(), pages + 1);
    EXPECT_DOUBLE_EQ(doc.width_mm(), 297);
    doc.finish();
    std::string txt = pdf_text(file);
    EXPECT_EQ(pdf_pages(file), pages + 1);
    // The header is repeated on each page the table spans.
    size_t n = 0;
    for (size_t at = txt.find("Ghi chú"); at != std::string::npos; at = txt.find("Ghi chú", at + 1))
      ++n;
    EXPECT_EQ(n, static_cast<size_t>(pages));
    EXPECT_NE(txt.find("Xã số 119"), std::string::npos);
  }
}

TEST(PdfDocument, PngPageHasTextAndScaledImage) {
  auto dir = test::scratch_dir("png_page");
  auto file = dir / "page.png";
  // A 4x2 image: left half red, right half blue, drawn into a 40x40 mm box at 100 dpi.
  std::vector<uint8_t> px(4 * 2 * 4);
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 4; ++x) {
      uint8_t* p = &px[(y * 4 + x) * 4];
      p[0] = x < 2 ? 255 : 0, p[1] = 0, p[2] = x < 2 ? 0 : 255, p[3] = 255;
    }
  {
    Document doc = Document::png(file, 100, 60, 100);
    auto r = doc.image({4, 2, px.data()}, 10, 10, 40, 40);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_NEAR(r[2], 40, 1e-9);  // fits the width
    EXPECT_NEAR(r[3], 20, 1e-9);  // keeps the 2:1 aspect
    EXPECT_NEAR(r[1], 20, 1e-9);  // centred vertically
    doc.text(60, 30, "Lào Cai", {12, true, {}});
    EXPECT_THROW(doc.new_page(), ReportError);
    doc.finish();
  }
  io::Image img = io::read_png(file);
  EXPECT_EQ(img.width, 394);  // 100 mm at 100 dpi
  EXPECT_EQ(img.height, 236);
  auto at_mm = [&](double x, double y) {
    return img.pixel(int(x / 25.4 * 100), int(y / 25.4 * 100));
  };
  const uint8_t* red = at_mm(20, 30);
  EXPECT_GT(red[0], 200);
  EXPECT_LT(red[2], 60);
  const uint8_t* blue = at_mm(40, 30);
  EXPECT_LT(blue[0], 60);
  EXPECT_GT(blue[2], 200);
  const uint8_t* paper = at_mm(20, 15);  // above the letterboxed image
  EXPECT_GT(paper[0] + paper[1] + paper[2], 3 * 250);
  // The text left dark pixels right of x = 60 mm.
  int dark = 0;
  for (int y = int(24 / 25.4 * 100); y < int(31 / 25.4 * 100); ++y)
    for (int x = int(60 / 25.4 * 100); x < int(90 / 25.4 * 100); ++x)
      if (img.pixel(x, y)[0] < 100) ++dark;
  EXPECT_GT(dark, 50);
}

TEST(PdfDocument, UnwritableFileIsAClearError) {
  try {
    Document doc = Document::pdf("/nonexistent-dir/x.pdf", 100, 100);
    doc.finish();
    FAIL() << "expected ReportError";
  } catch (const ReportError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.pdf"), std::string::npos) << e.what();
  }
}

TEST(PdfDocument, TextWidthGrowsWithSizeAndParagraphWraps) {
  auto dir = test::scratch_dir("pdf_measure");
  Document doc = Document::pdf(dir / "m.pdf", 100, 100);
  double w10 = doc.text_width("Phòng chống ma túy", {10, false, {}});
  double w20 = doc.text_width("Phòng chống ma túy", {20, false, {}});
  EXPECT_GT(w10, 5);
  EXPECT_NEAR(w20, 2 * w10, 0.05 * w10);
  double one = doc.line_height({10, false, {}});
  double h = doc.paragraph(
      5, 5, w10 * 1.5, "Phòng chống ma túy Phòng chống ma túy Phòng chống ma túy", {10, false, {}});
  EXPECT_NEAR(h, 3 * one, 1e-6);
  EXPECT_FALSE(document_font_files().empty());
}

}  // namespace
}  // namespace secmap::report
