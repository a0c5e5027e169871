#include "analysis/table_output.h"
#include "files/atomic_output.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace secmap::analysis {

std::string fmt_num(double v) {
  if (std::isnan(v)) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string fmt_int(int64_t v) {
  return std::to_string(v);
}

namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

std::string json_string(const std::string& s) {
  std::string o = "\"";
  for (unsigned char ch : s) {
    switch (ch) {
      case '"':
        o += "\\\"";
        break;
      case '\\':
        o += "\\\\";
        break;
      case '\n':
        o += "\\n";
        break;
      case '\r':
        o += "\\r";
        break;
      case '\t':
        o += "\\t";
        break;
      default:
        if (ch < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", ch);
          o += b;
        } else {
          o += char(ch);  // UTF-8 passes through
        }
    }
  }
  return o + "\"";
}

void write_coords(std::ostream& out, const geo::Geometry& g) {
  // RFC 7946 wants counter-clockwise shells and clockwise holes; receivers accept either, so the
  // stored order is kept. 7 decimals ≈ 1 cm, beyond the source's precision.
  char buf[64];
  out << "[";
  for (size_t p = 0; p < g.polygons.size(); ++p) {
    out << (p ? ",[" : "[");
    const auto& rings = g.polygons[p].rings;
    for (size_t r = 0; r < rings.size(); ++r) {
      out << (r ? ",[" : "[");
      for (size_t k = 0; k < rings[r].size(); ++k) {
        std::snprintf(buf, sizeof buf, "%s[%.7f,%.7f]", k ? "," : "", rings[r][k].x, rings[r][k].y);
        out << buf;
      }
      out << "]";
    }
    out << "]";
  }
  out << "]";
}

}  // namespace

void write_table(const std::filesystem::path& path, const Table& t, const CommuneSet& communes) {
  std::string ext = path.extension().string();
  for (auto& ch : ext) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  const bool csv = ext == ".csv", geojson = ext == ".geojson" || ext == ".json";
  if (!csv && !geojson)
    throw std::runtime_error(path.string() + ": unknown output format '" + ext +
                             "' (use .csv, .geojson or .gpkg)");
  files::AtomicOutput output(path);
  std::ofstream out(output.path(), std::ios::binary);
  if (!out) throw std::runtime_error(path.string() + ": cannot open for writing");
  if (csv) {
    for (size_t c = 0; c < t.columns.size(); ++c) out << (c ? "," : "") << csv_field(t.columns[c]);
    out << "\n";
    for (const auto& row : t.rows) {
      for (size_t c = 0; c < row.size(); ++c) out << (c ? "," : "") << csv_field(row[c]);
      out << "\n";
    }
  } else {
    out << "{\"type\":\"FeatureCollection\",\"features\":[\n";
    for (size_t r = 0; r < t.rows.size(); ++r) {
      out << (r ? ",\n" : "") << "{\"type\":\"Feature\",\"properties\":{";
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const std::string& v = t.rows[r][c];
        out << (c ? "," : "") << json_string(t.columns[c]) << ":";
        out << (v.empty() ? "null" : t.numeric[c] ? v : json_string(v));
      }
      out << "},\"geometry\":";
      const int32_t ci = r < t.commune.size() ? t.commune[r] : -1;
      if (ci >= 0 && size_t(ci) < communes.geoms.size() && !communes.geoms[size_t(ci)].is_empty()) {
        out << "{\"type\":\"MultiPolygon\",\"coordinates\":";
        write_coords(out, communes.geoms[size_t(ci)]);
        out << "}";
      } else {
        out << "null";
      }
      out << "}";
    }
    out << "\n]}\n";
  }
  out.close();
  if (!out) throw std::runtime_error(path.string() + ": write failed (disk full?)");
  output.commit();
}

}  // namespace secmap::analysis
