#include "io/coordinate_check.h"

#include <expat.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <vector>

#include "io/input_file.h"

namespace secmap::io {

namespace fs = std::filesystem;

namespace {

// The whole text is one finite number (an optional '+' allowed, as GDAL writes none).
std::optional<double> strict_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

std::string quoted_text(std::string_view s) {
  constexpr size_t kMax = 40;
  std::string out(s.substr(0, kMax));
  if (s.size() > kMax) out += "…";
  return "'" + out + "'";
}

// A longitude and a latitude in degrees, as GPX and KML always are.
std::optional<std::string> lon_lat_problem(std::optional<double> lon, std::optional<double> lat,
                                           std::string_view lon_text, std::string_view lat_text) {
  if (!lon) return "longitude " + quoted_text(lon_text) + " is not a number";
  if (!lat) return "latitude " + quoted_text(lat_text) + " is not a number";
  if (std::fabs(*lon) > 180) return "longitude " + std::string(lon_text) + " is not in -180…180";
  if (std::fabs(*lat) > 90) return "latitude " + std::string(lat_text) + " is not in -90…90";
  return std::nullopt;
}

// ---- XML (GPX and KML) through Expat -------------------------------------------------------

struct XmlCheck {
  XML_Parser parser = nullptr;
  bool kml = false;
  std::vector<std::string> stack;  // local element names, outermost first
  // The feature being read: its kind ("track", "route", "waypoint", "placemark"), number, name.
  std::string kind;
  int number = 0;
  std::string name;
  int tracks = 0, routes = 0, waypoints = 0, placemarks = 0;
  std::string* capture = nullptr;  // text of the element being captured
  std::string coordinates;
  std::optional<std::string> problem;

  std::string feature() const {
    if (kind.empty()) return "the file";
    return kind + " " + std::to_string(number) + (name.empty() ? "" : " ('" + name + "')");
  }
  void fail(const std::string& what) {
    if (problem) return;
    problem =
        "line " + std::to_string(XML_GetCurrentLineNumber(parser)) + ": " + feature() + ": " + what;
    XML_StopParser(parser, XML_FALSE);
  }
  const std::string& parent() const {
    static const std::string none;
    return stack.size() >= 2 ? stack[stack.size() - 2] : none;
  }
};

std::string local_name(const XML_Char* name) {
  const char* bar = std::strrchr(name, '|');  // "namespace|local" from XML_ParserCreateNS
  return bar ? bar + 1 : name;
}

void start_feature(XmlCheck& c, const char* kind, int& counter) {
  c.kind = kind;
  c.number = ++counter;
  c.name.clear();
}

// KML: tuples "lon,lat[,alt]" separated by white space; spaces around the commas are tolerated
// (some writers put them there) and do not split a tuple.
void check_kml_coordinates(XmlCheck& c) {
  std::string joined;
  const std::string& s = c.coordinates;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool space = std::isspace(static_cast<unsigned char>(s[i]));
    if (!space) {
      joined += s[i];
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    const bool by_comma =
        (!joined.empty() && joined.back() == ',') || (j < s.size() && s[j] == ',');
    if (!by_comma && !joined.empty() && j < s.size()) joined += ' ';
    i = j - 1;
  }
  size_t at = 0, tuple = 0;
  while (at < joined.size()) {
    size_t end = joined.find(' ', at);
    if (end == std::string::npos) end = joined.size();
    const std::string_view t(joined.data() + at, end - at);
    ++tuple;
    std::vector<std::string_view> parts;
    for (size_t p = 0;;) {
      const size_t comma = t.find(',', p);
      parts.push_back(t.substr(p, comma == std::string_view::npos ? t.size() - p : comma - p));
      if (comma == std::string_view::npos) break;
      p = comma + 1;
    }
    const std::string where = "coordinate " + std::to_string(tuple) + " " + quoted_text(t);
    if (parts.size() < 2 || parts.size() > 3)
      return c.fail(where + " is not lon,lat or lon,lat,altitude");
    if (parts.size() == 3 && !strict_number(parts[2]))
      return c.fail(where + ": altitude " + quoted_text(parts[2]) + " is not a number");
    if (auto p =
            lon_lat_problem(strict_number(parts[0]), strict_number(parts[1]), parts[0], parts[1]))
      return c.fail(where + ": " + *p);
    at = end + 1;
  }
}

void XMLCALL on_start(void* data, const XML_Char* raw_name, const XML_Char** attrs) {
  auto& c = *static_cast<XmlCheck*>(data);
  if (c.problem) return;
  c.stack.push_back(local_name(raw_name));
  const std::string& el = c.stack.back();
  if (c.kml) {
    if (el == "Placemark") start_feature(c, "placemark", c.placemarks);
    if (el == "name" && c.parent() == "Placemark") c.capture = &c.name;
    if (el == "coordinates") c.coordinates.clear(), c.capture = &c.coordinates;
    return;
  }
  if (el == "trk") start_feature(c, "track", c.tracks);
  if (el == "rte") start_feature(c, "route", c.routes);
  if (el == "wpt") start_feature(c, "waypoint", c.waypoints);
  if (el == "name" && (c.parent() == "trk" || c.parent() == "rte" || c.parent() == "wpt"))
    c.capture = &c.name;
  if (el == "wpt" || el == "rtept" || el == "trkpt") {
    const char *lat = nullptr, *lon = nullptr;
    for (int i = 0; attrs[i]; i += 2) {
      const std::string a = local_name(attrs[i]);
      if (a == "lat") lat = attrs[i + 1];
      if (a == "lon") lon = attrs[i + 1];
    }
    if (!lat || !lon) return c.fail(el + " has no " + (lat ? "lon" : "lat") + " attribute");
    if (auto p = lon_lat_problem(strict_number(lon), strict_number(lat), lon, lat))
      c.fail(el + ": " + *p);
  }
}

void XMLCALL on_end(void* data, const XML_Char*) {
  auto& c = *static_cast<XmlCheck*>(data);
  if (c.problem) return;
  if (c.capture == &c.coordinates && c.stack.back() == "coordinates") check_kml_coordinates(c);
  if (c.capture) c.capture = nullptr;
  c.stack.pop_back();
}

void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  auto& c = *static_cast<XmlCheck*>(data);
  if (c.capture) c.capture->append(s, static_cast<size_t>(len));
}

std::optional<std::string> check_xml(const fs::path& file, bool kml) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) return std::nullopt;  // GDAL says what is wrong with a file it cannot open
  std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> parser(
      XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree);
  XmlCheck c;
  c.parser = parser.get();
  c.kml = kml;
  XML_SetUserData(parser.get(), &c);
  XML_SetElementHandler(parser.get(), on_start, on_end);
  XML_SetCharacterDataHandler(parser.get(), on_text);
  std::vector<char> buf(1 << 16);
  for (;;) {
    const size_t n = std::fread(buf.data(), 1, buf.size(), f.get());
    const bool last = n < buf.size();
    if (XML_Parse(parser.get(), buf.data(), static_cast<int>(n), last) == XML_STATUS_ERROR) {
      if (c.problem) break;
      return file.string() + " line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
             ": not well-formed XML (" + XML_ErrorString(XML_GetErrorCode(parser.get())) + ")";
    }
    if (last) break;
  }
  if (c.problem) return file.string() + " " + *c.problem;
  return std::nullopt;
}

// ---- GeoJSON through nlohmann's SAX parser -------------------------------------------------

using json = nlohmann::json;

// Every value inside a "coordinates" array is a finite number; features are counted to name
// the one that is wrong.
class JsonCheck : public nlohmann::json_sax<json> {
 public:
  std::optional<std::string> problem;

  bool null() override { return scalar("null"); }
  bool boolean(bool v) override { return scalar(v ? "true" : "false"); }
  bool number_integer(number_integer_t) override { return number(); }
  bool number_unsigned(number_unsigned_t v) override {
    return v <= static_cast<number_unsigned_t>(INT64_MAX) ? number() : too_big(std::to_string(v));
  }
  bool number_float(number_float_t v, const string_t& text) override {
    // An integer literal past 64 bits reaches here; GDAL would clamp it to INT64_MAX.
    if (text.find_first_not_of("-0123456789") == std::string::npos) return too_big(text);
    return std::isfinite(v) ? number() : scalar(text);
  }
  bool string(string_t& v) override {
    // GDAL's strings end at a NUL ("\u0000"): the rest of the text would be lost silently.
    if (v.find('\0') != std::string::npos) {
      problem = where() + ": the text " + quoted_text(v.substr(0, v.find('\0'))) +
                "… holds a NUL character (\\u0000) that would cut it there";
      return false;
    }
    return scalar("\"" + v + "\"");
  }
  bool binary(binary_t&) override { return scalar("binary data"); }
  bool start_object(std::size_t) override {
    const bool feature = !stack_.empty() && stack_.back().array && stack_.back().key == "features";
    if (feature) ++features_;
    stack_.push_back({false, take_key(), false});
    return true;
  }
  bool key(string_t& k) override {
    key_ = k;
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    const bool parent_coords = !stack_.empty() && stack_.back().coordinates;
    std::string k = take_key();
    const bool coords = parent_coords || k == "coordinates";
    stack_.push_back({true, std::move(k), coords});
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t position, const std::string& token,
                   const nlohmann::detail::exception& e) override {
    std::string what = e.what();
    if (auto p = what.find("syntax error"); p != std::string::npos) what = what.substr(p);
    problem = "not valid JSON at byte " + std::to_string(position) + " (near " +
              quoted_text(token) + "): " + what;
    return false;
  }

 private:
  struct Level {
    bool array;
    std::string key;  // the key this container is the value of ("" in an array)
    bool coordinates;
  };
  std::string take_key() {
    if (!stack_.empty() && stack_.back().array) return stack_.back().key;  // arrays pass it on
    return std::exchange(key_, std::string());
  }
  bool scalar(const std::string& text) {
    if (stack_.empty() || !stack_.back().array || !stack_.back().coordinates) {
      key_.clear();
      return true;
    }
    problem = where() + ": coordinate " + quoted_text(text) + " is not a number";
    return false;
  }
  bool number() {
    if (stack_.empty() || !stack_.back().array) key_.clear();
    return true;
  }
  bool too_big(const std::string& text) {
    problem = where() + ": the whole number " + quoted_text(text) +
              " is past the 64-bit range (it would be stored as 9223372036854775807)";
    return false;
  }
  std::string where() const {
    return features_ ? "feature " + std::to_string(features_) : std::string("the file");
  }
  std::vector<Level> stack_;
  std::string key_;
  int features_ = 0;
};

std::optional<std::string> check_json(const fs::path& file) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
  if (!f) return std::nullopt;
  JsonCheck check;
  json::sax_parse(f.get(), &check);
  if (check.problem) return file.string() + ": " + *check.problem;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> coordinate_problem(const fs::path& file) {
  const std::string ext = lower_extension(file);
  if (ext == ".gpx") return check_xml(file, false);
  if (ext == ".kml") return check_xml(file, true);
  if (ext == ".geojson" || ext == ".json") return check_json(file);
  return std::nullopt;
}

}  // namespace secmap::io
