// A printable document drawn with cairo: a multi-page PDF, or a single page written as PNG.
// Coordinates and sizes are millimetres from the page's top-left corner. Text goes through a real
// TrueType font (Noto Sans, else DejaVu Sans) loaded with FreeType, after NFC normalisation, so
// Vietnamese with its stacked diacritics prints with the font's precomposed glyphs and a PDF's
// text can be searched and extracted (pdftotext). GL-free; the only module that includes cairo.
#pragma once
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secmap::report {

// Any failure to create, draw or write a document; the message names the file.
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Colour {
  double r = 0, g = 0, b = 0, a = 1;  // 0..1
  static Colour rgb8(uint8_t r, uint8_t g, uint8_t b, uint8_t a = 255) {
    return {r / 255.0, g / 255.0, b / 255.0, a / 255.0};
  }
};

enum class Align { Left, Centre, Right };

struct TextStyle {
  double size_pt = 10;
  bool bold = false;
  Colour colour{};
};

// 8-bit RGBA pixels, rows top to bottom (the layout of io::Image; not owned).
struct ImageView {
  int width = 0, height = 0;
  const uint8_t* rgba = nullptr;
};

// A table: a header row (repeated after a page break) and body rows; cell text wraps within its
// column. Widths in mm; an empty widths list shares the available width equally.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<double> column_widths_mm;
  TextStyle style{9, false, {}};
  double padding_mm = 1.2;
  Colour header_fill{0.88, 0.9, 0.93, 1};
  Colour rule{0.4, 0.4, 0.4, 1};
};

inline constexpr double kA4WidthMm = 210, kA4HeightMm = 297;

class Document {
 public:
  // A PDF file; the first page is open. Throws ReportError when the file cannot be created.
  static Document pdf(const std::filesystem::path& file, double width_mm, double height_mm);
  // One page written as PNG by finish() (an empty path: kept in memory, read with rgba());
  // dpi fixes the pixel size (mm / 25.4 × dpi).
  static Document png(const std::filesystem::path& file, double width_mm, double height_mm,
                      double dpi = 150);

  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;
  ~Document();  // without finish(): no file (the document was not completed)

  double width_mm() const;
  double height_mm() const;
  int page_number() const;  // 1-based number of the open page
  bool is_pdf() const;

  // Ends the open page and starts the next (PDF; throws ReportError for a PNG document). Pages
  // may have their own size.
  void new_page();
  void new_page(double width_mm, double height_mm);

  // Text with its baseline at y. Returns the width drawn (mm).
  double text(double x, double y, std::string_view utf8, const TextStyle& style,
              Align align = Align::Left);
  double text_width(std::string_view utf8, const TextStyle& style) const;
  // Baseline-to-baseline distance for this style (mm).
  double line_height(const TextStyle& style) const;
  // Words wrapped within width; the first baseline is y + the font's ascent. Returns the height
  // used (mm).
  double paragraph(double x, double y, double width, std::string_view utf8, const TextStyle& style,
                   Align align = Align::Left);

  void line(double x0, double y0, double x1, double y1, const Colour& colour,
            double width_mm = 0.3);
  // A filled and/or stroked rectangle.
  void rect(double x, double y, double w, double h, std::optional<Colour> fill,
            std::optional<Colour> stroke = std::nullopt, double stroke_mm = 0.3);
  // A filled and/or stroked closed polygon through the points (mm).
  void polygon(const std::vector<std::pair<double, double>>& points, std::optional<Colour> fill,
               std::optional<Colour> stroke = std::nullopt, double stroke_mm = 0.3);
  // The image scaled to fit inside the box keeping its aspect ratio, centred; returns the
  // rectangle it occupies {x, y, w, h} in mm.
  std::vector<double> image(const ImageView& image, double x, double y, double w, double h);

  // Draws the table from y; breaks to a new page (PDF) when a row would pass bottom_margin_mm
  // from the page bottom, repeating the header. Returns the y below the last row.
  double table(double x, double y, const Table& table, double bottom_margin_mm = 15);

  // The page's pixels as RGBA (PNG documents; throws ReportError for a PDF), e.g. for video
  // frames that are never written as PNG.
  std::vector<uint8_t> rgba(int* width, int* height) const;

  // Ends the document and writes/closes the file. Throws ReportError naming the file.
  void finish();

 private:
  struct Impl;
  explicit Document(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The font files Documents draw with (regular, bold); throws ReportError when none is installed.
std::vector<std::filesystem::path> document_font_files();

}  // namespace secmap::report
