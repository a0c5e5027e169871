#include "render/map_renderer.h"

#include "render/public_safe.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

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

// Patrol routes: a violet that no commune style or incident group uses.
constexpr Rgba kPatrolLine{110, 40, 170, 230};

void clear(Rgba c) {
  glClearColor(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
  glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace

MapRenderer::MapRenderer(const MapData& data)
    : data_(data), lod_cache_(data.communes, data.origin) {
  border_.set_lines(data.border, data.origin);
  DataChange all;
  all.incidents = all.crossings = all.facilities = all.patrols = true;
  upload(all);
  check_gl("uploading the map layers");
}

void MapRenderer::upload(const DataChange& c) {
  const MapData& data = data_;
  if (c.crossings) {
    crossings_.set_points(positions(data.crossings), {}, kind_classes(data.crossings), data.origin);
    public_crossing_pts_ = public_features(data.crossings);
    public_crossings_.set_points(positions(public_crossing_pts_), {},
                                 kind_classes(public_crossing_pts_), data.origin);
  }
  if (c.facilities) {
    facilities_.set_points(positions(data.facilities), {}, kind_classes(data.facilities),
                           data.origin);
    public_facility_pts_ = public_features(data.facilities);
    public_facilities_.set_points(positions(public_facility_pts_), {},
                                  kind_classes(public_facility_pts_), data.origin);
  }
  if (c.incidents)
    incidents_.set_points(data.incidents.at, data.incidents.day, data.incidents.group, data.origin,
                          packed_incident_codes(data.incidents));
  if (c.patrols) patrols_uploaded_ = false;  // uploaded again for the next window drawn
}

void MapRenderer::ensure_patrols(DayRange days) {
  std::vector<uint8_t> shown(data_.patrols.size());
  for (size_t i = 0; i < shown.size(); ++i)
    shown[i] = data_.patrols[i].in_window(days.from, days.to);
  if (patrols_uploaded_ && shown == patrols_shown_) return;
  std::vector<geo::LineString> routes;
  for (size_t i = 0; i < shown.size(); ++i)
    if (shown[i]) routes.push_back(data_.patrols[i].line);
  patrols_.set_lines(routes, data_.origin);  // a few hundred short lines: cheap to re-upload
  patrols_shown_ = std::move(shown);
  patrols_uploaded_ = true;
}

size_t MapRenderer::patrols_in_window(DayRange days) const {
  size_t n = 0;
  for (const Patrol& p : data_.patrols) n += p.in_window(days.from, days.to);
  return n;
}

void MapRenderer::refresh(const DataChange& c) {
  upload(c);
  if (c.incidents || c.commune_styles) {
    // Colours, the density surface and the cached bottom layers were drawn from the old data.
    styled_.reset();
    colours_set_ = false;
    density_.reset();
  }
  // The cached bottom layers (communes, border, facilities, patrols — render_with_static_cache)
  // hold incidents only through count-like commune colours.
  if (c.commune_styles || c.facilities || c.patrols || (c.incidents && static_from_incidents_))
    static_cache_.clear();
  check_gl("refreshing the map layers");
}

void MapRenderer::ensure_lod(int level, bool prefetch, bool may_lag) {
  if (level != lod_ && may_lag && lod_ != INT_MIN && !lod_cache_.has(level)) {
    // A quick render while the view moves: keep drawing the current level (a few pixels off at
    // most) while the background thread builds this one; the settled, multisampled render waits.
    lod_cache_.prefetch({level, level - 1, level + 1, level - 2, level + 2});
    return;
  }
  if (level != lod_) {
    double waited_ms = 0;
    const CommuneMeshData& mesh = lod_cache_.get(level, &waited_ms);
    timings_.tessellate_ms = waited_ms;
    const auto t0 = Clock::now();
    fills_.set_triangles(mesh.triangles);
    outlines_.set_lines(mesh.outlines, data_.origin);
    timings_.upload_ms = ms_since(t0);
    timings_.vertices_in = mesh.vertices_in;
    timings_.vertices_drawn = mesh.vertices_simplified;
    timings_.triangles = mesh.triangles.size() / 9;
    lod_ = level;
  }
  // The levels a zoom reaches next, nearest first.
  if (prefetch) lod_cache_.prefetch({level - 1, level + 1, level - 2, level + 2});
}

bool MapRenderer::StyleInputs::operator==(const StyleInputs& o) const {
  if (style != o.style || lang != o.lang || suppress != o.suppress || breaks != o.breaks)
    return false;
  if (style_uses_window_end(style)) return filter.days.to == o.filter.days.to;
  if (!style_uses_incidents(style)) return true;
  const IncidentFilter& a = filter;
  const IncidentFilter& b = o.filter;
  return a.days.from == b.days.from && a.days.to == b.days.to && a.group_mask == b.group_mask &&
         a.category_mask == b.category_mask && a.severity_mask == b.severity_mask &&
         a.status_mask == b.status_mask;
}

MapRenderer::StyleInputs MapRenderer::style_inputs(const MapOptions& o) {
  StyleInputs in;
  in.style = o.style;
  in.lang = o.lang;
  in.filter = o.incident_filter();
  in.suppress = o.public_safe ? o.public_min_count : 0;
  in.breaks = o.commune_breaks;
  return in;
}

const CommuneColours& MapRenderer::styled(const MapOptions& o) const {
  StyleInputs in = style_inputs(o);
  if (!styled_ || !(styled_->inputs == in)) {
    StyleParams params;
    params.suppress_below = in.suppress;
    params.breaks = in.breaks;
    if (o.style == StyleKind::Hotspots) {
      // Commune polygons never change in a refresh: the weights are built once.
      if (!neighbours_) neighbours_ = analysis::queen_weights(commune_lonlat_shapes(data_));
      params.neighbours = &*neighbours_;
    }
    CommuneColours colours = style_communes(data_, o.style, o.lang, in.filter, params);
    styled_ = Styled{std::move(in), std::move(colours)};
  }
  return styled_->colours;
}

void MapRenderer::ensure_colours(const MapOptions& o) {
  StyleInputs in = style_inputs(o);
  in.lang = Lang::Vi;  // the fills do not depend on the language
  StyleInputs cmp = coloured_;
  cmp.lang = Lang::Vi;
  if (colours_set_ && cmp == in) return;
  const CommuneColours& c = styled(o);
  fills_.set_colours(c.fill, c.hatched);
  colours_set_ = true;
  coloured_ = std::move(in);
}

bool MapRenderer::render_with_static_cache(const View& view, const MapOptions& options) {
  if (!options.quick) return false;  // a settled render draws everything
  // The leading layers of the drawing order that do not move with the filters.
  LayerSet bottom;
  for (const std::string& layer : draw_order(options)) {
    if (!options.layers.count(layer)) continue;
    if (layer != "communes" && layer != "border") break;
    bottom.insert(layer);
  }
  if (bottom.empty()) return false;
  const int level = lod_level(view.m_per_px);
  if (bottom.count("communes")) ensure_lod(level, true, true);
  // Everything that changes how the static layers look (and whether the level of detail drawn is
  // the view's own or one kept while the background thread builds it).
  char key[768];
  const bool by_window = style_uses_incidents(options.style);
  const IncidentFilter f = options.incident_filter();
  std::string breaks;
  for (double b : options.commune_breaks) breaks += std::to_string(b) + ",";
  std::snprintf(key, sizeof key,
                "%d|%d|%d|%d|%d|%a|%a|%a|%a|%a|%a|%d|%d|%d|%d|%d|%x|%x|%x|%x|%x|%x|%x|%s|%a",
                int(options.style), int(options.lang), by_window ? options.days.from : 0,
                by_window || style_uses_window_end(options.style) ? options.days.to : 0,
                int(bottom.size()) * 2 + int(bottom.count("border")), options.fill_opacity,
                options.layer_opacity("communes"), options.layer_opacity("border"),
                options.symbol_scale, options.kde_bandwidth_m, view.m_per_px, view.width,
                view.height, int(options.public_safe), options.public_min_count, int(lod_ == level),
                by_window ? f.group_mask : 0, by_window ? f.category_mask[0] : 0,
                by_window ? f.category_mask[1] : 0, by_window ? f.category_mask[2] : 0,
                by_window ? f.category_mask[3] : 0, by_window ? f.severity_mask : 0,
                by_window ? f.status_mask : 0, breaks.substr(0, 200).c_str(), options.kde_cell_m);
  try {
    if (!static_cache_.covers(view, key)) {
      MapOptions s = options;
      s.layers = bottom;
      s.prefetch_lod = false;
      const View big = static_cache_.begin(view, key);
      static_from_incidents_ = by_window;
      lod_may_lag_ = true;
      render(big, s);
      lod_may_lag_ = false;
      static_cache_.end();
    }
  } catch (const GlError&) {
    lod_may_lag_ = false;
    static_cache_.clear();
    return false;  // too large for a texture: draw directly
  }
  glViewport(0, 0, view.width, view.height);
  static_cache_.blit(view);
  MapOptions rest = options;
  for (const auto& layer : bottom) rest.layers.erase(layer);
  rest.prefetch_lod = false;
  keep_background_ = true;
  render(view, rest);
  keep_background_ = false;
  return true;
}

void MapRenderer::render(const View& view, const MapOptions& options) {
  if (options.prefetch_lod && !options.plain && render_with_static_cache(view, options)) return;
  const MapOptions o = public_safe_options(options);  // the rules hold for every caller
  timings_.tessellate_ms = timings_.upload_ms = 0;
  auto has = [&](std::string_view layer) { return o.layers.count(layer) > 0; };
  if (has("communes")) {
    ensure_lod(lod_level(view.m_per_px), o.prefetch_lod,
               lod_may_lag_ || (o.prefetch_lod && o.quick));
  }
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
  if (!keep_background_) clear(o.plain ? kPlainBackground : kBackground);
  const float k = o.symbol_scale;
  const std::optional<Rgba> ink = o.plain ? std::optional<Rgba>(kPlainInk) : std::nullopt;

  // One function per layer, called in the options' order (bottom first).
  auto alpha = [&](Rgba c, std::string_view layer) {
    if (!o.plain) c.a = static_cast<uint8_t>(std::lround(c.a * o.layer_opacity(layer)));
    return c;
  };
  auto draw_communes = [&] {
    fills_.draw(view, data_.origin, o.plain ? 1.f : o.fill_opacity * o.layer_opacity("communes"),
                ink, 8 * k);
    if (!o.plain && o.style == StyleKind::Kde) {
      if (!density_) density_ = std::make_unique<DensityLayer>(data_);
      density_->update(o.days, o.kde_bandwidth_m, o.kde_cell_m);
      density_->draw(view, 1.f);
    }
    if (!o.plain) outlines_.draw(view, data_.origin, 1.0f * k, alpha(kOutline, "communes"));
  };
  auto draw_border = [&] {
    border_.draw(view, data_.origin, (o.plain ? 2.f : 3.f) * k,
                 ink.value_or(alpha(kBorderLine, "border")));
  };
  auto draw_coverage = [&] {
    if (o.plain) return;
    coverage_.set(o.coverage, data_.origin);
    coverage_.draw(view, data_.origin, k, o.layer_opacity("coverage"));
  };
  auto draw_links = [&] {
    if (o.plain) return;
    links_.set(o.links, data_.origin, o.public_safe);
    links_.draw(view, data_.origin, k, o.layer_opacity("links"));
  };
  auto draw_patrols = [&] {
    ensure_patrols(o.days);  // only the routes of the window, as coverage and the plan count them
    patrols_.draw(view, data_.origin, (o.plain ? 2.f : 2.5f) * k,
                  ink.value_or(alpha(kPatrolLine, "patrols")));
  };
  auto fill_all = [&](PointStyle& s, Rgba c) {
    for (auto& cls : s.classes) cls = {Shape::Circle, c, 1.f};
  };
  auto draw_facilities = [&] {
    PointStyle ps;
    ps.smooth = !o.plain;
    ps.opacity = o.plain ? 1.f : o.layer_opacity("facilities");
    ps.size_px = 9 * k;
    ps.outline_px = o.plain ? 0.f : 1.f;
    for (int c = 0; c < PointStyle::kMaxClasses; ++c) ps.classes[c] = facility_symbol(c);
    if (o.plain)
      for (auto& cls : ps.classes) cls.fill = kPlainInk;
    (o.public_safe ? public_facilities_ : facilities_).draw(view, data_.origin, ps);
  };
  auto draw_incidents = [&] {
    PointStyle is;
    is.smooth = !o.plain;
    is.opacity = o.plain ? 1.f : o.layer_opacity("incidents");
    is.size_px = 5 * k;
    is.outline_px = o.plain ? 0.f : 0.6f;
    is.outline = {255, 255, 255, 200};
    for (int c = 0; c < PointStyle::kMaxClasses; ++c)
      is.classes[c] = {Shape::Circle, incident_group_colour(c), 1.f};
    if (o.plain) fill_all(is, kPlainInk);
    is.days = o.days;
    is.class_mask = o.group_mask;
    is.category_mask = o.category_mask;
    is.severity_mask = o.severity_mask;
    is.status_mask = o.status_mask;
    if (incidents_binned(data_, view, o)) {
      if (!bins_) bins_ = std::make_unique<IncidentBins>();
      bin_stats_ =
          bins_->draw(incidents_, view, data_.origin, is, kBinCellPx * k, is.opacity, o.bin_upper);
    } else {
      incidents_.draw(view, data_.origin, is);
    }
  };
  auto draw_crossings = [&] {
    PointStyle cs;
    cs.smooth = !o.plain;
    cs.opacity = o.plain ? 1.f : o.layer_opacity("crossings");
    cs.size_px = 13 * k;
    cs.outline_px = o.plain ? 0.f : 1.2f;
    cs.outline = {30, 30, 30, 255};
    for (size_t c = 0; c < data_.crossing_kinds.size() && c < PointStyle::kMaxClasses; ++c)
      cs.classes[c] = crossing_symbol(data_.crossing_kinds.entries[c].code);
    if (o.plain)
      for (auto& cls : cs.classes) cls.fill = kPlainInk;
    (o.public_safe ? public_crossings_ : crossings_).draw(view, data_.origin, cs);
  };
  bin_stats_ = {};
  for (const std::string& layer : draw_order(o)) {
    if (!has(layer)) continue;
    if (layer == "communes") draw_communes();
    if (layer == "border") draw_border();
    if (layer == "patrols") draw_patrols();
    if (layer == "coverage") draw_coverage();
    if (layer == "links") draw_links();
    if (layer == "facilities") draw_facilities();
    if (layer == "incidents") draw_incidents();
    if (layer == "crossings") draw_crossings();
  }
  glFinish();  // so the timing covers the GPU (or llvmpipe) work
  timings_.draw_ms = ms_since(t0);
  check_gl("drawing the map");
}

std::vector<double> MapRenderer::bin_classes(const View& view, const MapOptions& options) {
  const MapOptions o = public_safe_options(options);
  if (!o.layers.count("incidents")) return {};
  PointStyle filter;
  filter.days = o.days;
  filter.class_mask = o.group_mask;
  filter.category_mask = o.category_mask;
  filter.severity_mask = o.severity_mask;
  filter.status_mask = o.status_mask;
  if (!bins_) bins_ = std::make_unique<IncidentBins>();
  return bins_->count(incidents_, view, data_.origin, filter, kBinCellPx * o.symbol_scale).upper;
}

size_t MapRenderer::visible_incidents(const MapOptions& o) const {
  if (o.public_safe) return 0;
  return count_incidents(data_.incidents, o.incident_filter());
}

const std::vector<float>& MapRenderer::bin_counts() const {
  static const std::vector<float> none;
  return bins_ ? bins_->counts() : none;
}

uint64_t MapRenderer::geometry_uploads() const {
  return lod_uploads_ + crossings_.uploads() + facilities_.uploads() + incidents_.uploads();
}

std::vector<LegendSection> MapRenderer::legend(const MapOptions& options) const {
  const MapOptions o = public_safe_options(options);
  std::vector<LegendSection> out;
  if (o.plain) return out;
  auto has = [&](std::string_view layer) { return o.layers.count(layer) > 0; };
  if (has("communes") && !data_.communes.empty()) {
    if (o.style == StyleKind::Kde) {
      if (density_ && density_->bandwidth() == o.kde_bandwidth_m)
        out.push_back(density_legend(density_->classes(), o.kde_bandwidth_m, o.lang));
    } else {
      LegendSection s = styled(o).legend;
      if (s.title.empty()) s.title = tr(Text::Communes, o.lang);
      out.push_back(std::move(s));
    }
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
    kinds_section(o.public_safe ? public_crossing_pts_ : data_.crossings, data_.crossing_kinds,
                  Text::Crossings,
                  [&](int c) { return crossing_symbol(data_.crossing_kinds.entries[c].code); });
  if (has("facilities"))
    kinds_section(o.public_safe ? public_facility_pts_ : data_.facilities, data_.facility_kinds,
                  Text::Facilities, [](int c) { return facility_symbol(c); });
  if (has("patrols") && patrols_in_window(o.days) > 0)
    out.push_back({"", {{LegendEntry::Kind::Line, tr(Text::Patrols, o.lang), kPatrolLine, {}}}});
  if (has("coverage") && o.coverage && !o.coverage->segments.empty())
    out.push_back(coverage_legend(*o.coverage, o.lang));
  if (has("links") && o.links &&
      std::any_of(o.links->begin(), o.links->end(),
                  [&](const FacilityLink& l) { return !(o.public_safe && l.sensitive); }))
    out.push_back({"", {{LegendEntry::Kind::Line, tr(Text::BloLinks, o.lang), kLinkColour, {}}}});
  if (has("incidents") && bin_stats_.drawn) {
    // The last render drew the bin grid: its classes, not the groups.
    if (!bin_stats_.upper.empty()) out.push_back(bin_legend(bin_stats_, o.lang));
  } else if (has("incidents")) {
    // Only the groups that have an incident shown with the current filter.
    const IncidentFilter f = o.incident_filter();
    std::vector<size_t> n(data_.incident_groups.size() + 1, 0);
    for (size_t i = 0; i < data_.incidents.size(); ++i)
      if (f.accepts(data_.incidents, i))
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
