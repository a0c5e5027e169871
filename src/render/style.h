// Map styles: which attribute colours the communes, the class breaks and colours, the symbols
// of crossings and incidents, and the legend that describes exactly that. GL-free; the legend
// is built from the same tables the renderer draws with, so the two cannot disagree.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "render/map_data.h"

namespace secmap::render {

enum class StyleKind { DrugFree, Antt, Incidents, Plain };
// "drugfree", "antt", "incidents", "plain"; nullopt for an unknown name.
std::optional<StyleKind> parse_style(std::string_view name);

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

struct PointSymbol {
  Shape shape = Shape::Circle;
  Rgba fill;
  float scale = 1;  // relative to the layer's base size
};

struct LegendEntry {
  enum class Kind { Fill, Line, Point } kind = Kind::Fill;
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
};
CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang, DayRange days);

inline constexpr Rgba kOutline{90, 90, 90, 255};
inline constexpr Rgba kBorderLine{200, 30, 30, 255};
inline constexpr Rgba kBackground{235, 240, 245, 255};
inline constexpr Rgba kPlainBackground{255, 255, 255, 255};
inline constexpr Rgba kPlainInk{0, 0, 0, 255};

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
  Antt
};
const char* tr(Text id, Lang lang);

}  // namespace secmap::render
