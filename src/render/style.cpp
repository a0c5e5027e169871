#include "render/style.h"

#include <algorithm>
#include <cmath>

namespace secmap::render {
namespace {

constexpr Rgba kNoData{210, 210, 210, 255};

// Categorical colours for drug-free statuses in code-list order: drug-free green, not yet red,
// being transformed amber.
constexpr Rgba kDrugFree[] = {
    {120, 190, 120, 255}, {230, 110, 95, 255}, {245, 190, 90, 255}, {160, 160, 220, 255}};
constexpr Rgba kAntt[] = {{110, 170, 220, 255}, {240, 150, 110, 255}, {200, 200, 120, 255}};
// Sequential yellow → dark red for graduated incident counts (ColorBrewer YlOrRd 5).
constexpr Rgba kCounts[] = {{255, 255, 178, 255},
                            {254, 204, 92, 255},
                            {253, 141, 60, 255},
                            {240, 59, 32, 255},
                            {189, 0, 38, 255}};
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

}  // namespace

std::optional<StyleKind> parse_style(std::string_view name) {
  if (name == "drugfree") return StyleKind::DrugFree;
  if (name == "antt") return StyleKind::Antt;
  if (name == "incidents") return StyleKind::Incidents;
  if (name == "plain") return StyleKind::Plain;
  return std::nullopt;
}

CommuneColours style_communes(const MapData& data, StyleKind style, Lang lang, DayRange days) {
  CommuneColours out;
  out.fill.resize(data.communes.size(), kNoData);
  auto categorical = [&](const CodeList& list, const Rgba* table, size_t n, auto attr, Text title) {
    out.legend.title = tr(title, lang);
    std::vector<bool> used(list.size(), false);
    bool any_unknown = false;
    for (size_t i = 0; i < data.communes.size(); ++i) {
      int v = attr(data.communes[i]);
      out.fill[i] = pick(table, n, v);
      if (v >= 0 && static_cast<size_t>(v) < used.size())
        used[v] = true;
      else
        any_unknown = true;
    }
    for (size_t v = 0; v < list.size(); ++v)
      if (used[v])
        out.legend.entries.push_back({LegendEntry::Kind::Fill,
                                      list.name(static_cast<int>(v), lang),
                                      pick(table, n, static_cast<int>(v)),
                                      {}});
    if (any_unknown)
      out.legend.entries.push_back({LegendEntry::Kind::Fill, tr(Text::NoData, lang), kNoData, {}});
  };

  switch (style) {
    case StyleKind::Plain:
      std::fill(out.fill.begin(), out.fill.end(), kPlainInk);
      break;
    case StyleKind::DrugFree:
      categorical(
          data.drug_free_statuses, kDrugFree, std::size(kDrugFree),
          [](const Commune& c) { return c.drug_free; }, Text::DrugFree);
      break;
    case StyleKind::Antt:
      categorical(
          data.antt_standards, kAntt, std::size(kAntt), [](const Commune& c) { return c.antt; },
          Text::Antt);
      break;
    case StyleKind::Incidents: {
      // Graduated: 0, then four classes at "nice" breaks of the largest count.
      out.legend.title = tr(Text::IncidentCount, lang);
      std::vector<int> counts = data.incident_counts(days.from, days.to);
      int max = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
      int step = std::max(1, static_cast<int>(std::ceil(max / 4.0)));
      if (step > 5) {  // round the class width to 1, 2 or 5 × 10^n
        double mag = std::pow(10.0, std::floor(std::log10(step)));
        double r = step / mag;
        step = static_cast<int>((r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag);
      }
      std::vector<bool> used(5, false);
      for (size_t i = 0; i < counts.size(); ++i) {
        int cls = counts[i] == 0 ? 0 : std::min(4, 1 + (counts[i] - 1) / step);
        out.fill[i] = kCounts[cls];
        used[cls] = true;
      }
      for (int cls = 0; cls < 5; ++cls) {
        if (!used[cls]) continue;
        std::string label = cls == 0 ? "0"
                            : cls == 4
                                ? "> " + fmt_int(3L * step)
                                : fmt_int(1L + (cls - 1) * step) + " – " + fmt_int(1L * cls * step);
        out.legend.entries.push_back({LegendEntry::Kind::Fill, label, kCounts[cls], {}});
      }
      break;
    }
  }
  return out;
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

const char* tr(Text id, Lang lang) {
  const bool vi = lang == Lang::Vi;
  switch (id) {
    case Text::Legend:
      return vi ? "Chú giải" : "Legend";
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
  }
  return "";
}

}  // namespace secmap::render
