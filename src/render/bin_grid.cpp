#include "render/bin_grid.h"

#include <algorithm>
#include <cmath>

namespace secmap::render {
namespace {

// Sequential yellow → dark red (ColorBrewer YlOrRd, 6 classes); drawn with kBinFillAlpha so the
// communes underneath still read through them.
constexpr Rgba kRamp[] = {{255, 237, 160, 255}, {254, 204, 92, 255}, {253, 160, 60, 255},
                          {245, 100, 40, 255},  {215, 40, 30, 255},  {150, 0, 38, 255}};
constexpr int kMaxClasses = 6;

std::string fmt_count(double v, Lang lang) {
  const std::string s = std::to_string(static_cast<long long>(std::llround(v)));
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) out += lang == Lang::Vi ? '.' : ',';
    out += s[i];
  }
  return out;
}

}  // namespace

BinGrid bin_grid(const View& view, float cell_px) {
  BinGrid g;
  g.cell_px = std::max(2.f, cell_px);
  const double radius = g.cell_px / kSqrt3;  // circumradius, pixels
  const double period_y = 3 * radius;        // two rows: the lattice repeats
  const double cell_m = g.cell_px * view.m_per_px, period_m = period_y * view.m_per_px;
  // Ground position of the bottom-left pixel edge, in lattice periods: its fraction is the phase.
  const double x0 = (view.centre.x - 0.5 * view.width * view.m_per_px) / cell_m;
  const double y0 = (view.centre.y - 0.5 * view.height * view.m_per_px) / period_m;
  g.phase_x = (x0 - std::floor(x0)) * g.cell_px;
  g.phase_y = (y0 - std::floor(y0)) * period_y;
  g.columns = static_cast<int>(std::ceil((view.width + g.phase_x) / g.cell_px)) + 3;
  g.rows = static_cast<int>(std::ceil((view.height + g.phase_y) / (1.5 * radius))) + 3;
  return g;
}

HexTexel hex_texel(const BinGrid& g, double x, double y) {
  const double radius = g.cell_px / kSqrt3;
  const double px = x + g.phase_x, py = y + g.phase_y;
  // Axial coordinates, rounded in cube space (the shaders do the same in float).
  const double qf = (kSqrt3 / 3 * px - py / 3) / radius, rf = (2.0 / 3 * py) / radius;
  const double sf = -qf - rf;
  double q = std::round(qf), r = std::round(rf), s = std::round(sf);
  const double dq = std::abs(q - qf), dr = std::abs(r - rf), ds = std::abs(s - sf);
  if (dq > dr && dq > ds)
    q = -r - s;
  else if (ds <= dr)
    r = -q - s;
  const int row = static_cast<int>(r) + 1;
  const int column = static_cast<int>(q + std::floor(r / 2)) + 1;
  if (column < 0 || row < 0 || column >= g.columns || row >= g.rows) return {};
  return {column, row};
}

std::pair<double, double> hex_centre(const BinGrid& g, int column, int row) {
  const double radius = g.cell_px / kSqrt3;
  const int r = row - 1, c = column - 1;
  const double odd = (r & 1) ? 0.5 : 0.0;
  return {g.cell_px * (c + odd) - g.phase_x, 1.5 * radius * r - g.phase_y};
}

std::vector<double> bin_class_bounds(double max) {
  std::vector<double> upper;
  if (!(max >= 1)) return upper;
  if (max <= kMaxClasses) {  // few enough: one class per count
    for (int k = 1; k <= static_cast<int>(max); ++k) upper.push_back(k);
    return upper;
  }
  // Round numbers spread geometrically between 1 and max, the last class open above.
  auto nice = [](double v) {
    const double mag = std::pow(10.0, std::floor(std::log10(v)));
    const double f = v / mag;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * mag;
  };
  for (int k = 1; k < kMaxClasses; ++k) {
    const double b = nice(std::pow(max, static_cast<double>(k) / kMaxClasses));
    if (b < max && (upper.empty() || b > upper.back())) upper.push_back(b);
  }
  upper.push_back(max);
  return upper;
}

LegendSection bin_legend(const BinStats& s, Lang lang) {
  LegendSection out{tr(Text::IncidentsBinned, lang), {}};
  for (size_t k = 0; k < s.upper.size(); ++k) {
    const double lo = k == 0 ? 1 : s.upper[k - 1] + 1;
    const bool last = k + 1 == s.upper.size();
    std::string label;
    if (last && s.upper.size() > 1 && s.upper[k] > lo)
      label = "> " + fmt_count(lo - 1, lang);  // ASCII: every map font has it
    else if (s.upper[k] <= lo)
      label = fmt_count(s.upper[k], lang);
    else
      label = fmt_count(lo, lang) + " – " + fmt_count(s.upper[k], lang);
    PointSymbol sym{Shape::Circle, s.colour[k], k < s.size.size() ? s.size[k] : 1.f};
    out.entries.push_back({LegendEntry::Kind::Hex, label, s.colour[k], sym});
  }
  return out;
}

void set_bin_classes(BinStats& st, std::vector<double> upper) {
  st.upper = std::move(upper);
  const int n = std::min<int>(static_cast<int>(st.upper.size()), kMaxClasses);
  st.upper.resize(n);
  st.colour.clear();
  st.size.clear();
  for (int k = 0; k < n; ++k) {
    Rgba c = kRamp[kMaxClasses - n + k];
    c.a = kBinFillAlpha;
    st.colour.push_back(c);
    st.size.push_back(0.45f + 0.4f * static_cast<float>(k + 1) / static_cast<float>(n));
  }
}

}  // namespace secmap::render
