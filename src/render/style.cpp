#include "render/style.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

#include "analysis/dates.h"
#include "analysis/hotspots.h"
#include "analysis/weights.h"
#include "geo/crs.h"
#include "render/class_breaks.h"
#include "render/incident_filter.h"
#include "store/civil_date.h"

namespace secmap::render {
namespace {

constexpr Rgba kNoData{210, 210, 210, 255};

// Every scheme is ColorBrewer's or Okabe–Ito's, chosen to stay apart for red–green colour-blind
// viewers: two-way statuses are blue against orange-red, never green against red.
// Drug-free statuses in code-list order: drug-free blue, not yet red-orange, being transformed
// pale yellow (RdYlBu ends).
constexpr Rgba kDrugFree[] = {
    {69, 117, 180, 255}, {215, 48, 39, 255}, {254, 224, 144, 255}, {160, 160, 220, 255}};
constexpr Rgba kAntt[] = {{69, 117, 180, 255}, {244, 109, 67, 255}, {254, 224, 144, 255}};
// Movement classification, ordered excellent → weak: PuOr 4 (purple good, orange weak).
constexpr Rgba kMovement[] = {
    {94, 60, 153, 255}, {178, 171, 210, 255}, {253, 184, 99, 255}, {230, 97, 1, 255}};
// Designation types: Okabe–Ito's eight colour-blind-safe colours, then five lighter ones.
constexpr Rgba kDesignation[] = {{230, 159, 0, 255},   {86, 180, 233, 255},  {0, 158, 115, 255},
                                 {240, 228, 66, 255},  {0, 114, 178, 255},   {213, 94, 0, 255},
                                 {204, 121, 167, 255}, {120, 120, 120, 255}, {255, 210, 140, 255},
                                 {170, 220, 245, 255}, {140, 210, 185, 255}, {235, 190, 215, 255},
                                 {190, 170, 120, 255}};
constexpr Rgba kNoDesignation{245, 245, 240, 255};
// Sequential yellow → dark red for graduated incident counts (ColorBrewer YlOrRd 5); class 0
// is "no incident".
constexpr Rgba kCounts[] = {{255, 255, 178, 255},
                            {254, 204, 92, 255},
                            {253, 141, 60, 255},
                            {240, 59, 32, 255},
                            {189, 0, 38, 255}};
// Rates: ColorBrewer PuRd 5 (distinct from counts so the two maps are not confused).
constexpr Rgba kRates[] = {{241, 238, 246, 255},
                           {215, 181, 216, 255},
                           {223, 101, 176, 255},
                           {221, 28, 119, 255},
                           {152, 0, 67, 255}};
// Change: ColorBrewer RdBu 7, blue for fewer incidents, red for more.
constexpr Rgba kChange[] = {{33, 102, 172, 255},  {103, 169, 207, 255}, {209, 229, 240, 255},
                            {247, 247, 247, 255}, {253, 219, 199, 255}, {239, 138, 98, 255},
                            {178, 24, 43, 255}};
// Change classes: upper bounds in percent (the last is open); ±5% matches the plans' target
// "at least 5% fewer than the year before".
constexpr double kChangeUpper[] = {-50, -20, -5, 5, 20, 50};
// Gi* classes as ArcGIS draws them (RdYlBu 7): cold 99/95/90, not significant, hot 90/95/99.
constexpr const char* kHotClass[] = {"cold_99", "cold_95", "cold_90", "ns",
                                     "hot_90",  "hot_95",  "hot_99"};
constexpr Rgba kHot[] = {{69, 117, 180, 255},  {145, 191, 219, 255}, {224, 243, 248, 255},
                         {240, 240, 240, 255}, {254, 224, 144, 255}, {252, 141, 89, 255},
                         {215, 48, 39, 255}};
// Communes under the density raster.
constexpr Rgba kKdeBase{250, 250, 247, 255};
// Density classes: YlOrRd 6, half transparent so the communes show through.
constexpr Rgba kDensity[] = {{255, 255, 178, 170}, {254, 217, 118, 190}, {254, 178, 76, 205},
                             {253, 141, 60, 215},  {240, 59, 32, 225},   {189, 0, 38, 235}};
// Density class bounds as shares of the surface's maximum.
constexpr double kDensityShare[] = {0.02, 0.08, 0.18, 0.32, 0.5, 0.72};
static_assert(std::size(kDensity) == kDensityClassCount);
static_assert(std::size(kDensityShare) == kDensityClassCount);

// Qualitative colours for incident groups (14 groups in DOMAIN.md §3).
constexpr Rgba kGroups[] = {{228, 26, 28, 255},   {55, 126, 184, 255}, {152, 78, 163, 255},
                            {255, 127, 0, 255},   {77, 175, 74, 255},  {166, 86, 40, 255},
                            {247, 129, 191, 255}, {60, 60, 60, 255},   {0, 160, 160, 255},
                            {200, 200, 0, 255},   {120, 40, 40, 255},  {40, 40, 140, 255},
                            {130, 180, 0, 255},   {190, 120, 200, 255}};

Rgba pick(const Rgba* table, size_t n, int i) {
  return i < 0 ? kNoData : table[static_cast<size_t>(i) % n];
}

std::string fmt_int(long v) {
  return std::to_string(v);
}

// A number with `digits` decimals, trailing zeros dropped ("2.5", "10").
std::string fmt_num(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

// Signed percent ("+12%", "-40%"; the map fonts have no U+2212 minus, ≥ or arrows).
std::string fmt_pct(double v) {
  const std::string n = fmt_num(std::abs(v), 0);
  return (v > 0 ? "+" : v < 0 ? "-" : "") + n + "%";
}

// "n xã" / "n communes" after a legend label.
std::string with_communes(std::string label, int n, Lang lang) {
  return label + " (" + std::to_string(n) + (lang == Lang::Vi ? " xã)" : ")");
}

int window_year(DayRange days) {
  if (days.to >= DayRange{}.to) return INT32_MAX;
  return store::civil_from_days(days.to).year;
}

bool bounded(DayRange d) {
  return d.from > DayRange{}.from && d.to < DayRange{}.to;
}

}  // namespace

std::vector<geo::Geometry> commune_lonlat_shapes(const MapData& data) {
  std::vector<geo::Geometry> out;
  out.reserve(data.communes.size());
  for (const auto& c : data.communes) {
    geo::Geometry g = c.shape;
    for (auto& poly : g.polygons)
      for (auto& r : poly.rings)
        for (auto& p : r) p = geo::mercator_to_lonlat(p);
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<StyleKind> parse_style(std::string_view name) {
  if (name == "incidents") return StyleKind::Count;  // the first name of the count style
  if (name == "plain") return StyleKind::Plain;
  for (StyleKind k : kUserStyles)
    if (name == style_name(k)) return k;
  return std::nullopt;
}

const char* style_name(StyleKind k) {
  switch (k) {
    case StyleKind::DrugFree:
      return "drugfree";
    case StyleKind::Antt:
      return "antt";
    case StyleKind::Movement:
      return "movement";
    case StyleKind::Designations:
      return "designations";
    case StyleKind::Count:
      return "count";
    case StyleKind::Rate:
      return "rate";
    case StyleKind::Change:
      return "change";
    case StyleKind::Hotspots:
      return "hotspots";
    case StyleKind::Kde:
      return "kde";
    case StyleKind::Plain:
      return "plain";
  }
  return "drugfree";
}

bool style_uses_window_end(StyleKind k) {
  return k == StyleKind::DrugFree || k == StyleKind::Antt || k == StyleKind::Movement ||
         k == StyleKind::Designations;
}

bool style_uses_incidents(StyleKind k) {
  return k == StyleKind::Count || k == StyleKind::Rate || k == StyleKind::Change ||
         k == StyleKind::Hotspots || k == StyleKind::Kde;
}

namespace {

// Count or Rate values per commune for a filter (nullopt: no data or a suppressed small count).
std::vector<std::optional<double>> graduated_values(const MapData& data, StyleKind style,
                                                    const IncidentFilter& filter,
                                                    int suppress_below) {
  const size_t n = data.communes.size();
  const std::vector<int> counts = commune_totals(data.incidents, data.commune_level, n, filter);
  std::vector<std::optional<double>> v(n);
  for (size_t i = 0; i < n; ++i) {
    if (counts[i] > 0 && counts[i] < suppress_below) continue;
    if (style == StyleKind::Count)
      v[i] = counts[i];
    else if (data.communes[i].population > 0)
      v[i] = kRatePer * counts[i] / static_cast<double>(data.communes[i].population);
  }
  return v;
}

}  // namespace

CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang, DayRange days,
                              const StyleParams& params) {
  IncidentFilter f;
  f.days = days;
  return style_communes(data, style, lang, f, params);
}

std::vector<double> shared_class_breaks(const MapData& data, StyleKind style,
                                        const std::vector<IncidentFilter>& filters,
                                        const StyleParams& params) {
  if (style != StyleKind::Count && style != StyleKind::Rate) return {};
  std::vector<double> nonzero;
  for (const IncidentFilter& f : filters)
    for (const auto& v : graduated_values(data, style, f, params.suppress_below))
      if (v && *v > 0) nonzero.push_back(*v);
  return jenks_breaks(nonzero, 4);
}

CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang,
                              const IncidentFilter& filter, const StyleParams& params) {
  const DayRange days = filter.days;
  // Incidents per commune that the filter accepts, in a window (the filter's own or another).
  auto counts_in = [&](DayRange window) {
    IncidentFilter f = filter;
    f.days = window;
    return commune_totals(data.incidents, data.commune_level, data.communes.size(), f);
  };
  CommuneColours out;
  const size_t n = data.communes.size();
  out.fill.resize(n, kNoData);
  out.cls.assign(n, -1);
  auto categorical = [&](const CodeList& list, const Rgba* table, size_t nt, auto attr,
                         Text title) {
    out.legend.title = tr(title, lang);
    std::vector<int> used(list.size(), 0);
    int unknown = 0;
    for (size_t i = 0; i < n; ++i) {
      int v = attr(data.communes[i]);
      out.fill[i] = pick(table, nt, v);
      if (v >= 0 && static_cast<size_t>(v) < used.size())
        ++used[v], out.cls[i] = v;
      else
        ++unknown;
    }
    for (size_t v = 0; v < list.size(); ++v)
      if (used[v])
        out.legend.entries.push_back({LegendEntry::Kind::Fill,
                                      list.name(static_cast<int>(v), lang),
                                      pick(table, nt, static_cast<int>(v)),
                                      {}});
    if (unknown)
      out.legend.entries.push_back({LegendEntry::Kind::Fill, tr(Text::NoData, lang), kNoData, {}});
  };
  // Graduated: class 0 holds exactly zero, then natural breaks over the non-zero values.
  auto graduated = [&](const std::vector<std::optional<double>>& value, const Rgba* table,
                       bool integers, int digits, Text no_data_text) {
    std::vector<double> nonzero;
    for (const auto& v : value)
      if (v && *v > 0) nonzero.push_back(*v);
    const std::vector<double> upper =
        params.breaks.empty() ? jenks_breaks(nonzero, 4) : params.breaks;
    std::vector<int> used(upper.size() + 1, 0);
    int missing = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!value[i]) {
        ++missing;
        continue;
      }
      const int c = *value[i] > 0 ? 1 + class_of(*value[i], upper) : 0;
      out.fill[i] = table[c];
      out.cls[i] = c;
      ++used[c];
    }
    for (size_t c = 0; c < used.size(); ++c) {
      if (!used[c]) continue;
      std::string label;
      if (c == 0) {
        label = "0";
      } else if (integers) {
        // Public-safe: counts under the threshold are hidden, so no class starts below it.
        const long lo =
            std::max<long>(c == 1 ? 1 : static_cast<long>(upper[c - 2]) + 1, params.suppress_below);
        const long hi = static_cast<long>(upper[c - 1]);
        label = lo == hi ? fmt_int(hi) : fmt_int(lo) + " – " + fmt_int(hi);
      } else {
        // Smallest and largest value drawn in the class: the label is exactly what it holds.
        double lo = upper[c - 1];
        for (const auto& v : value)
          if (v && *v > 0 && 1 + class_of(*v, upper) == static_cast<int>(c)) lo = std::min(lo, *v);
        const std::string a = fmt_num(lo, digits), b = fmt_num(upper[c - 1], digits);
        label = a == b ? b : a + " – " + b;
      }
      out.legend.entries.push_back(
          {LegendEntry::Kind::Fill, with_communes(label, used[c], lang), table[c], {}});
    }
    if (missing)
      out.legend.entries.push_back({LegendEntry::Kind::Fill,
                                    with_communes(tr(no_data_text, lang), missing, lang),
                                    kNoData,
                                    {}});
  };

  // Public-safe small-count suppression (StyleParams::suppress_below): the communes are drawn
  // hatched, and the legend says what the hatching means (even when no commune falls under it).
  auto small = [&](int count) { return count > 0 && count < params.suppress_below; };
  auto hatch_legend = [&] {
    if (params.suppress_below <= 0) return;
    char label[160];
    std::snprintf(label, sizeof label, tr(Text::SuppressedHatch, lang), params.suppress_below);
    out.legend.entries.push_back({LegendEntry::Kind::Hatch, label, kHatchFill, {}});
  };
  auto hatch_small = [&](const std::vector<int>& counts) {
    if (params.suppress_below <= 0) return;
    out.hatched.assign(n, 0);
    int hatched = 0;
    for (size_t i = 0; i < n; ++i)
      if (small(counts[i])) {
        out.hatched[i] = 1, out.fill[i] = kHatchFill, out.cls[i] = -1, ++hatched;
      }
    // graduated() counted the hatched communes as no data: take them out of that entry.
    for (auto it = out.legend.entries.begin(); hatched && it != out.legend.entries.end(); ++it)
      if (it->colour == kNoData) {
        out.legend.entries.erase(it);
        break;
      }
    int missing = 0;
    for (size_t i = 0; i < n; ++i) missing += out.fill[i] == kNoData;
    if (hatched && missing)
      out.legend.entries.push_back(
          {LegendEntry::Kind::Fill,
           with_communes(tr(style == StyleKind::Rate ? Text::NoPopulation : Text::NoData, lang),
                         missing, lang),
           kNoData,
           {}});
    hatch_legend();
  };
  switch (style) {
    case StyleKind::Plain:
      std::fill(out.fill.begin(), out.fill.end(), kPlainInk);
      break;
    case StyleKind::DrugFree:
      categorical(
          data.drug_free_statuses, kDrugFree, std::size(kDrugFree),
          [&](const Commune& c) { return status_on(c, days.to).drug_free; }, Text::DrugFree);
      break;
    case StyleKind::Antt:
      categorical(
          data.antt_standards, kAntt, std::size(kAntt),
          [&](const Commune& c) { return status_on(c, days.to).antt; }, Text::Antt);
      break;
    case StyleKind::Movement:
      categorical(
          data.movement_classes, kMovement, std::size(kMovement),
          [&](const Commune& c) { return status_on(c, days.to).movement; }, Text::Movement);
      break;
    case StyleKind::Designations: {
      // The commune's first designation type in code-list order (model unit first) among those
      // of the window's year or earlier; communes without one in a near-white.
      out.legend.title = tr(Text::Designations, lang);
      const int year = window_year(days);
      std::vector<int> used(data.designation_types.size(), 0);
      int none = 0;
      for (size_t i = 0; i < n; ++i) {
        int best = -1;
        for (const auto& d : data.communes[i].designations)
          if (d.type >= 0 && d.year <= year && (best < 0 || d.type < best)) best = d.type;
        if (best < 0) {
          out.fill[i] = kNoDesignation;
          ++none;
          continue;
        }
        out.fill[i] = pick(kDesignation, std::size(kDesignation), best);
        out.cls[i] = best;
        ++used[best];
      }
      for (size_t t = 0; t < used.size(); ++t)
        if (used[t])
          out.legend.entries.push_back(
              {LegendEntry::Kind::Fill,
               with_communes(data.designation_types.name(static_cast<int>(t), lang), used[t], lang),
               pick(kDesignation, std::size(kDesignation), static_cast<int>(t)),
               {}});
      if (none)
        out.legend.entries.push_back({LegendEntry::Kind::Fill,
                                      with_communes(tr(Text::NoDesignation, lang), none, lang),
                                      kNoDesignation,
                                      {}});
      break;
    }
    case StyleKind::Count: {
      out.legend.title = tr(Text::IncidentCount, lang);
      const std::vector<int> counts = counts_in(days);
      graduated(graduated_values(data, style, filter, params.suppress_below), kCounts, true, 0,
                Text::NoData);
      hatch_small(counts);
      break;
    }
    case StyleKind::Rate: {
      out.legend.title = tr(Text::IncidentRate, lang);
      const std::vector<int> counts = counts_in(days);
      graduated(graduated_values(data, style, filter, params.suppress_below), kRates, false, 1,
                Text::NoPopulation);
      hatch_small(counts);
      break;
    }
    case StyleKind::Change: {
      out.legend.title = tr(Text::Change, lang);
      if (!bounded(days)) {  // "a year earlier" needs a window
        out.legend.entries.push_back(
            {LegendEntry::Kind::Fill, tr(Text::ChangeNoWindow, lang), kNoData, {}});
        break;
      }
      const std::vector<int> cur = counts_in(days);
      const std::vector<int> base =
          counts_in({analysis::shift_years(days.from, -1), analysis::shift_years(days.to, -1)});
      constexpr int kClasses = std::size(kChange);
      std::vector<int> used(kClasses, 0);
      int few = 0;
      long total_cur = 0, total_base = 0;
      for (size_t i = 0; i < n; ++i) {
        total_cur += cur[i];
        total_base += base[i];
        if (small(cur[i]) || small(base[i])) {  // public-safe: hidden, hatched
          if (out.hatched.empty()) out.hatched.assign(n, 0);
          out.hatched[i] = 1, out.fill[i] = kHatchFill;
          continue;
        }
        if (std::max(cur[i], base[i]) < kChangeMinBase) {
          ++few;
          continue;
        }
        // No baseline and at least kChangeMinBase now: "new", drawn with the largest rise.
        const double pct = base[i] == 0 ? 1e9 : 100.0 * (cur[i] - base[i]) / base[i];
        int c = 0;
        while (c < kClasses - 1 && pct >= kChangeUpper[c]) ++c;
        out.fill[i] = kChange[c];
        out.cls[i] = c;
        ++used[c];
      }
      // Title: the province totals, as the plans report them ("… 120, now 98 (-18%)").
      out.legend.title += " — " + std::string(tr(Text::Province, lang)) + " " +
                          fmt_int(total_base) + (lang == Lang::Vi ? ", nay " : ", now ") +
                          fmt_int(total_cur);
      if (total_base > 0)
        out.legend.title += " (" + fmt_pct(100.0 * (total_cur - total_base) / total_base) + ")";
      for (int c = kClasses - 1; c >= 0; --c) {  // rises first, as a reader scans top-down
        if (!used[c]) continue;
        std::string label = c == 0 ? "< " + fmt_pct(kChangeUpper[0])
                            : c == kClasses - 1
                                ? fmt_pct(kChangeUpper[c - 1]) + " " + tr(Text::ChangeNew, lang)
                                : fmt_pct(kChangeUpper[c - 1]) + " … " + fmt_pct(kChangeUpper[c]);
        out.legend.entries.push_back(
            {LegendEntry::Kind::Fill, with_communes(label, used[c], lang), kChange[c], {}});
      }
      if (few)
        out.legend.entries.push_back({LegendEntry::Kind::Fill,
                                      with_communes(tr(Text::ChangeFewIncidents, lang), few, lang),
                                      kNoData,
                                      {}});
      hatch_legend();
      break;
    }
    case StyleKind::Hotspots: {
      out.legend.title = tr(Text::Hotspots, lang);
      out.hotspot_class.assign(n, "ns");
      if (n >= 3) {
        const std::vector<int> counts = counts_in(days);
        const std::vector<double> x(counts.begin(), counts.end());
        std::optional<analysis::Weights> own;
        if (!params.neighbours) own = analysis::queen_weights(commune_lonlat_shapes(data));
        out.hotspot_class =
            analysis::default_hotspot_classes(params.neighbours ? *params.neighbours : *own, x);
      }
      constexpr int kClasses = std::size(kHotClass);
      std::vector<int> used(kClasses, 0);
      for (size_t i = 0; i < n; ++i) {
        int c = 3;
        for (int k = 0; k < kClasses; ++k)
          if (out.hotspot_class[i] == kHotClass[k]) c = k;
        out.fill[i] = kHot[c];
        out.cls[i] = c;
        ++used[c];
      }
      for (int c = kClasses - 1; c >= 0; --c) {
        if (!used[c]) continue;
        const std::string cls = kHotClass[c];
        std::string label;
        if (cls == "ns") {
          label = tr(Text::HotNotSignificant, lang);
        } else {
          const bool hot = cls[0] == 'h';
          const std::string conf = cls.substr(cls.size() - 2);
          label = lang == Lang::Vi ? std::string(hot ? "Điểm nóng " : "Điểm lạnh ") + conf + "%"
                                   : std::string(hot ? "Hot spot " : "Cold spot ") + conf + "%";
        }
        out.legend.entries.push_back(
            {LegendEntry::Kind::Fill, with_communes(label, used[c], lang), kHot[c], {}});
      }
      break;
    }
    case StyleKind::Kde:
      // The raster carries the legend (density_legend); communes are a quiet base.
      std::fill(out.fill.begin(), out.fill.end(), kKdeBase);
      out.legend.title = tr(Text::Communes, lang);
      break;
  }
  return out;
}

DensityClasses density_classes(double max_density) {
  DensityClasses c;
  if (!(max_density > 0) || !std::isfinite(max_density)) return c;
  for (int k = 0; k < kDensityClassCount; ++k) {
    // Two significant digits, so the legend reads cleanly and the shader uses the same values.
    const double v = max_density * kDensityShare[k];
    const double mag = std::pow(10.0, std::floor(std::log10(v)) - 1);
    c.lower.push_back(static_cast<float>(std::round(v / mag) * mag));
    c.colour.push_back(kDensity[k]);
  }
  return c;
}

LegendSection density_legend(const DensityClasses& c, double bandwidth_m, Lang lang) {
  LegendSection s;
  s.title = std::string(tr(Text::Density, lang)) +
            (lang == Lang::Vi ? " (bán kính " : " (bandwidth ") + fmt_num(bandwidth_m / 1000, 1) +
            " km), " + tr(Text::DensityUnit, lang);
  const size_t k = c.lower.size();
  for (size_t i = k; i-- > 0;) {
    const int digits = c.lower[i] >= 10 ? 0 : c.lower[i] >= 1 ? 1 : c.lower[i] >= 0.1 ? 2 : 3;
    const std::string label =
        i + 1 == k ? (lang == Lang::Vi ? "từ " + fmt_num(c.lower[i], digits) + " trở lên"
                                       : fmt_num(c.lower[i], digits) + " or more")
                   : fmt_num(c.lower[i], digits) + " – " + fmt_num(c.lower[i + 1], digits);
    s.entries.push_back({LegendEntry::Kind::Fill, label, c.colour[i], {}});
  }
  return s;
}

PointSymbol crossing_symbol(std::string_view kind) {
  if (kind == "international_gate") return {Shape::Star, {200, 20, 20, 255}, 1.6f};
  if (kind == "main_gate") return {Shape::Square, {230, 110, 0, 255}, 1.15f};
  if (kind == "secondary_gate") return {Shape::Diamond, {240, 190, 0, 255}, 1.15f};
  if (kind == "opening") return {Shape::Triangle, {120, 40, 160, 255}, 1.1f};
  if (kind == "trail") return {Shape::Ring, {40, 40, 40, 255}, 0.9f};
  return {Shape::Circle, {100, 100, 100, 255}, 1.0f};
}

PointSymbol facility_symbol(int kind_index) {
  static constexpr Rgba kFacility[] = {{20, 110, 50, 255}, {60, 150, 90, 255}, {30, 60, 170, 255},
                                       {0, 130, 150, 255}, {90, 90, 90, 255},  {140, 60, 20, 255}};
  return {Shape::Square, pick(kFacility, std::size(kFacility), std::max(kind_index, 0)), 0.7f};
}

Rgba incident_group_colour(int group_index) {
  return pick(kGroups, std::size(kGroups), std::max(group_index, 0));
}

std::vector<std::pair<double, double>> shape_outline(Shape shape) {
  constexpr double kPi = 3.14159265358979323846;
  std::vector<std::pair<double, double>> out;
  switch (shape) {
    case Shape::Circle:
    case Shape::Ring:
      for (int i = 0; i < 32; ++i)
        out.emplace_back(std::cos(2 * kPi * i / 32), std::sin(2 * kPi * i / 32));
      break;
    case Shape::Square:
      out = {{-0.85, -0.85}, {0.85, -0.85}, {0.85, 0.85}, {-0.85, 0.85}};
      break;
    case Shape::Diamond:
      out = {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
      break;
    case Shape::Triangle:
      out = {{0, -1}, {0.87, 0.5}, {-0.87, 0.5}};
      break;
    case Shape::Star:
      for (int i = 0; i < 10; ++i) {
        const double r = i % 2 == 0 ? 1 : 0.45, a = -kPi / 2 + i * kPi / 5;
        out.emplace_back(r * std::cos(a), r * std::sin(a));
      }
      break;
  }
  return out;
}

const char* tr(Text id, Lang lang) {
  const bool vi = lang == Lang::Vi;
  switch (id) {
    case Text::IncidentsBinned:
      return vi ? "Vụ việc gộp theo ô lục giác (số vụ mỗi ô)"
                : "Incidents binned in hexagons (incidents per hexagon)";
    case Text::Patrols:
      return vi ? "Tuyến tuần tra" : "Patrol routes";
    case Text::Suppressed:
      return vi ? "vụ: ẩn số nhỏ" : "incidents: small counts hidden";
    case Text::SuppressedHatch:  // a printf format: the threshold
      return vi ? "Dưới %d — ẩn" : "Under %d — hidden";
    case Text::PublicSafeMark:
      return vi ? "Bản công khai: không hiển thị vụ việc riêng lẻ và thông tin nhạy cảm"
                : "Public version: no individual incidents or sensitive features";
    case Text::Coverage:
      return vi ? "Mức tuần tra đoạn biên giới" : "Border patrol coverage";
    case Text::CoverageNone:
      return vi ? "Chưa được tuần tra" : "Not patrolled";
    case Text::CoveragePlanned:
      return vi ? "Chỉ có kế hoạch" : "Planned only";
    case Text::CoverageDoneEarlier:
      return vi ? "Đã tuần tra, trước %d ngày gần nhất" : "Patrolled, not in the last %d days";
    case Text::CoverageDoneRecent:
      return vi ? "Đã tuần tra trong %d ngày gần nhất" : "Patrolled in the last %d days";
    case Text::CoverageOften:
      return vi ? "Nét càng đậm: càng nhiều lượt tuần tra" : "Wider line: patrolled more often";
    case Text::BloLinks:
      return vi ? "Liên kết văn phòng liên lạc biên giới (BLO)" : "Border liaison office links";
    case Text::Legend:
      return vi ? "Chú giải" : "Legend";
    case Text::LegendMore:
      return vi ? "(+%d phần không vừa bản đồ này: tắt bớt lớp hoặc phóng to cửa sổ)"
                : "(+%d sections do not fit this map: switch layers off or enlarge the window)";
    case Text::Communes:
      return vi ? "Xã, phường" : "Communes and wards";
    case Text::Border:
      return vi ? "Đường biên giới quốc gia" : "National border";
    case Text::Crossings:
      return vi ? "Cửa khẩu, lối mở" : "Border crossings";
    case Text::Facilities:
      return vi ? "Đồn, trạm, cơ quan" : "Facilities";
    case Text::Incidents:
      return vi ? "Vụ việc theo nhóm" : "Incidents by group";
    case Text::NoData:
      return vi ? "Chưa có dữ liệu" : "No data";
    case Text::North:
      return vi ? "B" : "N";
    case Text::DemoMark:
      return "DỮ LIỆU MINH HỌA — demo data";
    case Text::IncidentCount:
      return vi ? "Số vụ việc" : "Number of incidents";
    case Text::DrugFree:
      return vi ? "Xã không ma túy" : "Drug-free status";
    case Text::Antt:
      return vi ? "Chuẩn an toàn về ANTT" : "Security and order standard";
    case Text::Movement:
      return vi ? "Phân loại phong trào toàn dân bảo vệ ANTQ"
                : "All-People movement classification";
    case Text::Designations:
      return vi ? "Điển hình, mô hình (loại đứng đầu danh mục)"
                : "Designations (first type in list order)";
    case Text::NoDesignation:
      return vi ? "Chưa có" : "None";
    case Text::IncidentRate:
      return vi ? "Số vụ trên 10.000 dân" : "Incidents per 10,000 people";
    case Text::NoPopulation:
      return vi ? "Chưa có số dân" : "No population figure";
    case Text::Change:
      return vi ? "Tăng, giảm so với cùng kỳ năm trước"
                : "Change against the same window a year earlier";
    case Text::ChangeFewIncidents:
      return vi ? "Ít vụ (dưới 5 cả hai kỳ)" : "Too few (under 5 in both windows)";
    case Text::ChangeNoWindow:
      return vi ? "Chọn khoảng thời gian để so sánh" : "Choose a time window to compare";
    case Text::ChangeNew:
      return vi ? "trở lên, hoặc mới phát sinh" : "or more, or new";
    case Text::Province:
      return vi ? "toàn tỉnh: cùng kỳ" : "province: a year earlier";
    case Text::Hotspots:
      return vi ? "Điểm nóng Gi* (kề cạnh, độ tin cậy)"
                : "Gi* hot spots (queen contiguity, confidence)";
    case Text::HotNotSignificant:
      return vi ? "Không có ý nghĩa thống kê" : "Not significant";
    case Text::Density:
      return vi ? "Mật độ vụ việc" : "Incident density";
    case Text::DensityUnit:
      return vi ? "vụ/km²" : "incidents per km²";
  }
  return "";
}

}  // namespace secmap::render
