#include "render/overlay.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numeric>
#include <string>

namespace secmap::render {
namespace {

constexpr float kPi = 3.14159265358979f;

ImU32 col(Rgba c) {
  return c.abgr();
}

struct Rect {
  float x0, y0, x1, y1;
  bool overlaps(const Rect& o) const { return !(o.x0 > x1 || o.x1 < x0 || o.y0 > y1 || o.y1 < y0); }
};

ImVec2 text_size(const ImFont* font, float size, const std::string& s) {
  return font->CalcTextSizeA(size, FLT_MAX, 0, s.c_str(), s.c_str() + s.size());
}

// Text with a light halo so it reads over any fill.
void halo_text(ImDrawList& dl, ImFont* font, float size, ImVec2 p, ImU32 ink, ImU32 halo,
               const std::string& s) {
  static constexpr float kOff[8][2] = {{-1, -1}, {0, -1}, {1, -1}, {-1, 0},
                                       {1, 0},   {-1, 1}, {0, 1},  {1, 1}};
  for (const auto& o : kOff)
    dl.AddText(font, size, ImVec2(p.x + o[0], p.y + o[1]), halo, s.c_str(), s.c_str() + s.size());
  dl.AddText(font, size, p, ink, s.c_str(), s.c_str() + s.size());
}

void draw_symbol(ImDrawList& dl, const PointSymbol& s, ImVec2 c, float r, ImU32 outline) {
  const ImU32 fill = col(s.fill);
  std::vector<ImVec2> pts;
  for (const auto& [x, y] : shape_outline(s.shape))
    pts.push_back({c.x + r * static_cast<float>(x), c.y + r * static_cast<float>(y)});
  const int n = static_cast<int>(pts.size());
  switch (s.shape) {
    case Shape::Ring:
      dl.AddCircle(c, r * 0.75f, fill, 20, r * 0.5f);
      return;
    case Shape::Star: {
      // Not convex: the inner pentagon, then a triangle per point.
      ImVec2 inner[5];
      for (int i = 0; i < 5; ++i) inner[i] = pts[2 * i + 1];
      dl.AddConvexPolyFilled(inner, 5, fill);
      for (int i = 0; i < 5; ++i)
        dl.AddTriangleFilled(pts[2 * i], pts[(2 * i + 1) % 10], pts[(2 * i + 9) % 10], fill);
      break;
    }
    default:
      dl.AddConvexPolyFilled(pts.data(), n, fill);
      break;
  }
  dl.AddPolyline(pts.data(), n, outline, ImDrawFlags_Closed, 1.f);
}

std::string distance_label(double m) {
  char buf[32];
  if (m >= 1000)
    std::snprintf(buf, sizeof buf, "%g km", m / 1000);
  else
    std::snprintf(buf, sizeof buf, "%g m", m);
  return buf;
}

}  // namespace

namespace {

// Where the legend's lines go: one column from the top right, more columns to the left when
// one would run past the bottom of the map, so no line is ever cut off. A legend that would
// cover too much of a small map is set smaller, and then loses its last sections, whose number
// it names.
struct LegendLayout {
  struct Item {
    float x = 0, y = 0;
    std::string title;                   // a title line (bold), or
    const LegendEntry* entry = nullptr;  // an entry: its symbol, then its label
  };
  Rect box;
  std::vector<Item> items;
  float font = 0, swatch = 0, gap = 0, row = 0;
};

// The widths of the legend's texts at the fonts' own size, measured once: a text's width grows
// in proportion to its size, so each trial size of layout_legend scales these.
struct LegendWidths {
  float title = 0;
  std::vector<float> section_titles;
  std::vector<std::vector<float>> entries;
};

LegendWidths measure_legend(const MapFonts& fonts, const std::vector<LegendSection>& legend,
                            Lang lang) {
  LegendWidths w;
  w.title = text_size(fonts.bold, fonts.size, tr(Text::Legend, lang)).x;
  for (const auto& s : legend) {
    w.section_titles.push_back(s.title.empty() ? 0 : text_size(fonts.bold, fonts.size, s.title).x);
    auto& e = w.entries.emplace_back();
    for (const auto& entry : s.entries)
      e.push_back(text_size(fonts.regular, fonts.size, entry.label).x);
  }
  return w;
}

LegendLayout layout_legend_once(const MapFonts& fonts, const std::vector<LegendSection>& legend,
                                const LegendWidths& widths_at_1, size_t sections, Lang lang,
                                float k, float text_scale, float W, float H) {
  LegendLayout lay;
  lay.font = fonts.size * text_scale;
  const float fs = lay.font, margin = 10 * k, pad = 8 * k * text_scale;
  lay.swatch = fs * 1.3f, lay.gap = 6 * k * text_scale, lay.row = fs * 1.35f;
  const float row = lay.row;
  struct Line {
    std::string title;
    const LegendEntry* entry;
    float height, width;
  };
  std::vector<Line> lines;
  lines.push_back({tr(Text::Legend, lang), nullptr, row * 1.2f, widths_at_1.title * text_scale});
  for (size_t i = 0; i < sections; ++i) {
    const LegendSection& s = legend[i];
    if (!s.title.empty())
      lines.push_back({s.title, nullptr, row, widths_at_1.section_titles[i] * text_scale});
    for (size_t e = 0; e < s.entries.size(); ++e)
      lines.push_back(
          {{}, &s.entries[e], row, lay.swatch + lay.gap + widths_at_1.entries[i][e] * text_scale});
    lines.back().height += row * 0.3f;
  }
  if (sections < legend.size()) {
    char more[256];
    std::snprintf(more, sizeof more, tr(Text::LegendMore, lang),
                  static_cast<int>(legend.size() - sections));
    lines.push_back({more, nullptr, row, text_size(fonts.bold, fs, more).x});
  }
  const float max_h = std::max(row * 3, H - 2 * margin - 2 * pad);
  float col_w = 0, col_h = 0, tallest = 0;
  std::vector<float> widths;              // per column
  std::vector<std::pair<int, float>> at;  // per line: its column and its y in it
  for (const Line& l : lines) {
    if (col_h > 0 && col_h + l.height > max_h) {
      widths.push_back(col_w);
      col_w = col_h = 0;
    }
    at.emplace_back(static_cast<int>(widths.size()), col_h);
    col_h += l.height, col_w = std::max(col_w, l.width), tallest = std::max(tallest, col_h);
  }
  widths.push_back(col_w);
  const float col_gap = 14 * k * text_scale;
  float total_w = col_gap * static_cast<float>(widths.size() - 1);
  for (float w : widths) total_w += w;
  lay.box = {W - margin - total_w - 2 * pad, margin, W - margin, margin + tallest + 2 * pad};
  std::vector<float> col_x(widths.size());
  for (size_t c = 0; c < widths.size(); ++c)
    col_x[c] = c == 0 ? lay.box.x0 + pad : col_x[c - 1] + widths[c - 1] + col_gap;
  for (size_t i = 0; i < lines.size(); ++i)
    lay.items.push_back({col_x[static_cast<size_t>(at[i].first)], lay.box.y0 + pad + at[i].second,
                         std::move(lines[i].title), lines[i].entry});
  return lay;
}

LegendLayout layout_legend(const MapFonts& fonts, const std::vector<LegendSection>& legend,
                           Lang lang, float k, float W, float H) {
  // At most this share of the map's width, so that a fitted map keeps most of it.
  const float budget = 0.42f * W;
  auto fits = [&](const LegendLayout& l) { return l.box.x1 - l.box.x0 <= budget; };
  const LegendWidths widths = measure_legend(fonts, legend, lang);
  LegendLayout lay;
  for (float text_scale : {1.f, 0.85f, 0.75f}) {
    lay = layout_legend_once(fonts, legend, widths, legend.size(), lang, k, text_scale, W, H);
    if (fits(lay)) return lay;
  }
  for (size_t n = legend.size() - 1; n >= 1; --n) {
    lay = layout_legend_once(fonts, legend, widths, n, lang, k, 0.75f, W, H);
    if (fits(lay)) return lay;
  }
  return lay;  // the first section alone, however wide
}

}  // namespace

double nice_scale_length(double ground_m_per_px, double max_px) {
  double max_m = ground_m_per_px * max_px;
  if (!(max_m > 0)) return 0;
  double mag = std::pow(10.0, std::floor(std::log10(max_m)));
  for (double f : {5.0, 2.0, 1.0})
    if (f * mag <= max_m) return f * mag;
  return mag;
}

OverlayStats draw_overlay(ImDrawList& dl, const MapFonts& fonts, const View& view,
                          const MapData& data, const std::vector<LegendSection>& legend,
                          const OverlayOptions& o) {
  OverlayStats stats;
  const float k = o.scale;
  const float fs = fonts.size;
  const float W = static_cast<float>(view.width), H = static_cast<float>(view.height);
  const ImVec2 off = o.offset;
  const float margin = 10 * k;
  const ImU32 ink = IM_COL32(25, 25, 25, 255), paper = IM_COL32(255, 255, 255, 225);
  std::vector<Rect> reserved;

  // Legend, top-right; its area is reserved so labels do not run under it, and reported so
  // that a fit keeps the map out from under it.
  if (o.legend && !legend.empty()) {
    const LegendLayout lay = layout_legend(fonts, legend, o.lang, k, W, H);
    const Rect& box = lay.box;
    reserved.push_back(box);
    stats.legend[0] = box.x0, stats.legend[1] = box.y0;
    stats.legend[2] = box.x1, stats.legend[3] = box.y1;
    dl.AddRectFilled({off.x + box.x0, off.y + box.y0}, {off.x + box.x1, off.y + box.y1}, paper,
                     4 * k);
    dl.AddRect({off.x + box.x0, off.y + box.y0}, {off.x + box.x1, off.y + box.y1},
               IM_COL32(120, 120, 120, 255), 4 * k);
    const float sw = lay.swatch, gap = lay.gap, row = lay.row, lfs = lay.font;
    // A swatch's margins in its row, in proportion, so small legends keep their swatches.
    const float top = std::min(2.f, row * 0.1f), bottom = std::min(4.f, row * 0.19f);
    for (const LegendLayout::Item& item : lay.items) {
      const float x = off.x + item.x, y = off.y + item.y;
      if (!item.entry) {  // the legend's or a section's title
        dl.AddText(fonts.bold, lfs, {x, y}, ink, item.title.c_str());
        continue;
      }
      const LegendEntry& e = *item.entry;
      {
        ImVec2 c{x + sw / 2, y + row / 2 - 1};
        switch (e.kind) {
          case LegendEntry::Kind::Fill:
            dl.AddRectFilled({x, y + top}, {x + sw, y + row - bottom}, col(e.colour));
            dl.AddRect({x, y + top}, {x + sw, y + row - bottom}, col(kOutline));
            break;
          case LegendEntry::Kind::Line:
            dl.AddLine({x, c.y}, {x + sw, c.y}, col(e.colour), 3 * k);
            break;
          case LegendEntry::Kind::Point:
            draw_symbol(dl, e.symbol, c, lfs * 0.42f * std::max(0.7f, e.symbol.scale),
                        IM_COL32(30, 30, 30, 255));
            break;
          case LegendEntry::Kind::Hex: {
            // The bin's hexagon at its class's size, with the alpha it is drawn with.
            const float r =
                (row - top - bottom) * 0.5f / 0.866f * std::clamp(e.symbol.scale, 0.4f, 1.f);
            ImVec2 pts[6];
            for (int i = 0; i < 6; ++i) {
              const float a = 3.14159265f / 3 * i + 3.14159265f / 6;
              pts[i] = {c.x + r * std::cos(a), c.y + r * std::sin(a)};
            }
            dl.AddConvexPolyFilled(pts, 6, col(e.colour));
            Rgba rim = e.colour;
            rim.r = static_cast<uint8_t>(rim.r * 0.55f),
            rim.g = static_cast<uint8_t>(rim.g * 0.55f);
            rim.b = static_cast<uint8_t>(rim.b * 0.55f), rim.a = 255;
            dl.AddPolyline(pts, 6, col(rim), ImDrawFlags_Closed, 1.f * k);
            break;
          }
          case LegendEntry::Kind::Hatch: {
            const ImVec2 a{x, y + top}, b{x + sw, y + row - bottom};
            dl.AddRectFilled(a, b, col(e.colour));
            dl.PushClipRect(a, b, true);
            const float step = 8 * k, hgt = b.y - a.y;
            for (float sx = a.x - hgt; sx < b.x; sx += step)  // the map's stripes, "/"
              dl.AddLine({sx, b.y}, {sx + hgt, a.y}, col(kHatchInk), 2.2f * k);
            dl.PopClipRect();
            dl.AddRect(a, b, col(kOutline));
            break;
          }
        }
        dl.AddText(fonts.regular, lfs, {x + sw + gap, y}, ink, e.label.c_str());
      }
    }
  }

  // Scale bar, bottom-left: true ground distance at the centre latitude.
  if (o.scale_bar) {
    const double gm = view.ground_m_per_px();
    const double len_m = nice_scale_length(gm, std::min(W * 0.25, 300.0 * k));
    const float len = static_cast<float>(len_m / gm);
    if (len > 0) {
      const float x0 = off.x + margin + 6 * k, y0 = off.y + H - margin - 8 * k;
      const std::string label = distance_label(len_m);
      ImVec2 ts = text_size(fonts.regular, fs, label);
      Rect r{x0 - off.x - 6 * k, y0 - off.y - fs - 10 * k,
             x0 - off.x + std::max(len, ts.x) + 10 * k, H};
      reserved.push_back(r);
      dl.AddRectFilled({off.x + r.x0, off.y + r.y0}, {off.x + r.x1, off.y + H - margin + 4 * k},
                       paper, 3 * k);
      const float bh = 5 * k;
      dl.AddRectFilled({x0, y0 - bh}, {x0 + len / 2, y0}, ink);
      dl.AddRectFilled({x0 + len / 2, y0 - bh}, {x0 + len, y0}, IM_COL32(255, 255, 255, 255));
      dl.AddRect({x0, y0 - bh}, {x0 + len, y0}, ink);
      dl.AddText(fonts.regular, fs, {x0, y0 - bh - fs - 3 * k}, ink, label.c_str());
    }
  }

  // North arrow, top-left (Web Mercator: north is up everywhere).
  if (o.north_arrow) {
    const float cx = off.x + margin + 14 * k, top = off.y + margin + 4 * k, h = 34 * k;
    reserved.push_back({cx - off.x - 16 * k, 0, cx - off.x + 16 * k, top - off.y + h + fs + 4 * k});
    ImVec2 tip{cx, top}, left{cx - 10 * k, top + h}, mid{cx, top + h * 0.72f},
        right{cx + 10 * k, top + h};
    dl.AddTriangleFilled(tip, mid, left, ink);
    dl.AddTriangleFilled(tip, right, mid, IM_COL32(255, 255, 255, 255));
    dl.AddTriangle(tip, right, mid, ink, 1.2f);
    dl.AddLine(tip, left, ink, 1.2f);
    dl.AddLine(left, mid, ink, 1.2f);
    const char* n = tr(Text::North, o.lang);
    ImVec2 ts = text_size(fonts.bold, fs, n);
    halo_text(dl, fonts.bold, fs, {cx - ts.x / 2, top + h + 2 * k}, ink,
              IM_COL32(255, 255, 255, 230), n);
  }

  // Demo-data mark, top centre: never mistaken for real data.
  if (o.demo_mark && data.is_demo) {
    const std::string mark = tr(Text::DemoMark, o.lang);
    const float size = fs * 1.3f;
    ImVec2 ts = text_size(fonts.bold, size, mark);
    const float x = off.x + (W - ts.x) / 2, y = off.y + margin;
    Rect r{x - off.x - 10 * k, y - off.y - 4 * k, x - off.x + ts.x + 10 * k,
           y - off.y + ts.y + 4 * k};
    reserved.push_back(r);
    dl.AddRectFilled({off.x + r.x0, off.y + r.y0}, {off.x + r.x1, off.y + r.y1},
                     IM_COL32(255, 245, 200, 235), 4 * k);
    dl.AddRect({off.x + r.x0, off.y + r.y0}, {off.x + r.x1, off.y + r.y1},
               IM_COL32(200, 40, 20, 255), 4 * k, 0, 2 * k);
    dl.AddText(fonts.bold, size, {x, y}, IM_COL32(190, 30, 10, 255), mark.c_str());
  }

  // Commune labels, largest communes first; a label that would overlap is skipped.
  if (o.labels) {
    std::vector<size_t> order(data.communes.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return data.communes[a].area > data.communes[b].area;
    });
    std::vector<Rect> placed;
    const float lfs = fs * 0.95f;
    for (size_t i : order) {
      const Commune& c = data.communes[i];
      geo::Point p = view.to_pixel(c.label_at);
      ImVec2 ts = text_size(fonts.regular, lfs, c.name);
      Rect r{static_cast<float>(p.x) - ts.x / 2 - 2, static_cast<float>(p.y) - ts.y / 2 - 1,
             static_cast<float>(p.x) + ts.x / 2 + 2, static_cast<float>(p.y) + ts.y / 2 + 1};
      if (r.x1 < 0 || r.y1 < 0 || r.x0 > W || r.y0 > H) continue;  // off the map
      bool clash = r.x0 < 0 || r.y0 < 0 || r.x1 > W || r.y1 > H;
      for (const Rect& q : placed) clash = clash || r.overlaps(q);
      for (const Rect& q : reserved) clash = clash || r.overlaps(q);
      if (clash) {
        ++stats.labels_skipped;
        continue;
      }
      placed.push_back(r);
      halo_text(dl, fonts.regular, lfs, {off.x + r.x0 + 2, off.y + r.y0 + 1},
                IM_COL32(20, 20, 20, 255), IM_COL32(255, 255, 255, 200), c.name);
      ++stats.labels_drawn;
    }
  }
  return stats;
}

}  // namespace secmap::render
