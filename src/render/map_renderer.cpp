#include "render/map_renderer.h"

#include <algorithm>
#include <chrono>

namespace secmap::render {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::vector<uint8_t> kind_classes(const std::vector<PointFeature>& pts) {
  std::vector<uint8_t> c;
  c.reserve(pts.size());
  for (const auto& p : pts)
    c.push_back(static_cast<uint8_t>(std::clamp(p.kind, 0, PointStyle::kMaxClasses - 1)));
  return c;
}

std::vector<geo::Point> positions(const std::vector<PointFeature>& pts) {
  std::vector<geo::Point> out;
  out.reserve(pts.size());
  for (const auto& p : pts) out.push_back(p.at);
  return out;
}

void clear(Rgba c) {
  glClearColor(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

MapRenderer::MapRenderer(const MapData& data) : data_(data) {
  border_.set_lines(data.border, data.origin);
  crossings_.set_points(positions(data.crossings), {}, kind_classes(data.crossings), data.origin);
  facilities_.set_points(positions(data.facilities), {}, kind_classes(data.facilities),
                         data.origin);
  incidents_.set_points(data.incidents.at, data.incidents.day, data.incidents.group, data.origin);
  check_gl("uploading the map layers");
}

void MapRenderer::ensure_lod(int level) {
  if (level == lod_) return;
  auto t0 = Clock::now();
  auto it = lod_cache_.find(level);
  if (it == lod_cache_.end())
    it =
        lod_cache_
            .emplace(level, tessellate_communes(data_.communes, data_.origin, lod_tolerance(level)))
            .first;
  timings_.tessellate_ms = ms_since(t0);
  t0 = Clock::now();
  fills_.set_triangles(it->second.triangles);
  outlines_.set_lines(it->second.outlines, data_.origin);
  timings_.upload_ms = ms_since(t0);
  timings_.vertices_in = it->second.vertices_in;
  timings_.vertices_drawn = it->second.vertices_simplified;
  timings_.triangles = it->second.triangles.size() / 9;
  lod_ = level;
}

void MapRenderer::ensure_colours(const MapOptions& o) {
  const bool days_matter = o.style == StyleKind::Incidents;
  if (colours_set_ && coloured_style_ == o.style &&
      (!days_matter || (coloured_days_.from == o.days.from && coloured_days_.to == o.days.to)))
    return;
  fills_.set_colours(style_communes(data_, o.style, o.lang, o.days).fill);
  colours_set_ = true;
  coloured_style_ = o.style;
  coloured_days_ = o.days;
}

void MapRenderer::render(const View& view, const MapOptions& o) {
  timings_.tessellate_ms = timings_.upload_ms = 0;
  auto has = [&](std::string_view layer) { return o.layers.count(layer) > 0; };
  if (has("communes")) ensure_lod(lod_level(view.m_per_px));
  if (has("communes") && !o.plain) ensure_colours(o);

  auto t0 = Clock::now();
  glViewport(0, 0, view.width, view.height);
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);  // GEOS triangles have no guaranteed winding
  glDisable(GL_SCISSOR_TEST);
  if (o.plain) {
    glDisable(GL_BLEND);
  } else {
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  }
  clear(o.plain ? kPlainBackground : kBackground);
  const float k = o.symbol_scale;
  const std::optional<Rgba> ink = o.plain ? std::optional<Rgba>(kPlainInk) : std::nullopt;

  if (has("communes")) {
    fills_.draw(view, data_.origin, o.plain ? 1.f : o.fill_opacity, ink);
    if (!o.plain) outlines_.draw(view, data_.origin, 1.0f * k, kOutline);
  }
  if (has("border"))
    border_.draw(view, data_.origin, (o.plain ? 2.f : 3.f) * k, ink.value_or(kBorderLine));

  PointStyle ps;
  ps.smooth = !o.plain;
  auto fill_all = [&](PointStyle& s, Rgba c) {
    for (auto& cls : s.classes) cls = {Shape::Circle, c, 1.f};
  };
  if (has("facilities")) {
    ps.size_px = 9 * k;
    ps.outline_px = o.plain ? 0.f : 1.f;
    for (int c = 0; c < PointStyle::kMaxClasses; ++c) ps.classes[c] = facility_symbol(c);
    if (o.plain)
      for (auto& cls : ps.classes) cls.fill = kPlainInk;
    facilities_.draw(view, data_.origin, ps);
  }
  if (has("incidents")) {
    PointStyle is;
    is.smooth = !o.plain;
    is.size_px = 5 * k;
    is.outline_px = o.plain ? 0.f : 0.6f;
    is.outline = {255, 255, 255, 200};
    for (int c = 0; c < PointStyle::kMaxClasses; ++c)
      is.classes[c] = {Shape::Circle, incident_group_colour(c), 1.f};
    if (o.plain) fill_all(is, kPlainInk);
    is.days = o.days;
    is.class_mask = o.group_mask;
    incidents_.draw(view, data_.origin, is);
  }
  if (has("crossings")) {
    PointStyle cs;
    cs.smooth = !o.plain;
    cs.size_px = 13 * k;
    cs.outline_px = o.plain ? 0.f : 1.2f;
    cs.outline = {30, 30, 30, 255};
    for (size_t c = 0; c < data_.crossing_kinds.size() && c < PointStyle::kMaxClasses; ++c)
      cs.classes[c] = crossing_symbol(data_.crossing_kinds.entries[c].code);
    if (o.plain)
      for (auto& cls : cs.classes) cls.fill = kPlainInk;
    crossings_.draw(view, data_.origin, cs);
  }
  glFinish();  // so the timing covers the GPU (or llvmpipe) work
  timings_.draw_ms = ms_since(t0);
  check_gl("drawing the map");
}

size_t MapRenderer::visible_incidents(const MapOptions& o) const {
  size_t n = 0;
  for (size_t i = 0; i < data_.incidents.size(); ++i)
    if (o.days.contains(data_.incidents.day[i]) &&
        ((o.group_mask >> std::min<int>(data_.incidents.group[i], 15)) & 1u))
      ++n;
  return n;
}

std::vector<LegendSection> MapRenderer::legend(const MapOptions& o) const {
  std::vector<LegendSection> out;
  if (o.plain) return out;
  auto has = [&](std::string_view layer) { return o.layers.count(layer) > 0; };
  if (has("communes") && !data_.communes.empty()) {
    LegendSection s = style_communes(data_, o.style, o.lang, o.days).legend;
    if (s.title.empty()) s.title = tr(Text::Communes, o.lang);
    out.push_back(std::move(s));
  }
  if (has("border") && !data_.border.empty())
    out.push_back({"", {{LegendEntry::Kind::Line, tr(Text::Border, o.lang), kBorderLine, {}}}});
  auto kinds_section = [&](const std::vector<PointFeature>& pts, const CodeList& kinds, Text title,
                           auto symbol_of) {
    std::vector<bool> used(kinds.size(), false);
    for (const auto& p : pts)
      if (p.kind >= 0) used[p.kind] = true;
    LegendSection s{tr(title, o.lang), {}};
    for (size_t c = 0; c < kinds.size(); ++c)
      if (used[c]) {
        PointSymbol sym = symbol_of(static_cast<int>(c));
        s.entries.push_back(
            {LegendEntry::Kind::Point, kinds.name(static_cast<int>(c), o.lang), sym.fill, sym});
      }
    if (!s.entries.empty()) out.push_back(std::move(s));
  };
  if (has("crossings"))
    kinds_section(data_.crossings, data_.crossing_kinds, Text::Crossings,
                  [&](int c) { return crossing_symbol(data_.crossing_kinds.entries[c].code); });
  if (has("facilities"))
    kinds_section(data_.facilities, data_.facility_kinds, Text::Facilities,
                  [](int c) { return facility_symbol(c); });
  if (has("incidents")) {
    // Only the groups that have an incident shown in the current window.
    std::vector<size_t> n(data_.incident_groups.size() + 1, 0);
    for (size_t i = 0; i < data_.incidents.size(); ++i)
      if (o.days.contains(data_.incidents.day[i]) &&
          ((o.group_mask >> std::min<int>(data_.incidents.group[i], 15)) & 1u))
        ++n[std::min<size_t>(data_.incidents.group[i], n.size() - 1)];
    LegendSection s{tr(Text::Incidents, o.lang), {}};
    for (size_t g = 0; g < data_.incident_groups.size(); ++g)
      if (n[g]) {
        Rgba c = incident_group_colour(static_cast<int>(g));
        s.entries.push_back({LegendEntry::Kind::Point,
                             data_.incident_groups.name(static_cast<int>(g), o.lang) + " (" +
                                 std::to_string(n[g]) + ")",
                             c,
                             {Shape::Circle, c, 0.6f}});
      }
    if (!s.entries.empty()) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace secmap::render
