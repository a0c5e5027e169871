#include "report/pdf_document.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

#include "files/atomic_output.h"
#include "text/unicode.h"

namespace secmap::report {
namespace {

constexpr double kPtPerMm = 72.0 / 25.4;

const char* const kRegularFonts[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                     "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* const kBoldFonts[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};

std::optional<std::filesystem::path> first_existing(const char* const* list, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (std::filesystem::exists(list[i])) return std::filesystem::path(list[i]);
  return std::nullopt;
}

// FreeType faces and their cairo font faces live for the whole process: cairo keeps font faces
// cached across surfaces, and loading a font per document would be wasteful.
struct Fonts {
  cairo_font_face_t* regular = nullptr;
  cairo_font_face_t* bold = nullptr;
  std::vector<std::filesystem::path> files;
};

cairo_font_face_t* load_face(FT_Library lib, const std::filesystem::path& file) {
  FT_Face face = nullptr;
  if (FT_New_Face(lib, file.c_str(), 0, &face) != 0)
    throw ReportError("cannot load font " + file.string());
  cairo_font_face_t* cf = cairo_ft_font_face_create_for_ft_face(face, 0);
  static const cairo_user_data_key_t key{};
  // The FT_Face is released together with the cairo face.
  cairo_font_face_set_user_data(cf, &key, face,
                                [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
  return cf;
}

const Fonts& fonts() {
  static std::once_flag once;
  static Fonts f;
  static std::string error;
  std::call_once(once, [] {
    auto reg = first_existing(kRegularFonts, std::size(kRegularFonts));
    auto bold = first_existing(kBoldFonts, std::size(kBoldFonts));
    if (!reg) {
      error = "no Vietnamese-capable font: install fonts-noto-core or fonts-dejavu-core";
      return;
    }
    if (!bold) bold = reg;
    static FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) {
      error = "cannot initialise FreeType";
      return;
    }
    try {
      f.regular = load_face(lib, *reg);
      f.bold = load_face(lib, *bold);
      f.files = {*reg, *bold};
    } catch (const ReportError& e) {
      error = e.what();
    }
  });
  if (!f.regular) throw ReportError(error);
  return f;
}

void set_colour(cairo_t* cr, const Colour& c) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a);
}

// Fills and/or strokes the current path, then clears it.
void fill_and_stroke(cairo_t* cr, const std::optional<Colour>& fill,
                     const std::optional<Colour>& stroke, double stroke_mm) {
  if (fill) {
    set_colour(cr, *fill);
    if (stroke)
      cairo_fill_preserve(cr);
    else
      cairo_fill(cr);
  }
  if (stroke) {
    set_colour(cr, *stroke);
    cairo_set_line_width(cr, stroke_mm);
    cairo_stroke(cr);
  }
  cairo_new_path(cr);
}

}  // namespace

std::vector<std::filesystem::path> document_font_files() {
  return fonts().files;
}

struct Document::Impl {
  std::filesystem::path file;
  // Where the file is written until finish() renames it over `file` (none: an in-memory page).
  std::optional<files::AtomicOutput> output;
  bool pdf = true;
  double w_mm = 0, h_mm = 0, dpi = 72;
  int page = 1;
  bool finished = false;
  cairo_surface_t* surface = nullptr;
  cairo_t* cr = nullptr;

  ~Impl() {
    if (cr) cairo_destroy(cr);
    if (surface) cairo_surface_destroy(surface);
  }

  void check(const char* what) const {
    cairo_status_t st = cairo_status(cr);
    if (st != CAIRO_STATUS_SUCCESS)
      throw ReportError(file.string() + ": " + what + ": " + cairo_status_to_string(st));
  }

  // Cairo user space is millimetres for both kinds of surface.
  void reset_transform() {
    cairo_identity_matrix(cr);
    double s = pdf ? kPtPerMm : dpi / 25.4;
    cairo_scale(cr, s, s);
  }

  void use_font(const TextStyle& style) {
    const Fonts& f = fonts();
    cairo_set_font_face(cr, style.bold ? f.bold : f.regular);
    cairo_set_font_size(cr, style.size_pt / kPtPerMm);  // user units are mm
  }
};

Document::Document(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;
// A document destroyed before finish() (an error while drawing it) leaves no file: its
// temporary file goes with it.
Document::~Document() = default;

Document Document::pdf(const std::filesystem::path& file, double width_mm, double height_mm) {
  if (width_mm <= 0 || height_mm <= 0) throw ReportError(file.string() + ": page size must be > 0");
  fonts();
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->output.emplace(file);
  impl->pdf = true;
  impl->w_mm = width_mm;
  impl->h_mm = height_mm;
  impl->surface = cairo_pdf_surface_create(impl->output->path().c_str(), width_mm * kPtPerMm,
                                           height_mm * kPtPerMm);
  if (cairo_surface_status(impl->surface) != CAIRO_STATUS_SUCCESS)
    throw ReportError("cannot create PDF " + file.string() + ": " +
                      cairo_status_to_string(cairo_surface_status(impl->surface)));
  cairo_pdf_surface_set_metadata(impl->surface, CAIRO_PDF_METADATA_CREATOR, "secmap");
  impl->cr = cairo_create(impl->surface);
  impl->reset_transform();
  impl->check("create");
  return Document(std::move(impl));
}

Document Document::png(const std::filesystem::path& file, double width_mm, double height_mm,
                       double dpi) {
  if (width_mm <= 0 || height_mm <= 0 || dpi <= 0)
    throw ReportError(file.string() + ": page size and dpi must be > 0");
  fonts();
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->pdf = false;
  impl->w_mm = width_mm;
  impl->h_mm = height_mm;
  impl->dpi = dpi;
  int w = std::max(1, static_cast<int>(std::lround(width_mm / 25.4 * dpi)));
  int h = std::max(1, static_cast<int>(std::lround(height_mm / 25.4 * dpi)));
  impl->surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
  if (cairo_surface_status(impl->surface) != CAIRO_STATUS_SUCCESS)
    throw ReportError("cannot create a " + std::to_string(w) + "x" + std::to_string(h) +
                      " image for " + file.string());
  impl->cr = cairo_create(impl->surface);
  cairo_set_source_rgb(impl->cr, 1, 1, 1);  // paper
  cairo_paint(impl->cr);
  impl->reset_transform();
  impl->check("create");
  return Document(std::move(impl));
}

double Document::width_mm() const {
  return impl_->w_mm;
}
double Document::height_mm() const {
  return impl_->h_mm;
}
int Document::page_number() const {
  return impl_->page;
}
bool Document::is_pdf() const {
  return impl_->pdf;
}

void Document::new_page() {
  new_page(impl_->w_mm, impl_->h_mm);
}

void Document::new_page(double width_mm, double height_mm) {
  if (!impl_->pdf) throw ReportError(impl_->file.string() + ": a PNG document has one page");
  cairo_show_page(impl_->cr);
  impl_->w_mm = width_mm;
  impl_->h_mm = height_mm;
  cairo_pdf_surface_set_size(impl_->surface, width_mm * kPtPerMm, height_mm * kPtPerMm);
  impl_->page++;
  impl_->reset_transform();
  impl_->check("new page");
}

double Document::text_width(std::string_view utf8, const TextStyle& style) const {
  std::string s = text::to_nfc(utf8);
  impl_->use_font(style);
  cairo_text_extents_t ext;
  cairo_text_extents(impl_->cr, s.c_str(), &ext);
  return ext.x_advance;
}

double Document::line_height(const TextStyle& style) const {
  impl_->use_font(style);
  cairo_font_extents_t fe;
  cairo_font_extents(impl_->cr, &fe);
  return fe.height;
}

double Document::text(double x, double y, std::string_view utf8, const TextStyle& style,
                      Align align) {
  // NFC first: the font has precomposed Vietnamese glyphs, and cairo's text path maps one code
  // point to one glyph without shaping, so decomposed marks would print side by side.
  std::string s = text::to_nfc(utf8);
  impl_->use_font(style);
  cairo_text_extents_t ext;
  cairo_text_extents(impl_->cr, s.c_str(), &ext);
  double w = ext.x_advance;
  double x0 = align == Align::Left ? x : align == Align::Centre ? x - w / 2 : x - w;
  set_colour(impl_->cr, style.colour);
  cairo_move_to(impl_->cr, x0, y);
  cairo_show_text(impl_->cr, s.c_str());
  cairo_new_path(impl_->cr);
  impl_->check("text");
  return w;
}

double Document::paragraph(double x, double y, double width, std::string_view utf8,
                           const TextStyle& style, Align align) {
  std::string s = text::to_nfc(utf8);
  impl_->use_font(style);
  cairo_font_extents_t fe;
  cairo_font_extents(impl_->cr, &fe);
  double lh = fe.height;
  double baseline = y + fe.ascent;
  double used = 0;
  // Paragraphs split on '\n'; words on spaces; a word wider than the line is printed whole.
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    std::string para = s.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    std::string line;
    size_t p = 0;
    auto flush = [&] {
      text(align == Align::Left     ? x
           : align == Align::Centre ? x + width / 2
                                    : x + width,
           baseline, line, style, align);
      baseline += lh;
      used += lh;
      line.clear();
    };
    bool any = false;
    while (p <= para.size()) {
      size_t sp = para.find(' ', p);
      std::string word = para.substr(p, sp == std::string::npos ? std::string::npos : sp - p);
      p = sp == std::string::npos ? para.size() + 1 : sp + 1;
      if (word.empty()) continue;
      std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && text_width(candidate, style) > width) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
      any = true;
    }
    if (any || para.empty()) flush();
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return used;
}

void Document::line(double x0, double y0, double x1, double y1, const Colour& colour,
                    double width_mm) {
  cairo_t* cr = impl_->cr;
  set_colour(cr, colour);
  cairo_set_line_width(cr, width_mm);
  cairo_move_to(cr, x0, y0);
  cairo_line_to(cr, x1, y1);
  cairo_stroke(cr);
  impl_->check("line");
}

void Document::rect(double x, double y, double w, double h, std::optional<Colour> fill,
                    std::optional<Colour> stroke, double stroke_mm) {
  cairo_t* cr = impl_->cr;
  cairo_rectangle(cr, x, y, w, h);
  fill_and_stroke(cr, fill, stroke, stroke_mm);
  impl_->check("rectangle");
}

void Document::polygon(const std::vector<std::pair<double, double>>& points,
                       std::optional<Colour> fill, std::optional<Colour> stroke, double stroke_mm) {
  if (points.empty()) return;
  cairo_t* cr = impl_->cr;
  cairo_move_to(cr, points[0].first, points[0].second);
  for (size_t i = 1; i < points.size(); ++i) cairo_line_to(cr, points[i].first, points[i].second);
  cairo_close_path(cr);
  fill_and_stroke(cr, fill, stroke, stroke_mm);
  impl_->check("polygon");
}

std::vector<double> Document::image(const ImageView& img, double x, double y, double w, double h) {
  if (img.width <= 0 || img.height <= 0 || !img.rgba)
    throw ReportError(impl_->file.string() + ": empty image");
  // Cairo wants premultiplied native-endian ARGB32.
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    throw ReportError(impl_->file.string() + ": image too large (" + std::to_string(img.width) +
                      "x" + std::to_string(img.height) + ")");
  }
  cairo_surface_flush(s);
  unsigned char* dst = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  for (int row = 0; row < img.height; ++row) {
    const uint8_t* src = img.rgba + static_cast<size_t>(row) * img.width * 4;
    auto* out = reinterpret_cast<uint32_t*>(dst + static_cast<size_t>(row) * stride);
    for (int col = 0; col < img.width; ++col, src += 4) {
      uint32_t a = src[3];
      uint32_t r = (src[0] * a + 127) / 255, g = (src[1] * a + 127) / 255,
               b = (src[2] * a + 127) / 255;
      out[col] = a << 24 | r << 16 | g << 8 | b;
    }
  }
  cairo_surface_mark_dirty(s);

  double scale = std::min(w / img.width, h / img.height);
  double dw = img.width * scale, dh = img.height * scale;
  double dx = x + (w - dw) / 2, dy = y + (h - dh) / 2;
  cairo_t* cr = impl_->cr;
  cairo_save(cr);
  cairo_translate(cr, dx, dy);
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, s, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_rectangle(cr, 0, 0, img.width, img.height);
  cairo_fill(cr);
  cairo_restore(cr);
  cairo_surface_destroy(s);
  impl_->check("image");
  return {dx, dy, dw, dh};
}

double Document::table(double x, double y, const Table& t, double bottom_margin_mm) {
  size_t ncols = t.header.size();
  for (const auto& r : t.rows) ncols = std::max(ncols, r.size());
  if (ncols == 0) return y;
  std::vector<double> widths = t.column_widths_mm;
  if (widths.size() != ncols) {
    double each = (impl_->w_mm - x - x) / static_cast<double>(ncols);  // symmetric margins
    widths.assign(ncols, each);
  }
  double total_w = 0;
  for (double w : widths) total_w += w;
  const double pad = t.padding_mm;

  // Height of a row: the tallest wrapped cell.
  auto measure = [&](const std::vector<std::string>& cells, const TextStyle& st) {
    double lh = line_height(st);
    double h = lh;
    for (size_t c = 0; c < cells.size() && c < ncols; ++c) {
      // Count wrapped lines the same way paragraph() wraps them.
      int lines = 0;
      std::string line;
      std::string s = text::to_nfc(cells[c]);
      size_t p = 0;
      bool any = false;
      while (p <= s.size()) {
        size_t sp = s.find_first_of(" \n", p);
        bool newline = sp != std::string::npos && s[sp] == '\n';
        std::string word = s.substr(p, sp == std::string::npos ? std::string::npos : sp - p);
        p = sp == std::string::npos ? s.size() + 1 : sp + 1;
        if (!word.empty()) {
          std::string cand = line.empty() ? word : line + " " + word;
          if (!line.empty() && text_width(cand, st) > widths[c] - 2 * pad) {
            ++lines;
            line = word;
          } else {
            line = cand;
          }
          any = true;
        }
        if (newline) {
          ++lines;
          line.clear();
          any = false;
        }
      }
      if (any) ++lines;
      h = std::max(h, lines * lh);
    }
    return h + 2 * pad;
  };
  auto draw_row = [&](const std::vector<std::string>& cells, const TextStyle& st, double top,
                      double h, const std::optional<Colour>& fill) {
    if (fill) rect(x, top, total_w, h, fill);
    double cx = x;
    for (size_t c = 0; c < ncols; ++c) {
      if (c < cells.size() && !cells[c].empty())
        paragraph(cx + pad, top + pad, widths[c] - 2 * pad, cells[c], st);
      rect(cx, top, widths[c], h, std::nullopt, t.rule, 0.15);
      cx += widths[c];
    }
  };

  TextStyle head_style = t.style;
  head_style.bold = true;
  bool has_header = !t.header.empty();
  double head_h = has_header ? measure(t.header, head_style) : 0;
  double bottom = impl_->h_mm - bottom_margin_mm;
  double top_of_page = y;
  if (has_header) {
    draw_row(t.header, head_style, y, head_h, t.header_fill);
    y += head_h;
  }
  for (const auto& row : t.rows) {
    double h = measure(row, t.style);
    if (y + h > bottom && impl_->pdf && y > top_of_page + head_h + 1e-6) {
      new_page();
      y = bottom_margin_mm;  // the same margin at the top of a continuation page
      top_of_page = y;
      if (has_header) {
        draw_row(t.header, head_style, y, head_h, t.header_fill);
        y += head_h;
      }
    }
    draw_row(row, t.style, y, h, std::nullopt);
    y += h;
  }
  return y;
}

std::vector<uint8_t> Document::rgba(int* width, int* height) const {
  if (impl_->pdf) throw ReportError(impl_->file.string() + ": a PDF has no pixels");
  cairo_surface_flush(impl_->surface);
  const int w = cairo_image_surface_get_width(impl_->surface);
  const int h = cairo_image_surface_get_height(impl_->surface);
  const int stride = cairo_image_surface_get_stride(impl_->surface);
  const unsigned char* data = cairo_image_surface_get_data(impl_->surface);
  std::vector<uint8_t> out(static_cast<size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const uint32_t p = row[x];
      const uint32_t a = p >> 24;
      uint8_t* o = &out[(static_cast<size_t>(y) * w + x) * 4];
      // Un-premultiply (the page is opaque paper, so a is 255 almost everywhere).
      auto un = [a](uint32_t c) {
        return static_cast<uint8_t>(a ? std::min<uint32_t>(255, (c * 255 + a / 2) / a) : 0);
      };
      o[0] = un((p >> 16) & 255), o[1] = un((p >> 8) & 255), o[2] = un(p & 255),
      o[3] = static_cast<uint8_t>(a);
    }
  }
  if (width) *width = w;
  if (height) *height = h;
  return out;
}

void Document::finish() {
  if (impl_->finished) return;
  impl_->finished = true;
  cairo_t* cr = impl_->cr;
  if (impl_->pdf) {
    cairo_show_page(cr);
    cairo_destroy(cr);
    impl_->cr = nullptr;
    cairo_surface_finish(impl_->surface);
    cairo_status_t st = cairo_surface_status(impl_->surface);
    if (st != CAIRO_STATUS_SUCCESS)
      throw ReportError("cannot write PDF " + impl_->file.string() + ": " +
                        cairo_status_to_string(st));
    impl_->output->commit();
  } else {
    cairo_surface_flush(impl_->surface);
    if (impl_->file.empty()) return;  // an in-memory page (rgba() only)
    files::AtomicOutput output(impl_->file);
    cairo_status_t st = cairo_surface_write_to_png(impl_->surface, output.path().c_str());
    if (st != CAIRO_STATUS_SUCCESS)
      throw ReportError("cannot write PNG " + impl_->file.string() + ": " +
                        cairo_status_to_string(st));
    output.commit();
  }
}

}  // namespace secmap::report
