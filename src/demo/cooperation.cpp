#include "demo/cooperation.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "demo/calendar.h"
#include "model/layer_records.h"

namespace secmap::demo {

namespace {

struct Partner {
  std::string vn_party, counterpart;
  geo::Point vn, cn;
  std::optional<int64_t> crossing_id, facility_id;
  bool blo = false;
};

struct Event {
  int64_t day = 0;
  size_t order = 0;
  std::string kind, subject, notes;
  const Partner* partner = nullptr;
  bool sensitive = false;
};

const char* const kSubjects[] = {"ma túy",
                                 "mua bán người",
                                 "xuất nhập cảnh trái phép",
                                 "buôn lậu hàng hóa",
                                 "vũ khí, vật liệu nổ, pháo",
                                 "truy bắt đối tượng truy nã"};

}  // namespace

void generate_cooperation(store::Database& db, const World& w, Rng& rng) {
  const CodeBook& codes = *w.codes;
  const std::string intl = codes.pick("crossing_kinds", "international_gate", 0);
  const std::string main_gate = codes.pick("crossing_kinds", "main_gate", 1);
  const std::string blo_kind = codes.pick("facility_kinds", "blo_office", 4);

  std::vector<Partner> partners;
  const PlacedFacility* vn_blo = nullptr;
  const PlacedFacility* cn_blo = nullptr;
  for (const auto& f : w.facilities)
    if (f.kind == blo_kind) (f.country == "CN" ? cn_blo : vn_blo) = &f;
  if (vn_blo && cn_blo)
    partners.push_back(
        {w.real ? "BLO Lào Cai (Công an tỉnh Lào Cai)" : vn_blo->name,
         w.real ? "BLO Hà Khẩu; Công an huyện Hà Khẩu (Vân Nam, Trung Quốc)" : cn_blo->name,
         vn_blo->at, cn_blo->at, std::nullopt, vn_blo->id, true});
  for (const auto& g : w.crossings)
    if (g.commune >= 0 && (g.kind == intl || g.kind == main_gate))
      partners.push_back({"Đồn Biên phòng cửa khẩu " + g.name,
                          g.counterpart.empty() ? "phía Trung Quốc" : g.counterpart, g.at, g.across,
                          g.id, std::nullopt, false});
  if (partners.empty()) return;

  // Monthly rates per kind; busier in the Tết campaign months.
  struct Rate {
    const char* code;
    double per_month;
    bool at_blo;  // mostly through the BLO rather than a gate
    bool sensitive;
  };
  const Rate rates[] = {{"meeting", 0.8, true, false},
                        {"info_exchange", 3.0, true, true},
                        {"hotline", 4.0, true, true},
                        {"handover", 0.6, false, false},
                        {"joint_patrol", 1.2, false, false}};
  std::vector<Event> events;
  for (int64_t m0 = demo_first_day(); m0 <= demo_last_day();) {
    int y, m, d;
    civil_from_days(m0, y, m, d);
    const int64_t next = days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1);
    const int64_t days = std::min(next, demo_last_day() + 1) - m0;
    const bool peak = !campaign_tags_for(m0 + days / 2).empty();
    for (const auto& r : rates) {
      if (!codes.has("cooperation_kinds", r.code)) continue;
      const uint64_t k =
          rng.poisson(r.per_month * (peak ? 1.5 : 1.0) * static_cast<double>(days) / 30.0);
      for (uint64_t j = 0; j < k; ++j) {
        Event e;
        e.order = events.size();
        e.day = m0 + static_cast<int64_t>(rng.below(static_cast<uint64_t>(days)));
        e.kind = r.code;
        const bool use_blo = partners[0].blo && (r.at_blo ? rng.chance(0.8) : rng.chance(0.2));
        e.partner = use_blo ? &partners[0] : &partners[rng.below(partners.size())];
        e.subject = kSubjects[rng.below(std::size(kSubjects))];
        e.sensitive = r.sensitive;
        if (e.kind == "handover")
          e.notes =
              "Trao trả " + std::to_string(rng.range(1, 12)) + " người nhập cảnh trái phép (demo)";
        else if (e.kind == "joint_patrol")
          e.notes = "Tuần tra song phương đoạn biên giới gần " + e.partner->vn_party + " (demo)";
        else
          e.notes = "Dữ liệu minh họa (demo)";
        events.push_back(std::move(e));
      }
    }
    m0 = next;
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.day != b.day ? a.day < b.day : a.order < b.order;
  });
  auto st = db.prepare(
      "INSERT INTO cooperation_events (kind, occurred_on, vn_party, counterpart, crossing_id, "
      "facility_id, subject, notes, counterpart_lon, counterpart_lat, sensitive, source, is_demo, "
      "updated_at, updated_by, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, "
      "'secmap demo', MakePoint(?, ?, 4326))");
  for (const auto& e : events) {
    const Partner& p = *e.partner;
    st.reset();
    st.bind(1, e.kind)
        .bind(2, iso_date(e.day))
        .bind(3, p.vn_party)
        .bind(4, p.counterpart)
        .bind(5, p.crossing_id)
        .bind(6, p.facility_id)
        .bind(7, e.subject)
        .bind(8, e.notes)
        .bind(9, p.cn.x)
        .bind(10, p.cn.y)
        .bind(11, e.sensitive ? 1 : 0)
        .bind(12, w.source_note)
        .bind(13, kDemoTimestamp)
        .bind(14, p.vn.x)
        .bind(15, p.vn.y);
    st.run();
  }
}

void generate_patrols(store::Database& db, const World& w, Rng& rng) {
  const auto& walk = *w.walk;
  std::vector<std::string> modes;
  std::vector<double> speeds, mode_w;
  for (const auto& [mode, speed] : model::load_mode_speeds(db)) {
    modes.push_back(mode);
    speeds.push_back(std::max(1.0, speed));
    mode_w.push_back(modes.size() == 1 ? 50.0 : modes.size() == 2 ? 35.0 : 15.0);
  }
  if (modes.empty()) return;
  const std::string post = w.codes->pick("facility_kinds", "border_post", 0);
  const double span = walk.area_to() - walk.area_from();
  if (span < 1000) return;
  const double max_len = std::min(15e3, span * 0.5), min_len = std::min(3e3, max_len * 0.5);
  const int count = w.real ? 150 : 60;
  auto st = db.prepare(
      "INSERT INTO patrols (name, unit, mode, state, starts_at, ends_at, joint, sensitive, source, "
      "is_demo, updated_at, updated_by, geom) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, 1, ?, "
      "'secmap demo', GeomFromWKB(?, 4326))");
  struct Patrol {
    int64_t day;
    int start_s;
    double s0, len;
  };
  std::vector<Patrol> plan;
  const int64_t first = demo_first_day(), last = demo_last_day();
  for (int k = 0; k < count; ++k) {
    // Most are past patrols; about one in ten is planned for the coming month.
    const bool future = k % 10 == 9;
    const int64_t day =
        future ? last + 1 + static_cast<int64_t>(rng.below(30))
               : first + static_cast<int64_t>(rng.below(static_cast<uint64_t>(last - first)));
    const double len = rng.uniform(min_len, max_len);
    const double s0 = walk.area_from() + rng.uniform(0, span - len);
    plan.push_back({day, static_cast<int>(rng.range(5, 22)) * 3600, s0, len});
  }
  std::sort(plan.begin(), plan.end(), [](const Patrol& a, const Patrol& b) {
    return a.day != b.day ? a.day < b.day : a.s0 < b.s0;
  });
  for (const auto& p : plan) {
    const auto line = walk.sub_line(p.s0, p.s0 + p.len, 150);
    if (line.size() < 2) continue;
    const size_t mode = rng.weighted(mode_w);
    const int secs = static_cast<int>(p.len / 1000.0 / speeds[mode] * 3600.0);
    const int64_t end_day = p.day + (p.start_s + secs) / 86400;
    const bool done = p.day <= last && rng.chance(0.93);
    // The unit: the nearest border post to the middle of the route.
    const geo::Point mid = line[line.size() / 2];
    std::string unit = "Bộ Chỉ huy Bộ đội Biên phòng tỉnh";
    double best = 1e300;
    for (const auto& f : w.facilities)
      if (f.kind == post && metres_between(f.at, mid) < best)
        best = metres_between(f.at, mid), unit = f.name;
    char name[96];
    std::snprintf(name, sizeof name, "Tuần tra biên giới km %.0f–%.0f (demo)", p.s0 / 1000.0,
                  (p.s0 + p.len) / 1000.0);
    const auto wkb = geo::to_wkb(geo::Geometry::line(line));
    st.reset();
    st.bind(1, name)
        .bind(2, unit)
        .bind(3, modes[mode])
        .bind(4, done ? "done" : "planned")
        .bind(5, iso_datetime(p.day, p.start_s))
        .bind(6, iso_datetime(end_day, (p.start_s + secs) % 86400))
        .bind(7, rng.chance(0.3) ? 1 : 0)
        .bind(8, w.source_note)
        .bind(9, kDemoTimestamp)
        .bind_blob(10, wkb.data(), wkb.size());
    st.run();
  }
}

}  // namespace secmap::demo
