#include "briefing/slide_page.h"

#include <algorithm>
#include <cmath>

#include "render/style.h"

namespace secmap::briefing {
namespace {

using report::Align;
using report::Colour;
using report::TextStyle;

Colour colour_of(const render::Rgba& c) {
  return Colour::rgb8(c.r, c.g, c.b, 255);
}

const Colour kInk{0.1, 0.1, 0.1, 1};
const Colour kGrey{0.35, 0.35, 0.35, 1};
const Colour kSecret = Colour::rgb8(178, 24, 43);
const Colour kPublic = Colour::rgb8(26, 120, 60);

// The legend sections in a column; returns the y below the last row drawn.
double draw_legend(report::Document& doc, const std::vector<render::LegendSection>& legend,
                   double x, double y, double w, double bottom) {
  const TextStyle head{7.5, true, kInk}, row{7, false, kInk};
  const double sw = 4, lh = 3.6;
  for (const auto& s : legend) {
    if (!s.title.empty()) {
      if (y + lh > bottom) return y;
      y += doc.paragraph(x, y, w, s.title, head) + 0.4;
    }
    for (const auto& e : s.entries) {
      if (y + lh > bottom) {
        doc.text(x, y + 2.5, "…", row);
        return y + lh;
      }
      const double cy = y + lh / 2;
      switch (e.kind) {
        case render::LegendEntry::Kind::Fill:
          doc.rect(x, y + 0.4, sw, lh - 0.8, colour_of(e.colour), Colour{0.4, 0.4, 0.4, 1}, 0.1);
          break;
        case render::LegendEntry::Kind::Line:
          doc.line(x, cy, x + sw, cy, colour_of(e.colour), 0.8);
          break;
        case render::LegendEntry::Kind::Point: {
          // The map's own shape (star, diamond, triangle, ring …), not a stand-in square.
          const double r = 1.45 * std::max(0.7, static_cast<double>(e.symbol.scale));
          std::vector<std::pair<double, double>> pts;
          for (const auto& [px, py] : render::shape_outline(e.symbol.shape))
            pts.emplace_back(x + sw / 2 + r * px, cy + r * py);
          if (e.symbol.shape == render::Shape::Ring)
            doc.polygon(pts, std::nullopt, colour_of(e.symbol.fill), r * 0.5);
          else
            doc.polygon(pts, colour_of(e.symbol.fill), Colour{0.15, 0.15, 0.15, 1}, 0.15);
          break;
        }
        case render::LegendEntry::Kind::Hex: {
          // A square swatch at the hexagon's size (its colour and alpha as drawn).
          const double h = (lh - 0.8) * std::clamp<double>(e.symbol.scale, 0.4, 1.0);
          doc.rect(x + (sw - h) / 2, cy - h / 2, h, h, colour_of(e.colour),
                   Colour{0.3, 0.3, 0.3, 1}, 0.1);
          break;
        }
        case render::LegendEntry::Kind::Hatch: {
          const double y0 = y + 0.4, h = lh - 0.8;
          doc.rect(x, y0, sw, h, colour_of(e.colour), Colour{0.4, 0.4, 0.4, 1}, 0.1);
          const Colour ink = colour_of(render::kHatchInk);
          for (double sx = 0; sx < sw; sx += 1.2)  // "/" stripes kept inside the swatch
            doc.line(x + sx, y0 + h, x + std::min(sw, sx + h), y0 + h - std::min(h, sw - sx), ink,
                     0.25);
          break;
        }
      }
      y += std::max(lh, doc.paragraph(x + sw + 1.5, y + 0.2, w - sw - 1.5, e.label, row));
    }
    y += 1.2;
  }
  return y;
}

}  // namespace

std::pair<int, int> map_pixels(int page_width_px) {
  const int w = static_cast<int>(std::lround(page_width_px * kMapW / kPageWidthMm));
  return {w, static_cast<int>(std::lround(w * kMapH / kMapW))};
}

std::string classification(bool is_public) {
  return is_public ? "CÔNG KHAI / PUBLIC" : "MẬT — TÀI LIỆU NỘI BỘ / INTERNAL — RESTRICTED";
}

bool public_page_shows_subtitle(const Slide& slide, bool page_public) {
  return !page_public || slide.is_public;
}

void draw_slide_page(report::Document& doc, const Slide& slide, const std::vector<PaneImage>& panes,
                     const PageText& t) {
  const double W = doc.width_mm(), H = doc.height_mm();
  const Colour band = t.is_public ? kPublic : kSecret;
  const TextStyle banner{9, true, Colour{1, 1, 1, 1}};
  doc.rect(0, 0, W, 7, band);
  doc.text(W / 2, 5, classification(t.is_public), banner, Align::Centre);
  doc.rect(0, H - 5, W, 5, band);
  doc.text(W / 2, H - 1.5, classification(t.is_public), {7, true, Colour{1, 1, 1, 1}},
           Align::Centre);

  doc.text(kMapX, 15.5, slide.title, {15, true, kInk});
  if (!slide.subtitle.empty() && public_page_shows_subtitle(slide, t.is_public))
    doc.text(kMapX, 22, slide.subtitle, {10, false, kGrey});

  // Map: one pane, or two of half the width with their labels.
  const double gap = panes.size() > 1 ? 1.5 : 0;
  const double pane_w = (kMapW - gap * (panes.size() - 1)) / std::max<size_t>(panes.size(), 1);
  for (size_t i = 0; i < panes.size(); ++i) {
    const double x = kMapX + i * (pane_w + gap);
    const io::Image& img = panes[i].image;
    auto r = doc.image({img.width, img.height, img.rgba.data()}, x, kMapY, pane_w, kMapH);
    doc.rect(r[0], r[1], r[2], r[3], std::nullopt, Colour{0.5, 0.5, 0.5, 1}, 0.2);
    if (panes.size() > 1) {
      const TextStyle lab{10, true, kInk};
      const double lw = doc.text_width(panes[i].label, lab) + 4;
      doc.rect(r[0] + 2, r[1] + 2, lw, 6, Colour{1, 1, 1, 0.9}, Colour{0.3, 0.3, 0.3, 1}, 0.2);
      doc.text(r[0] + 4, r[1] + 6.3, panes[i].label, lab);
    }
  }

  // Legend column right of the map; for two panes each has its own (class breaks differ).
  const double lx = kMapX + kMapW + 5, lw = W - lx - 6;
  double y = kMapY;
  y += doc.paragraph(lx, y, lw, "Chú giải / Legend", {9, true, kInk}) + 1;
  for (size_t i = 0; i < panes.size(); ++i) {
    if (panes.size() > 1) y += doc.paragraph(lx, y, lw, panes[i].label, {8, true, band}) + 0.5;
    const double bottom = panes.size() > 1 && i == 0 ? kMapY + kMapH / 2 : kMapY + kMapH;
    y = std::max(y, draw_legend(doc, panes[i].legend, lx, y, lw, bottom));
    if (panes.size() > 1 && i == 0) y = std::max(y, kMapY + kMapH / 2);
  }

  // Footer: period, public note, source, page.
  const double fy = kMapY + kMapH + 4.5;
  const TextStyle small{8, false, kGrey};
  std::string period =
      "Thời gian / Period: " + window_text(slide.view.date_from, slide.view.date_to);
  if (slide.view.compare)
    period += "  ·  so với / compared with: " +
              window_text(slide.view.compare->date_from, slide.view.compare->date_to);
  doc.text(kMapX, fy, period, {8.5, true, kInk});
  if (t.is_public)
    doc.text(kMapX, fy + 4, render::tr(render::Text::PublicSafeMark, render::Lang::Vi), small);
  doc.text(kMapX, H - 7, t.source, small);
  doc.text(W - 6, H - 7, "Trang " + std::to_string(t.page) + "/" + std::to_string(t.pages), small,
           Align::Right);
  if (!slide.note.empty() && !t.is_public) doc.paragraph(lx, fy - 3, lw, slide.note, small);
}

}  // namespace secmap::briefing
