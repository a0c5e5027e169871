// Helpers for the import/export tests: scratch databases, small generated source files and a
// digest of every user table, to prove a failed import changed nothing.
#pragma once
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/importer.h"
#include "store/database.h"
#include "test_support.h"

namespace secmap::io::testing {

inline void write_file(const std::filesystem::path& p, const std::string& content) {
  std::ofstream f(p, std::ios::binary);
  f << content;
}

// Every row of every user table, in rowid order, with blobs as hex: equal dumps mean equal data.
inline std::string dump_tables(store::Database& db) {
  std::ostringstream out;
  for (const auto& t : db.user_tables()) {
    out << "## " << t << "\n";
    auto st = db.prepare("SELECT * FROM \"" + t + "\" ORDER BY rowid");
    while (st.step()) {
      for (int c = 0; c < st.column_count(); ++c) {
        if (st.is_null(c)) {
          out << "NULL|";
        } else {
          size_t n = 0;
          const uint8_t* b = st.column_blob_data(c, &n);
          for (size_t i = 0; i < n; ++i) {
            char h[3];
            std::snprintf(h, sizeof h, "%02x", b[i]);
            out << h;
          }
          out << '|';
        }
      }
      out << "\n";
    }
  }
  return out.str();
}

// A square commune polygon (GeoJSON Feature) with its lower-left corner at (x, y).
inline std::string square_feature(const std::string& code, const std::string& name, double x,
                                  double y, double size = 0.1) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                R"({"type":"Feature","properties":{"code":"%s","name":"%s","unit_type":"Xã"},)"
                R"("geometry":{"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],)"
                R"([%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}})",
                code.c_str(), name.c_str(), x, y, x + size, y, x + size, y + size, x, y + size, x,
                y);
  return buf;
}

inline std::string feature_collection(const std::vector<std::string>& features) {
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (size_t i = 0; i < features.size(); ++i) s += (i ? "," : "") + features[i];
  return s + "]}";
}

// A database holding three small communes (00001–00003) around 104.0–104.3E, 22.0–22.1N.
inline store::Database seeded_db(const std::filesystem::path& dir) {
  auto db = store::Database::open(dir / "test.sqlite", store::Database::Mode::CreateIfMissing);
  const auto src = dir / "seed_communes.geojson";
  write_file(src, feature_collection({square_feature("00001", "Xã Một", 104.0, 22.0),
                                      square_feature("00002", "Xã Hai", 104.1, 22.0),
                                      square_feature("00003", "Phường Ba", 104.2, 22.0)}));
  ImportOptions opt;
  opt.layer = "communes";
  opt.file = src;
  import_file(db, opt);
  return db;
}

}  // namespace secmap::io::testing
