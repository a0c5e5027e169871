#include "render_fixtures.h"

#include <cstdio>
#include <stdexcept>

#include "store/database.h"

namespace secmap::test {
namespace {

struct Square {
  const char* code;
  const char* name;
  double lon0, lat0;
  const char* drug_free;
  const char* antt;
};
// 2 × 2 communes of 0.1° with names that exercise every Vietnamese diacritic family.
constexpr Square kSquares[] = {
    {"90001", "Mường Khương", 104.0, 22.1, "drug_free", "meets"},
    {"90002", "Bát Xát", 104.1, 22.1, "not_yet", "not_meets"},
    {"90003", "Đồng Tuyển", 104.0, 22.0, "transforming", "meets"},
    {"90004", "Hợp Thành", 104.1, 22.0, "drug_free", "not_meets"},
};

std::string square_wkt(const Square& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "MULTIPOLYGON(((%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f,%.3f %.3f)))", s.lon0,
                s.lat0, s.lon0 + 0.1, s.lat0, s.lon0 + 0.1, s.lat0 + 0.1, s.lon0, s.lat0 + 0.1,
                s.lon0, s.lat0);
  return buf;
}

}  // namespace

const std::vector<FixtureIncident>& grid_incidents() {
  // A deterministic lattice, one incident a month through 2024, in every commune.
  static const std::vector<FixtureIncident> v = [] {
    std::vector<FixtureIncident> out;
    for (int i = 0; i < 24; ++i) {
      double lon = 104.02 + 0.032 * (i % 6);
      double lat = 22.02 + 0.04 * (i / 6);
      char date[16];
      std::snprintf(date, sizeof date, "2024-%02d-15", 1 + i % 12);
      out.push_back({lon, lat, date});
    }
    return out;
  }();
  return v;
}

void build_fixture(const std::string& name, const std::filesystem::path& path) {
  if (name != "grid" && name != "grid_demo")
    throw std::invalid_argument("unknown render fixture '" + name + "'");
  std::filesystem::remove(path);
  auto db = store::Database::open(path, store::Database::Mode::CreateIfMissing);
  store::Transaction tx(db);
  db.set_meta("demo", name == "grid_demo" ? "1" : "0");
  for (const Square& s : kSquares) {
    auto st = db.prepare(
        "INSERT INTO communes(code, name, population, geom) "
        "VALUES (?, ?, 5000, GeomFromText(?, 4326))");
    st.bind(1, s.code).bind(2, s.name).bind(3, square_wkt(s)).run();
    auto ss = db.prepare(
        "INSERT INTO commune_status(commune_code, period_from, drug_free, antt_standard) "
        "VALUES (?, '2024-01-01', ?, ?)");
    ss.bind(1, s.code).bind(2, s.drug_free).bind(3, s.antt).run();
  }
  db.exec(
      "INSERT INTO border_line(name, geom) VALUES ('test border', GeomFromText("
      "'MULTILINESTRING((103.98 22.19,104.05 22.17,104.10 22.195,104.16 22.17,104.22 22.19))', "
      "4326))");
  const char* kinds[] = {"international_gate", "main_gate", "secondary_gate", "opening", "trail"};
  for (int i = 0; i < 5; ++i) {
    auto st =
        db.prepare("INSERT INTO crossings(name, kind, geom) VALUES (?, ?, MakePoint(?, ?, 4326))");
    st.bind(1, std::string("Cửa ") + std::to_string(i)).bind(2, kinds[i]);
    st.bind(3, 104.01 + 0.045 * i).bind(4, 22.18 + (i % 2) * 0.01).run();
  }
  db.exec(
      "INSERT INTO facilities(name, kind, geom) VALUES "
      "('Đồn Biên phòng A', 'border_post', MakePoint(104.05, 22.05, 4326)),"
      "('Công an xã B', 'police', MakePoint(104.15, 22.05, 4326))");
  // Categories by position: one category of each of several groups.
  const char* cats[] = {"NS-01", "DR-01", "SO-01", "BX-01"};
  int i = 0;
  for (const auto& inc : grid_incidents()) {
    const char* commune = inc.lat >= 22.1 ? (inc.lon >= 104.1 ? "90002" : "90001")
                                          : (inc.lon >= 104.1 ? "90004" : "90003");
    auto st = db.prepare(
        "INSERT INTO incidents(case_number, category, occurred_at, commune_code, geom) "
        "VALUES (?, ?, ?, ?, MakePoint(?, ?, 4326))");
    st.bind(1, "T-" + std::to_string(i)).bind(2, cats[i % 4]).bind(3, inc.date).bind(4, commune);
    st.bind(5, inc.lon).bind(6, inc.lat).run();
    ++i;
  }
  tx.commit();
}

}  // namespace secmap::test
