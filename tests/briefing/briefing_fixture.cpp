#include "briefing_fixture.h"

#include <cstdio>
#include <string>

#include "store/database.h"

namespace secmap::test {

void build_briefing_fixture(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  auto db = store::Database::open(path, store::Database::Mode::CreateIfMissing);
  store::Transaction tx(db);
  db.set_meta("demo", "0");
  const char* names[] = {"Mường Khương", "Bát Xát", "Đồng Tuyển", "Hợp Thành"};
  const double lon0[] = {104.0, 104.1, 104.0, 104.1}, lat0[] = {22.1, 22.1, 22.0, 22.0};
  for (int i = 0; i < 4; ++i) {
    char wkt[256];
    std::snprintf(wkt, sizeof wkt,
                  "MULTIPOLYGON(((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f)))", lon0[i],
                  lat0[i], lon0[i] + 0.1, lat0[i], lon0[i] + 0.1, lat0[i] + 0.1, lon0[i],
                  lat0[i] + 0.1, lon0[i], lat0[i]);
    const std::string code = "9100" + std::to_string(i + 1);
    db.prepare(
          "INSERT INTO communes(code, name, population, geom) VALUES (?, ?, 5000, "
          "GeomFromText(?, 4326))")
        .bind(1, code)
        .bind(2, names[i])
        .bind(3, std::string(wkt))
        .run();
    db.prepare(
          "INSERT INTO commune_status(commune_code, period_from, drug_free, antt_standard) "
          "VALUES (?, '2025-01-01', 'drug_free', 'meets')")
        .bind(1, code)
        .run();
    // Incidents on a small lattice inside the commune, spread through 2025.
    for (int k = 0; k < kBriefingCounts[i]; ++k) {
      char date[16];
      std::snprintf(date, sizeof date, "2025-%02d-%02d", 1 + k % 12, 1 + (k * 7) % 28);
      db.prepare(
            "INSERT INTO incidents(category, occurred_at, commune_code, geom) VALUES "
            "((SELECT code FROM incident_categories ORDER BY code LIMIT 1), ?, ?, "
            "MakePoint(?, ?, 4326))")
          .bind(1, std::string(date))
          .bind(2, code)
          .bind(3, lon0[i] + 0.015 + 0.017 * (k % 4))
          .bind(4, lat0[i] + 0.015 + 0.02 * (k / 4))
          .run();
    }
  }
  db.exec(
      "INSERT INTO border_line(name, geom) VALUES ('test border', GeomFromText("
      "'MULTILINESTRING((103.98 22.19,104.05 22.17,104.10 22.195,104.16 22.17,104.22 22.19))', "
      "4326))");
  // Sensitive by kind (trail, opening) and by flag (a secondary gate marked sensitive).
  db.exec(
      "INSERT INTO crossings(name, kind, sensitive, geom) VALUES "
      "('Đường mòn 1', 'trail', 0, MakePoint(104.03, 22.18, 4326)),"
      "('Lối mở 2', 'opening', 0, MakePoint(104.12, 22.18, 4326)),"
      "('Cửa phụ 3', 'secondary_gate', 1, MakePoint(104.17, 22.175, 4326))");
  db.exec(
      "INSERT INTO facilities(name, kind, sensitive, geom) VALUES ('Chốt 1', "
      "(SELECT code FROM facility_kinds ORDER BY sort_order LIMIT 1), 1, "
      "MakePoint(104.05, 22.05, 4326))");
  tx.commit();
}

void add_public_gate(const std::filesystem::path& path) {
  auto db = store::Database::open(path);
  db.exec(
      "INSERT INTO crossings(name, kind, geom) VALUES ('Cửa khẩu quốc tế', "
      "'international_gate', MakePoint(104.08, 22.16, 4326))");
}

}  // namespace secmap::test
