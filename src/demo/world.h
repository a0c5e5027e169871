// What the demo generators share: the communes and border as loaded (real or synthetic), a
// point locator over the communes, a walk along the border, the code lists read from the
// database, and the features placed so far (crossings, facilities) that later parts refer to.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "demo/border_walk.h"
#include "geo/geometry.h"
#include "geo/point_locator.h"
#include "store/database.h"

namespace secmap::demo {

struct CommuneInfo {
  int64_t id = 0;
  std::string code, name, full_name, kind, province;
  geo::Geometry geom;
  geo::BBox bbox;
  geo::Point centre;   // a point inside, near the middle
  bool urban = false;  // phường
  bool is_border = false;
  int64_t population = 0;
  double area_km2 = 0;
};

// Code lists as they are in the database (read at run time, never assumed).
class CodeBook {
 public:
  explicit CodeBook(store::Database& db);
  // Codes of a code-list table in sort order.
  const std::vector<std::string>& codes(const std::string& table) const;
  bool has(const std::string& table, const std::string& code) const;
  // `preferred` when the table has it, else the code at `fallback_index` (clamped), else "".
  std::string pick(const std::string& table, const std::string& preferred,
                   size_t fallback_index = 0) const;
  // incident category → group code
  const std::map<std::string, std::string>& category_groups() const { return groups_; }
  const std::string& name_vi(const std::string& table, const std::string& code) const;
  bool cleared(const std::string& status) const;

 private:
  std::map<std::string, std::vector<std::string>> codes_;
  std::map<std::string, std::map<std::string, std::string>> names_;
  std::map<std::string, std::string> groups_;
  std::map<std::string, bool> cleared_;
};

struct PlacedCrossing {
  int64_t id = 0;
  std::string name, kind, counterpart;
  int commune = -1;   // index into World::communes, -1 outside the demo communes
  geo::Point at;      // on the Vietnamese side, within a metre of the line
  geo::Point across;  // a point on the far side, for counterpart locations
};

struct PlacedFacility {
  int64_t id = 0;
  std::string name, kind, country;
  int commune = -1;
  geo::Point at;
};

struct World {
  bool real = false;
  uint64_t seed = 0;
  std::string source_note;  // "source" column text for synthetic rows
  std::vector<CommuneInfo> communes;
  std::vector<geo::LineString> border;
  std::unique_ptr<geo::PointLocator> locator;
  std::unique_ptr<BorderWalk> walk;
  std::unique_ptr<CodeBook> codes;
  std::vector<PlacedCrossing> crossings;
  std::vector<PlacedFacility> facilities;

  // Commune index containing p, or -1.
  int locate(geo::Point p) const { return locator->locate(p); }
};

// Random point strictly inside commune i (rejection sampling in its bbox).
class Rng;
geo::Point random_point_in(const World& w, int commune, Rng& rng);

}  // namespace secmap::demo
