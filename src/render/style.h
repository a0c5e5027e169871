// Map styles: which attribute colours the communes, the class breaks and colours, the symbols
// of crossings and incidents, and the legend that describes exactly that. GL-free; the legend
// is built from the same tables the renderer draws with, so the two cannot disagree.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/weights.h"
#include "render/map_data.h"

namespace secmap::render {

// What colours the communes. Count was first called "incidents" (still accepted by
// parse_style). Kde draws the communes in one light colour under the density raster.
enum class StyleKind {
  DrugFree,
  Antt,
  Movement,
  Designations,
  Count,
  Rate,
  Change,
  Hotspots,
  Kde,
  Plain
};
// "drugfree", "antt", "movement", "designations", "count" (or "incidents"), "rate", "change",
// "hotspots", "kde", "plain"; nullopt for an unknown name.
std::optional<StyleKind> parse_style(std::string_view name);
// The name parse_style reads back ("count" for Count).
const char* style_name(StyleKind style);
// Every style a user can pick, in menu order (Plain excluded).
inline constexpr StyleKind kUserStyles[] = {
    StyleKind::DrugFree,     StyleKind::Antt,     StyleKind::Movement,
    StyleKind::Designations, StyleKind::Count,    StyleKind::Rate,
    StyleKind::Change,       StyleKind::Hotspots, StyleKind::Kde};
// Styles whose colours depend on the incident window (re-styled when it changes).
bool style_uses_incidents(StyleKind style);
// Styles drawn from what was in force on the window's last day (statuses as of it, designations
// of its year or earlier): re-styled when that day changes.
bool style_uses_window_end(StyleKind style);

struct Rgba {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  bool operator==(const Rgba&) const = default;
  uint32_t abgr() const {  // ImGui's IM_COL32 packing
    return static_cast<uint32_t>(r) | static_cast<uint32_t>(g) << 8 |
           static_cast<uint32_t>(b) << 16 | static_cast<uint32_t>(a) << 24;
  }
};

// Point symbol shapes, drawn by shaders/point.frag.
enum class Shape : int { Circle = 0, Square = 1, Diamond = 2, Triangle = 3, Star = 4, Ring = 5 };

// The outline of a shape of radius 1 around (0, 0), y down, as the map draws it: the square,
// diamond, triangle and five-pointed star by their corners, the circle and the ring as a
// 32-gon (a ring is drawn as a thick outline, not filled). Legends in every medium (the
// window's overlay, PDF and PNG pages) draw their symbols from this.
std::vector<std::pair<double, double>> shape_outline(Shape shape);

struct PointSymbol {
  Shape shape = Shape::Circle;
  Rgba fill;
  float scale = 1;  // relative to the layer's base size
};

struct LegendEntry {
  // Hex: a binned-incident class (symbol.scale is the hexagon's size); Hatch: communes whose
  // small count is hidden (public-safe), drawn hatched.
  enum class Kind { Fill, Line, Point, Hex, Hatch } kind = Kind::Fill;
  std::string label;
  Rgba colour;
  PointSymbol symbol;  // for Kind::Point
};
struct LegendSection {
  std::string title;
  std::vector<LegendEntry> entries;
};

// Date window for incidents, inclusive days since 1970-01-01.
struct DayRange {
  int32_t from = INT32_MIN / 2;
  int32_t to = INT32_MAX / 2;
  bool contains(int32_t d) const { return d >= from && d <= to; }
};

// Commune fill colours and their legend section.
struct CommuneColours {
  std::vector<Rgba> fill;  // one per MapData::communes entry
  LegendSection legend;
  // Per commune, the class the fill shows (-1: no data), for identify and tests; for Hotspots
  // the analysis class code ("hot_99" … "ns").
  std::vector<int> cls;
  std::vector<std::string> hotspot_class;
  // Per commune, 1 where a public-safe view hides its small count: drawn hatched (kHatchInk
  // stripes over the fill), not as no data.
  std::vector<uint8_t> hatched;
};

// Knobs of the analysis styles. Hotspots are analysis::default_hotspot_classes, the classes
// `secmap analyze hotspots` reports by default, so the map and the command agree.
struct StyleParams {
  // Hotspots: the communes' queen weights, when the caller keeps them (they depend on the
  // geometry only); null: built for this call.
  const analysis::Weights* neighbours = nullptr;
  // Public-safe views: communes with 1 … suppress_below − 1 incidents are not classed (Count and
  // Rate draw them in the no-data colour, Change as too few) and the legend says so; 0 = off.
  int suppress_below = 0;
  // Count and Rate: these class upper bounds instead of natural breaks over this window's
  // values, so that two maps (side-by-side panes, a comparison export) share their classes;
  // see shared_class_breaks. Empty: natural breaks.
  std::vector<double> breaks;
};

// Change against the same window a year earlier: a commune with fewer than this many incidents
// in both windows is shown as "too few to compare" — on small bases one incident is ±50% or
// more, which says nothing.
inline constexpr int kChangeMinBase = 5;
// Rates are per this many people.
inline constexpr double kRatePer = 10000;

struct IncidentFilter;
// The commune colours for a style. Styles drawn from incident counts (Count, Rate, Change,
// Hotspots) count the incidents `filter` accepts, the same set the incident layer draws (Change
// compares with the same filter a year earlier); the DayRange form filters by dates only.
CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang,
                              const IncidentFilter& filter, const StyleParams& params = {});
CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang, DayRange days,
                              const StyleParams& params = {});
// The communes' polygons back in EPSG:4326 (what analysis::queen_weights takes).
std::vector<geo::Geometry> commune_lonlat_shapes(const MapData& data);
// Class upper bounds for Count or Rate shared by several maps: natural breaks over the values
// of every filter's window together (small counts left out as params.suppress_below says).
// Empty for other styles (their classes do not depend on the data).
std::vector<double> shared_class_breaks(const MapData& data, StyleKind style,
                                        const std::vector<IncidentFilter>& filters,
                                        const StyleParams& params = {});

// The density raster (StyleKind::Kde): classes of incidents per km², transparent below the
// first bound. The raster shader and the legend both read these.
struct DensityClasses {
  std::vector<float> lower;  // ascending lower bounds; class k is [lower[k], lower[k+1])
  std::vector<Rgba> colour;  // one per class
};
inline constexpr int kDensityClassCount = 6;
// Classes for a surface whose largest value is `max_density` (none when it is not > 0).
DensityClasses density_classes(double max_density);
LegendSection density_legend(const DensityClasses& c, double bandwidth_m, Lang lang);

inline constexpr Rgba kOutline{90, 90, 90, 255};
inline constexpr Rgba kBorderLine{200, 30, 30, 255};
inline constexpr Rgba kBackground{235, 240, 245, 255};
inline constexpr Rgba kPlainBackground{255, 255, 255, 255};
inline constexpr Rgba kPlainInk{0, 0, 0, 255};
// Hatched communes (suppressed small counts): dark grey stripes over a near-white fill.
inline constexpr Rgba kHatchFill{250, 250, 250, 255};
inline constexpr Rgba kHatchInk{110, 110, 110, 255};

PointSymbol crossing_symbol(std::string_view kind_code);
PointSymbol facility_symbol(int kind_index);
Rgba incident_group_colour(int group_index);

// Fixed UI text of the rendered map (legend titles, scale bar, demo mark), Vietnamese or English.
enum class Text {
  Legend,
  Communes,
  Border,
  Crossings,
  Facilities,
  Incidents,
  NoData,
  North,
  DemoMark,
  IncidentCount,
  DrugFree,
  Antt,
  Movement,
  Designations,
  NoDesignation,
  IncidentRate,
  NoPopulation,
  Change,
  ChangeFewIncidents,
  ChangeNoWindow,
  ChangeNew,
  Province,
  Hotspots,
  HotNotSignificant,
  Density,
  DensityUnit,
  IncidentsBinned,  // the incident bin grid's legend title
  Patrols,
  Suppressed,       // public-safe: "< n incidents (not shown)" after the threshold
  SuppressedHatch,  // public-safe legend entry for hatched communes: "Dưới n — ẩn"
  PublicSafeMark,   // public-safe: what the map leaves out
  // the patrol coverage layer (render/coverage_segments.h); %d: the "recent" days
  Coverage,
  CoverageNone,
  CoveragePlanned,
  CoverageDoneEarlier,
  CoverageDoneRecent,
  CoverageOften,
  BloLinks,   // BLO offices linked to their counterparts across the border
  LegendMore  // %d legend sections left out of a small map (printf format), where to find them
};
const char* tr(Text id, Lang lang);

}  // namespace secmap::render
