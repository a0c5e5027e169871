// Small GDAL helpers shared by the reader and the writer (internal to src/io).
#pragma once
#include <cpl_error.h>
#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <string>

namespace secmap::io {

// Silences GDAL's stderr chatter for a scope and keeps the last message for our own errors.
class QuietGdalErrors {
 public:
  QuietGdalErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietGdalErrors() { CPLPopErrorHandler(); }
  QuietGdalErrors(const QuietGdalErrors&) = delete;
  QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
  std::string last_message() const { return CPLGetLastErrorMsg(); }
};

// "EPSG:n" when the CRS carries an EPSG code (exact and short), else WKT2 for PROJ.
inline std::string srs_definition(const OGRSpatialReference& srs) {
  const char* auth = srs.GetAuthorityName(nullptr);
  const char* code = srs.GetAuthorityCode(nullptr);
  if (auth && code && (EQUAL(auth, "EPSG") || EQUAL(auth, "OGC") || EQUAL(auth, "ESRI")))
    return std::string(auth) + ":" + code;
  char* wkt = nullptr;
  const char* options[] = {"FORMAT=WKT2_2019", nullptr};
  if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
    CPLFree(wkt);
    return {};
  }
  std::string out(wkt);
  CPLFree(wkt);
  return out;
}

}  // namespace secmap::io
