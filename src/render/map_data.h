// The layers of a secmap database loaded into CPU memory for drawing: geometry already in Web
// Mercator, code-list attributes as indices, incidents as flat arrays (position, day number,
// category group) ready to upload. GL-free: the CLI renderer and the map window both load this.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "model/record.h"
#include "store/database.h"

namespace secmap::render {

enum class Lang { Vi, En };

// One code list (e.g. drug_free_statuses), in sort order.
struct CodeList {
  struct Entry {
    std::string code, name_vi, name_en;
  };
  std::vector<Entry> entries;
  int index_of(std::string_view code) const;  // -1 when absent
  const std::string& name(int index, Lang lang) const;
  size_t size() const { return entries.size(); }
};

struct Commune {
  std::string code, name;
  geo::Geometry shape;      // MultiPolygon in EPSG:3857
  geo::BBox bbox;           // EPSG:3857
  geo::Point label_at;      // a point on the surface, EPSG:3857
  double area = 0;          // EPSG:3857 square metres (for label priority)
  int64_t population = -1;  // -1 unknown
  // The commune's status periods (commune_status rows) by start day: each sets the statuses it
  // names (kUnset where it leaves one as it was; -1 for a code not in the list). What a map
  // shows for a window is status_on().
  struct StatusPeriod {
    static constexpr int kUnset = -2;
    int32_t from = 0;        // period_from, days since 1970-01-01
    int drug_free = kUnset;  // index into MapData::drug_free_statuses
    int antt = kUnset;       // index into MapData::antt_standards
    int movement = kUnset;   // index into MapData::movement_classes
  };
  std::vector<StatusPeriod> statuses;
  // Designations held (model unit, self-management model …): index into
  // MapData::designation_types and the year, one entry per designations row.
  struct Designation {
    int type = -1;
    int year = 0;  // 0 unknown
  };
  std::vector<Designation> designations;
};

// A commune's statuses in force on a day (-1: none known then).
struct CommuneStatus {
  int drug_free = -1, antt = -1, movement = -1;
};
// The one "as of" rule for statuses: every period starting on or before `day`, in order, each
// overriding what it sets. A map of a time window shows the statuses as of the window's last day
// (render/style.h); an open window, the latest.
CommuneStatus status_on(const Commune& commune, int32_t day);

// A patrol route (the `patrols` layer, sensitive: planned and done routes of the units).
struct Patrol {
  int64_t id = 0;
  std::string name, unit;
  int mode = -1;  // index into MapData::patrol_modes
  bool done = false;
  std::string starts_at, ends_at;
  std::optional<int32_t> start_day, end_day;  // the dates above as days; none: undated
  bool joint = false;
  geo::LineString line;  // EPSG:3857
  // Whether the route belongs to the window (model::route_in_window: the one rule).
  bool in_window(int32_t from, int32_t to) const;
};

struct PointFeature {
  geo::Point at;  // EPSG:3857
  std::string name;
  int kind = -1;  // index into the layer's code list
  // Never drawn in a public-safe view: the row's flag, or (crossings) a sensitive kind such as
  // trails and openings.
  bool sensitive = false;
};

// Incidents as parallel arrays (the GPU layout): one entry per incident.
struct Incidents {
  std::vector<geo::Point> at;    // EPSG:3857
  std::vector<int32_t> day;      // days since 1970-01-01
  std::vector<uint8_t> group;    // index into MapData::incident_groups
  std::vector<int32_t> commune;  // index into MapData::communes, -1 outside/unknown
  // Indices into MapData::incident_categories, severities and case_statuses; the kNo… values
  // mark a missing or unknown code (they keep their own filter bit).
  std::vector<uint8_t> category, severity, status;
  std::vector<int64_t> id;  // incidents.id, for identify
  static constexpr uint8_t kNoCategory = 127, kNoSeverity = 15, kNoStatus = 15;
  size_t size() const { return at.size(); }
};

// Layer names as on the command line.
// "coverage" (border segments by patrol coverage) and "links" (BLO offices to their counterparts
// across the border), render/coverage_segments.h, are drawn only when the caller computed them
// (MapOptions::coverage, MapOptions::links).
inline constexpr std::string_view kLayerNames[] = {
    "communes", "border", "facilities", "patrols", "incidents", "crossings", "coverage", "links"};
// Layers whose features are sensitive as a whole (never in a public view or export). Coverage
// traces where and when patrols went.
inline constexpr std::string_view kSensitiveLayers[] = {"patrols", "coverage"};
using LayerSet = std::set<std::string, std::less<>>;
// Parses "communes,border"; throws std::invalid_argument naming an unknown layer.
LayerSet parse_layers(std::string_view list);

struct LoadOptions {
  LayerSet layers{std::begin(kLayerNames), std::end(kLayerNames)};
};

struct MapData {
  std::vector<Commune> communes;
  std::vector<geo::LineString> border;  // EPSG:3857
  std::vector<PointFeature> crossings;
  std::vector<PointFeature> facilities;
  std::vector<Patrol> patrols;  // sensitive layer (kSensitiveLayers)
  Incidents incidents;
  // Incidents known only by their commune (no point): in the commune's counts, never drawn.
  // Their `at` is NaN.
  Incidents commune_level;

  CodeList drug_free_statuses, antt_standards, movement_classes, crossing_kinds, facility_kinds,
      incident_groups, designation_types, incident_categories, severities, case_statuses,
      patrol_modes;
  std::vector<uint8_t> category_group;  // per incident_categories entry: its incident_groups index

  geo::BBox extent;      // EPSG:3857, of everything loaded
  geo::Point origin;     // EPSG:3857: GPU vertices are stored relative to this (float precision)
  bool is_demo = false;  // meta demo=1: rendered maps carry a "demo data" mark
  // The metric CRS analyses measure in (the province's VN-2000 TM-3 zone, as analysis::
  // metric_crs chooses it): the KDE layer's grid lives there. 0 when no communes are loaded.
  int metric_epsg = 0;

  // Incidents per commune with day in [from, to] (inclusive).
  std::vector<int> incident_counts(int32_t day_from, int32_t day_to) const;
};

// Loads the requested layers. Throws store::StoreError on a broken database.
MapData load_map_data(store::Database& db, const LoadOptions& options = {});

// What written records changed in loaded data: what a renderer refreshes (nothing else).
struct DataChange {
  bool incidents = false;       // incident points (positions, days, codes; added or removed)
  bool commune_styles = false;  // statuses and designations: the communes' fill colours
  bool crossings = false, facilities = false, patrols = false;
  bool other = false;  // tables no layer is drawn from (cooperation events, campaigns …)
  DataChange& operator|=(const DataChange& o);
  bool any() const { return incidents || commune_styles || crossings || facilities || patrols; }
};

// Applies the writer's change records to data loaded with options, in place: incidents patched
// by id (one array entry each), the communes' statuses and designations and the small point and
// route layers re-read; commune geometry, the border and the extent stay. Equal to a fresh
// load_map_data, without one.
DataChange apply_changes(store::Database& db, MapData& data,
                         const std::vector<model::ChangeRecord>& changes,
                         const LoadOptions& options = {});

// Days since 1970-01-01 of an ISO date ("2025-01-31" or a longer timestamp); nullopt if invalid.
std::optional<int32_t> day_number(std::string_view iso_date);
std::string iso_date(int32_t day);

}  // namespace secmap::render
