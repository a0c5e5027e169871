// Which incidents are shown: the date window and one bit mask per code list (category group,
// category, severity, case status). The same test runs on the CPU (counts, legend, identify) and
// in the point and binning shaders (the masks are uniforms), so the number the window reports
// is the number drawn. GL-free.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "render/map_data.h"
#include "render/style.h"

namespace secmap::render {

struct IncidentFilter {
  DayRange days;
  uint32_t group_mask = 0xFFFFFFFFu;  // bit g: incident group g
  // Bit c % 32 of word c / 32: category c (Incidents::kNoCategory for an unknown code).
  std::array<uint32_t, 4> category_mask{0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu};
  uint32_t severity_mask = 0xFFFFFFFFu;  // bit s: severity s; bit kNoSeverity: none recorded
  uint32_t status_mask = 0xFFFFFFFFu;    // bit s: case status s

  bool accepts(const Incidents& inc, size_t i) const {
    const unsigned c = inc.category[i];
    return days.contains(inc.day[i]) && ((group_mask >> (inc.group[i] & 31u)) & 1u) &&
           ((category_mask[(c >> 5) & 3u] >> (c & 31u)) & 1u) &&
           ((severity_mask >> (inc.severity[i] & 31u)) & 1u) &&
           ((status_mask >> (inc.status[i] & 31u)) & 1u);
  }
  // Whether every code is shown (only the date window filters).
  bool codes_all() const;
};

// Incidents the filter accepts.
size_t count_incidents(const Incidents& inc, const IncidentFilter& f);
// Accepted incidents per commune (communes entries; incidents outside every commune skipped).
std::vector<int> incident_counts(const Incidents& inc, size_t communes, const IncidentFilter& f);
// The same over the incidents with a point and those located by their commune only: a
// commune's total.
std::vector<int> commune_totals(const Incidents& points, const Incidents& commune_level,
                                size_t communes, const IncidentFilter& f);
// The packed per-incident codes the shaders filter on (PointLayer stores them above the class
// byte): category bits 0-6, group bits 8-11,
// severity bits 12-15, status bits 16-19 (see point.vert.glsl).
std::vector<uint32_t> packed_incident_codes(const Incidents& inc);

}  // namespace secmap::render
