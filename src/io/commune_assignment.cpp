#include "io/commune_assignment.h"

#include <optional>

#include "edit/validation.h"
#include "geo/point_locator.h"

namespace secmap::io {

CommuneAssignment assign_communes(store::Database& db, std::span<const geo::Point> points) {
  CommuneAssignment out;
  std::vector<std::string> codes;
  std::vector<geo::Geometry> polygons;
  auto st = db.prepare(
      "SELECT code, AsBinary(geom) FROM communes WHERE valid_to IS NULL AND geom IS NOT NULL "
      "ORDER BY id");
  while (st.step()) {
    size_t size = 0;
    const uint8_t* data = st.column_blob_data(1, &size);
    if (!data || !size) continue;
    codes.push_back(st.column_text(0));
    polygons.push_back(geo::from_wkb({data, size}));
  }
  out.communes = codes.size();
  out.codes.resize(points.size());
  if (polygons.empty()) {
    out.outside = points.size();
    return out;
  }
  const geo::PointLocator locator(polygons);
  const std::vector<int32_t> hit = locator.locate_all(points);
  // The locator counts interiors only. A point exactly on a shared edge or on the province
  // outline gets the commune the validation rules give it, so the importer and the edit form
  // agree (the rules passed it as inside the province).
  std::optional<edit::Validator> on_edges;
  for (size_t i = 0; i < points.size(); ++i) {
    if (hit[i] >= 0) {
      out.codes[i] = codes[static_cast<size_t>(hit[i])];
      continue;
    }
    if (!on_edges) on_edges.emplace(db);
    out.codes[i] = on_edges->commune_of(points[i]);
    if (out.codes[i].empty()) ++out.outside;
  }
  return out;
}

}  // namespace secmap::io
