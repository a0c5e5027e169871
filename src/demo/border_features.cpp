#include "demo/border_features.h"

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "border/segments.h"
#include "demo/calendar.h"
#include "store/csv.h"

namespace secmap::demo {

namespace {

struct GateSpec {
  std::string name, alt_name, kind, counterpart, source, notes;
  std::string commune_code, commune_hint, district, province;
};

std::string read_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string strip_prefix(std::string s) {
  for (const char* p : {"TP ", "Thị xã ", "Huyện ", "Thành phố "})
    if (s.rfind(p, 0) == 0) return s.substr(std::string(p).size());
  return s;
}

std::vector<GateSpec> read_gates(const std::filesystem::path& csv, const CodeBook& codes) {
  const auto table = store::parse_csv_table(read_text(csv), csv.filename().string());
  auto col = [&](const store::CsvRow& row, const char* name) -> std::string {
    auto i = table.column(name);
    return i && *i < row.size() ? row[*i] : std::string();
  };
  std::vector<GateSpec> out;
  for (const auto& row : table.rows) {
    GateSpec g;
    g.name = col(row, "name_vi");
    g.alt_name = col(row, "alt_name");
    const std::string level = col(row, "level");
    if (level.find("Quốc tế") != std::string::npos)
      g.kind = codes.pick("crossing_kinds", "international_gate", 0);
    else if (level.rfind("Lối mở", 0) == 0)
      g.kind = codes.pick("crossing_kinds", "opening", 3);
    else
      g.kind = codes.pick("crossing_kinds", "main_gate", 1);
    g.counterpart = col(row, "counterpart");
    g.source = col(row, "source");
    g.commune_code = col(row, "commune_2025_code");
    g.district = col(row, "district_pre2025");
    g.province = col(row, "province_pre2025");
    g.notes = col(row, "note");
    out.push_back(std::move(g));
  }
  return out;
}

std::vector<GateSpec> synthetic_gates(const CodeBook& codes) {
  const std::string src = "synthetic (demo)";
  return {
      {"Cửa khẩu quốc tế Minh Họa (giả lập)", "",
       codes.pick("crossing_kinds", "international_gate", 0), "Cửa khẩu đối diện (giả lập)", src,
       "", "", "", "", ""},
      {"Cửa khẩu Suối Mây (giả lập)", "", codes.pick("crossing_kinds", "main_gate", 1),
       "Cửa khẩu đối diện (giả lập)", src, "", "", "", "", ""},
      {"Cửa khẩu Khe Lau (giả lập)", "", codes.pick("crossing_kinds", "main_gate", 1),
       "Cửa khẩu đối diện (giả lập)", src, "", "", "", "", ""},
  };
}

// Commune for a gate: the 2025 code when the list has it, else its name, alt name or old
// district matching a commune name; -1 when none does.
int gate_commune(const World& w, const GateSpec& g) {
  auto by = [&](auto pred) {
    for (size_t i = 0; i < w.communes.size(); ++i)
      if (pred(w.communes[i]) && w.walk->commune_length(static_cast<int>(i)) > 0)
        return static_cast<int>(i);
    return -1;
  };
  int c = -1;
  if (!g.commune_code.empty())
    c = by([&](const CommuneInfo& x) { return x.code == g.commune_code; });
  if (c < 0) c = by([&](const CommuneInfo& x) { return x.name == g.name; });
  if (c < 0 && !g.alt_name.empty())
    c = by([&](const CommuneInfo& x) { return x.name == g.alt_name; });
  if (c < 0 && !g.district.empty())
    c = by([&](const CommuneInfo& x) { return x.name == strip_prefix(g.district); });
  return c;
}

bool west_first(const BorderWalk& walk) {
  return walk.point_at(0).x < walk.point_at(walk.length()).x;
}

class CrossingWriter {
 public:
  CrossingWriter(store::Database& db, World& w)
      : w_(w),
        st_(db.prepare("INSERT INTO crossings (name, alt_name, kind, status, counterpart, "
                       "commune_code, sensitive, notes, source, is_demo, updated_at, updated_by, "
                       "geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, 'secmap demo', "
                       "MakePoint(?, ?, 4326))")),
        db_(db) {}

  void add(const GateSpec& g, int commune, geo::Point at, geo::Point across, bool sensitive) {
    st_.reset();
    st_.bind(1, g.name)
        .bind(2, g.alt_name.empty() ? std::optional<std::string>() : g.alt_name)
        .bind(3, g.kind)
        .bind(4, "open")
        .bind(5, g.counterpart)
        .bind(6, commune >= 0
                     ? std::optional<std::string>(w_.communes[static_cast<size_t>(commune)].code)
                     : std::nullopt)
        .bind(7, sensitive ? 1 : 0)
        .bind(8, g.notes)
        .bind(9, g.source)
        .bind(10, kDemoTimestamp)
        .bind(11, at.x)
        .bind(12, at.y);
    st_.run();
    w_.crossings.push_back(PlacedCrossing{db_.last_insert_rowid(), g.name, g.kind, g.counterpart,
                                          commune, at, across});
  }

 private:
  World& w_;
  store::Statement st_;
  store::Database& db_;
};

}  // namespace

void place_border_segments(store::Database& db) {
  const auto frame = border::MetricFrame::for_database(db);
  const auto line = border::load_border_line(db, frame);
  auto segs = border::split_fixed(line, frame, 5000);
  const auto by_commune = border::split_by_commune(line, frame, analysis::load_communes(db));
  segs.insert(segs.end(), by_commune.begin(), by_commune.end());
  border::write_segments(db, segs);
}

void place_crossings(store::Database& db, World& w, Rng& rng,
                     const std::filesystem::path& gates_csv) {
  place_border_segments(db);
  const auto& walk = *w.walk;
  CrossingWriter out(db, w);
  const std::string opening = w.codes->pick("crossing_kinds", "opening", 3);
  const std::string trail = w.codes->pick("crossing_kinds", "trail", 4);
  const std::string secondary = w.codes->pick("crossing_kinds", "secondary_gate", 2);
  auto kind_sensitive = [&](const std::string& k) { return k == opening || k == trail; };

  auto gates = gates_csv.empty() ? synthetic_gates(*w.codes) : read_gates(gates_csv, *w.codes);
  // Gates in the demo communes: spread evenly over their commune's border stretch.
  std::vector<int> where(gates.size());
  std::map<int, int> per_commune;
  for (size_t i = 0; i < gates.size(); ++i) {
    where[i] = gates_csv.empty() ? -2 : gate_commune(w, gates[i]);
    if (where[i] >= 0) ++per_commune[where[i]];
  }
  // Gates of provinces beyond the demo communes sit on the line's ends: Điện Biên on the
  // western end, Hà Giang on the eastern end (the list runs east to west); synthetic gates
  // spread over the whole border.
  std::vector<size_t> west, east, spread;
  for (size_t i = gates.size(); i-- > 0;) {
    if (where[i] >= 0) continue;
    if (where[i] == -2)
      spread.insert(spread.begin(), i);
    else if (gates[i].province == "Điện Biên")
      west.push_back(i);
    else if (gates[i].province == "Hà Giang")
      east.push_back(i);
    else
      spread.push_back(i);
  }
  const bool wf = west_first(walk);
  auto range_west =
      wf ? std::pair{0.0, walk.area_from()} : std::pair{walk.area_to(), walk.length()};
  auto range_east =
      wf ? std::pair{walk.area_to(), walk.length()} : std::pair{0.0, walk.area_from()};
  std::map<int, int> seen;
  for (size_t i = 0; i < gates.size(); ++i) {
    auto& g = gates[i];
    const int c = where[i];
    if (c < 0) continue;
    const double f = static_cast<double>(++seen[c]) / (per_commune[c] + 1);
    geo::Point at, across;
    if (!walk.place_in_commune(c, f, 0.5, 400.0, *w.locator, at, across)) continue;
    g.notes = "Vị trí gần đúng (demo): đặt trên đường biên giới trong " +
              w.communes[static_cast<size_t>(c)].full_name +
              "; approximate placement, the source list has no coordinates." +
              (g.notes.empty() ? "" : " " + g.notes);
    out.add(g, c, at, across, kind_sensitive(g.kind));
  }
  auto place_along = [&](const std::vector<size_t>& idx, std::pair<double, double> range,
                         const char* where_text) {
    if (range.second - range.first < 1000.0) range = {walk.area_from(), walk.area_to()};
    for (size_t k = 0; k < idx.size(); ++k) {
      auto& g = gates[idx[k]];
      const double s = range.first + (range.second - range.first) * (k + 1.0) / (idx.size() + 1.0);
      const size_t si = walk.segment_at(s);
      int side = walk.inward_side(si);
      if (side == 0) side = 1;
      if (where_text[0] != 0) {
        g.notes = std::string("Vị trí gần đúng (demo): ") + where_text +
                  "; approximate placement, the source list has no coordinates." +
                  (g.notes.empty() ? "" : " " + g.notes);
      } else {
        g.notes = "Giả lập (demo) — synthetic gate, approximate placement.";
      }
      const auto& seg = walk.segments()[si];
      const geo::Point p = walk.point_at(s);
      int c = w.locate(BorderWalk::offset(seg, p, side * 0.5));
      const geo::Point at = c >= 0 ? BorderWalk::offset(seg, p, side * 0.5) : p;
      out.add(g, c, at, BorderWalk::offset(seg, p, -side * 400.0), kind_sensitive(g.kind));
    }
  };
  place_along(west, range_west,
              "tỉnh Điện Biên, ngoài vùng dữ liệu; đặt ở đầu phía tây của đường biên");
  place_along(east, range_east,
              "tỉnh Hà Giang cũ (nay Tuyên Quang), ngoài vùng dữ liệu; đặt ở đoạn phía đông");
  place_along(spread, {walk.area_from(), walk.area_to()}, "");

  // Synthetic secondary gates, openings and trails, in border communes by border length.
  std::vector<double> weights;
  for (size_t i = 0; i < w.communes.size(); ++i)
    weights.push_back(walk.commune_length(static_cast<int>(i)));
  double total = 0;
  for (double x : weights) total += x;
  if (total <= 0) return;
  struct Batch {
    const std::string* kind;
    int count;
    const char* prefix;
  };
  const int scale = w.real ? 1 : 0;  // the small synthetic province gets fewer
  for (const Batch& b :
       {Batch{&secondary, 3 + scale * 2, "Cửa khẩu phụ"}, Batch{&opening, 6 + scale * 6, "Lối mở"},
        Batch{&trail, 10 + scale * 10, "Đường mòn"}}) {
    std::map<int, int> numbering;
    for (int k = 0; k < b.count; ++k) {
      const int c = static_cast<int>(rng.weighted(weights));
      geo::Point at, across;
      if (!walk.place_in_commune(c, rng.uniform(0.05, 0.95), 0.5, 400.0, *w.locator, at, across))
        continue;
      GateSpec g;
      g.kind = *b.kind;
      g.name = std::string(b.prefix) + " " + w.communes[static_cast<size_t>(c)].name + " " +
               std::to_string(++numbering[c]) + " (demo)";
      g.counterpart = "phía Trung Quốc (giả lập)";
      g.source = w.source_note;
      g.notes = "Giả lập (demo): synthetic feature, not a real location.";
      out.add(g, c, at, across, true);
    }
  }
}

void place_facilities(store::Database& db, World& w, Rng& rng) {
  auto st = db.prepare(
      "INSERT INTO facilities (name, kind, country, commune_code, sensitive, notes, source, "
      "is_demo, updated_at, updated_by, geom) VALUES (?, ?, ?, ?, 0, ?, ?, 1, ?, 'secmap demo', "
      "MakePoint(?, ?, 4326))");
  auto add = [&](const std::string& name, const std::string& kind, const char* country, int c,
                 geo::Point p, const std::string& notes) {
    st.reset();
    st.bind(1, name)
        .bind(2, kind)
        .bind(3, country)
        .bind(4, c >= 0 ? std::optional<std::string>(w.communes[static_cast<size_t>(c)].code)
                        : std::nullopt)
        .bind(5, notes)
        .bind(6, w.source_note)
        .bind(7, kDemoTimestamp)
        .bind(8, p.x)
        .bind(9, p.y);
    st.run();
    w.facilities.push_back(PlacedFacility{db.last_insert_rowid(), name, kind, country, c, p});
    return db.last_insert_rowid();
  };
  const auto& walk = *w.walk;
  const std::string post = w.codes->pick("facility_kinds", "border_post", 0);
  const std::string police = w.codes->pick("facility_kinds", "police", 2);
  const std::string customs = w.codes->pick("facility_kinds", "customs", 3);
  const std::string blo = w.codes->pick("facility_kinds", "blo_office", 4);
  const std::string approx = "Vị trí giả lập (demo) — synthetic location.";

  // Border posts every 30–40 km along the demo stretch, a few km inland.
  std::map<int, int> posts;
  for (double s = walk.area_from() + rng.uniform(8e3, 18e3); s < walk.area_to();
       s += rng.uniform(30e3, 40e3)) {
    const size_t si = walk.segment_at(s);
    const int side = walk.inward_side(si);
    if (side == 0) continue;
    const geo::Point p = walk.point_at(s);
    for (double d : {2500.0, 1500.0, 800.0, 300.0, 100.0}) {
      const geo::Point q = BorderWalk::offset(walk.segments()[si], p, side * d);
      const int c = w.locate(q);
      if (c < 0) continue;
      std::string name = "Đồn Biên phòng " + w.communes[static_cast<size_t>(c)].name;
      if (++posts[c] > 1) name += " " + std::to_string(posts[c]);
      add(name + " (demo)", post, "VN", c, q, approx);
      break;
    }
  }
  // Customs at the international and main gates inside the demo communes.
  const std::string intl = w.codes->pick("crossing_kinds", "international_gate", 0);
  const std::string main_gate = w.codes->pick("crossing_kinds", "main_gate", 1);
  const std::vector<PlacedCrossing> gates = w.crossings;
  for (const auto& g : gates) {
    if (g.commune < 0 || (g.kind != intl && g.kind != main_gate)) continue;
    const geo::Point q{g.at.x + (g.at.x - g.across.x) * 0.6, g.at.y + (g.at.y - g.across.y) * 0.6};
    const int c = w.locate(q);
    add("Chi cục Hải quan " + g.name + " (demo)", customs, "VN", c >= 0 ? c : g.commune,
        c >= 0 ? q : g.at, approx);
  }
  // Police: every ward and a sample of communes.
  for (size_t i = 0; i < w.communes.size(); ++i) {
    const auto& c = w.communes[i];
    if (!c.urban && !rng.chance(0.12)) continue;
    add("Công an " + c.full_name + " (demo)", police, "VN", static_cast<int>(i), c.centre, approx);
  }
  // The BLO pair beside the Lào Cai international gate (or the first international gate).
  const PlacedCrossing* gate = nullptr;
  for (const auto& g : gates)
    if (g.kind == intl && g.commune >= 0 && (!gate || g.name == "Lào Cai")) gate = &g;
  if (!gate) return;
  const geo::Point in_dir{gate->at.x - gate->across.x, gate->at.y - gate->across.y};
  geo::Point vn{gate->at.x + in_dir.x * 1.2, gate->at.y + in_dir.y * 1.2};
  if (w.locate(vn) < 0) vn = gate->at;
  const geo::Point cn{gate->across.x - in_dir.x * 0.5, gate->across.y - in_dir.y * 0.5};
  const bool real_pair = w.real;
  const int64_t vn_id =
      add(real_pair ? "Văn phòng liên lạc biên giới tỉnh Lào Cai (BLO Lào Cai)"
                    : "Văn phòng liên lạc biên giới Minh Họa (BLO, giả lập)",
          blo, "VN", w.locate(vn), vn, "Vị trí gần đúng (demo) — approximate location.");
  const int64_t cn_id =
      add(real_pair ? "Văn phòng liên lạc biên giới Hà Khẩu (BLO Hà Khẩu), Vân Nam, Trung Quốc"
                    : "Văn phòng liên lạc biên giới phía đối diện (giả lập)",
          blo, "CN", -1, cn, "Vị trí gần đúng (demo), phía Trung Quốc — approximate location.");
  auto link = db.prepare("UPDATE facilities SET counterpart_id = ? WHERE id = ?");
  link.bind(1, cn_id).bind(2, vn_id).run();
  link.reset();
  link.bind(1, vn_id).bind(2, cn_id).run();
}

}  // namespace secmap::demo
