#include "ui/split_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace secmap::ui {

SplitAreas split_areas(const MapArea& whole, int gap_fb) {
  const float s = whole.fb_scale > 0 ? whole.fb_scale : 1.f;
  const int total = static_cast<int>(std::lround((whole.max.x - whole.min.x) * s));
  const int pane = std::max(1, (total - gap_fb) / 2);  // whole pixels: both panes the same size
  SplitAreas a{whole, whole};
  a.left.max.x = whole.min.x + pane / s;
  a.right.min.x = whole.min.x + (total - pane) / s;
  a.right.max.x = a.right.min.x + pane / s;
  return a;
}

std::string pane_label(const std::string& window, size_t incidents, Lang lang) {
  return window + " · " + std::to_string(incidents) + " " + tr(S::IncidentsUnit, lang);
}

void draw_pane_label(ImDrawList& dl, ImFont* font, float size, ImVec2 pane_min, ImVec2 pane_max,
                     const std::string& text, float scale) {
  const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + text.size());
  const float pad = 6 * scale, margin = 10 * scale;
  const float cx = (pane_min.x + pane_max.x) / 2;
  const ImVec2 a{cx - ts.x / 2 - pad, pane_max.y - margin - ts.y - 2 * pad};
  const ImVec2 b{cx + ts.x / 2 + pad, pane_max.y - margin};
  dl.AddRectFilled(a, b, IM_COL32(255, 255, 255, 240), 4 * scale);
  dl.AddRect(a, b, IM_COL32(16, 24, 40, 255), 4 * scale, 0, 2 * scale);
  dl.AddText(font, size, {a.x + pad, a.y + pad}, IM_COL32(16, 24, 40, 255), text.c_str());
}

}  // namespace secmap::ui
