// GDAL reads coordinates leniently: a GPX lat="abc" becomes 0, a KML tuple "a,b" becomes 0,0 and
// a JSON number "22.5e" becomes 22. Before GDAL reads such a file, this pass reads every
// coordinate as written and refuses the file with the feature, line and text that do not parse,
// so that no made-up vertex reaches the database. GeoJSON text holding a NUL character (GDAL
// would cut it there) and whole numbers past 64 bits (GDAL would clamp them) are refused the
// same way. Expat reads the XML, nlohmann's SAX parser the
// JSON (strictly, without building the document).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

namespace secmap::io {

// GPX (.gpx), KML (.kml) and GeoJSON (.geojson, .json) are checked; other files pass. Returns
// "FILE line L: track 2 ('Tuần tra A'): lat 'abc' is not a number" or nothing.
std::optional<std::string> coordinate_problem(const std::filesystem::path& file);

}  // namespace secmap::io
