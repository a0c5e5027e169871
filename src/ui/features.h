// The selectable features of an open database for Identify and Search: communes, incidents and
// patrol routes (from MapData), border crossings and facilities with their attributes, campaign
// windows, and a point-in-polygon index over the communes. GL-free; queries the store for
// details on demand.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "geo/point_locator.h"
#include "model/point_records.h"
#include "render/camera.h"
#include "render/map_data.h"
#include "render/map_options.h"
#include "store/code_lists.h"
#include "store/database.h"

namespace secmap::ui {

enum class FeatureKind { None, Commune, Crossing, Facility, Incident, Patrol };

struct FeatureRef {
  FeatureKind kind = FeatureKind::None;
  // Into MapData::communes, FeatureIndex::crossings() or facilities(), MapData::incidents or
  // MapData::patrols.
  int index = -1;
  bool operator==(const FeatureRef&) const = default;
  explicit operator bool() const { return kind != FeatureKind::None && index >= 0; }
};

// A crossing or facility as the model loaded it, placed on the map.
struct PointRecord : model::PointRecord {
  geo::Point at;  // EPSG:3857
};

struct Campaign {
  std::string code, name_vi, name_en;
  int32_t from = 0, to = 0;  // inclusive days
};

// What Identify shows: translated labels with values, and a commune's status history.
struct FeatureDetails {
  std::string title;
  std::vector<std::pair<std::string, std::string>> attributes;  // (label, value)
  struct StatusRow {
    std::string from, to, drug_free, antt, movement;
  };
  std::vector<StatusRow> history;
};

class FeatureIndex {
 public:
  // Reads crossings, facilities, campaigns and code lists. data must outlive the index.
  FeatureIndex(store::Database& db, const render::MapData& data);
  ~FeatureIndex();

  const std::vector<PointRecord>& crossings() const { return crossings_; }
  const std::vector<PointRecord>& facilities() const { return facilities_; }
  const std::vector<Campaign>& campaigns() const { return campaigns_; }
  const render::MapData& data() const { return data_; }

  // The commune strictly containing p (EPSG:3857), or -1.
  int commune_at(geo::Point merc) const;
  // What a click at `pixel` picks: the nearest crossing or facility symbol within radius_px
  // (of the layers shown), else the commune under the point.
  FeatureRef hit_test(const render::View& view, geo::Point pixel, double radius_px,
                      const render::LayerSet& layers) const;
  // The same over everything drawn with these options: symbols first (crossings over
  // incidents over facilities), then a patrol route within radius_px, then the commune.
  // Incidents are picked only when the filter shows them and they are drawn as symbols
  // (not binned).
  FeatureRef hit_test(const render::View& view, geo::Point pixel, double radius_px,
                      const render::MapOptions& options) const;

  std::string name(FeatureRef f) const;
  std::string code(FeatureRef f) const;  // commune code, or the record id for points
  geo::BBox bbox(FeatureRef f) const;    // EPSG:3857
  // Attributes in the interface language; a commune's come from the store with its history.
  FeatureDetails details(store::Database& db, FeatureRef f, render::Lang lang) const;

 private:
  const render::MapData& data_;
  std::vector<PointRecord> crossings_, facilities_;
  std::vector<Campaign> campaigns_;
  store::CodeLists codes_;
  std::unique_ptr<geo::PointLocator> locator_;
};

// "commune", "crossing", "facility", "incident", "patrol", "none"
const char* kind_name(FeatureKind k);

// The incidents of a commune the filter accepts, newest first: up to `limit` indices into
// MapData::incidents; *total gets how many there are in all.
std::vector<size_t> commune_incidents(const render::MapData& data, int commune,
                                      const render::IncidentFilter& filter, size_t limit,
                                      size_t* total);

}  // namespace secmap::ui
