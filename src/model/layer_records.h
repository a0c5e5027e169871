// The small layers as records, read in one place for every module that uses them: the border
// line, its stored segments, patrol routes, cooperation events, campaigns, commune statuses and
// designations (crossings and facilities: model/point_records.h). Each consumer keeps its own
// view (metres for the border module, Web Mercator for the map) and its own rules of which
// record counts for a window.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "store/database.h"

namespace secmap::model {

struct BorderLineRecord {
  int64_t id = 0;
  std::string name;
  geo::Geometry line;  // (multi)linestring, EPSG:4326
};
// Every border line with a geometry, in id order.
std::vector<BorderLineRecord> load_border_lines(store::Database& db);

struct SegmentRecord {
  std::string segment_id, scheme, commune_code, name;
  int seq = 0;
  int64_t border_id = 0;
  geo::LineString line;  // EPSG:4326
};
// Stored border segments of a scheme ("fixed", "commune"), in seq order.
std::vector<SegmentRecord> load_segment_records(store::Database& db, const std::string& scheme);

struct PatrolRecord {
  int64_t id = 0;
  std::string name, unit, mode, state, starts_at, ends_at;
  bool joint = false;
  bool sensitive = false;
  std::vector<geo::LineString> parts;  // EPSG:4326, the parts of a (multi)line route
};
// The one rule of which patrol routes belong to a time window (the map's patrol layer, the
// coverage and the patrol plan): a dated route when its days overlap [from, to] (one date alone
// is both ends); an undated route (a standing plan) is in every window.
bool route_in_window(std::optional<int32_t> start_day, std::optional<int32_t> end_day, int32_t from,
                     int32_t to);

// Patrol routes with a geometry, in id order.
std::vector<PatrolRecord> load_patrol_records(store::Database& db);
// Planning speed per patrol mode (patrol_modes.speed_kmh).
std::vector<std::pair<std::string, double>> load_mode_speeds(store::Database& db);

struct CooperationRecord {
  int64_t id = 0;
  std::string kind;
  int32_t day = 0;  // occurred_on
  int64_t crossing_id = 0;
  std::optional<geo::Point> lonlat;
};
// Cooperation events with a real date in [from, to] (each end optional), by day then id.
std::vector<CooperationRecord> load_cooperation_records(store::Database& db,
                                                        std::optional<int32_t> from = {},
                                                        std::optional<int32_t> to = {});

struct CampaignRecord {
  std::string code, name, name_en;
  int32_t from = 0, to = 0;  // inclusive days
};
// Campaign windows with real, ordered dates (a broken one is no window), by start then code.
std::vector<CampaignRecord> load_campaigns(store::Database& db);

struct StatusRecord {
  int64_t id = 0;
  std::string commune_code, period_from, period_to;  // period_to empty: open
  std::optional<std::string> drug_free, antt, movement;
  std::optional<int64_t> areas, areas_safe;
};
// Every commune-status period, by period_from then id (later rows are later periods).
std::vector<StatusRecord> load_status_records(store::Database& db);

struct DesignationRecord {
  std::string commune_code, type;
  int year = 0;  // 0 unknown
};
// Designations that name a commune, in id order.
std::vector<DesignationRecord> load_designation_records(store::Database& db);

}  // namespace secmap::model
