#include "demo/demo_builder.h"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

#include "demo/border_features.h"
#include "demo/calendar.h"
#include "demo/cooperation.h"
#include "demo/demo_slides.h"
#include "demo/incidents_gen.h"
#include "demo/province.h"
#include "demo/statuses.h"
#include "demo/world.h"
#include "edit/audit.h"
#include "edit/rows.h"
#include "model/record_reader.h"
#include "model/tables.h"
#include "store/database.h"
#include "store/new_database.h"

namespace secmap::demo {

namespace fs = std::filesystem;

namespace {

bool has_realdata(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / kCommunesFile, ec) && fs::exists(dir / kBorderFile, ec);
}

void write_campaigns(store::Database& db) {
  auto st = db.prepare(
      "INSERT INTO campaigns (code, name, name_en, date_from, date_to, province, source, is_demo, "
      "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'secmap demo')");
  for (const auto& c : campaign_windows()) {
    st.reset();
    st.bind(1, c.code)
        .bind(2, c.name)
        .bind(3, c.name_en)
        .bind(4, c.date_from)
        .bind(5, c.date_to)
        .bind(6, c.province)
        .bind(7, c.source)
        .bind(8, c.is_demo ? 1 : 0)
        .bind(9, kDemoTimestamp);
    st.run();
    // The campaign windows are the plans' own, not synthetic (is_demo 0), so the trail records
    // them like any insert: `audit verify --data` then finds them as the trail says.
    const int64_t id = db.last_insert_rowid();
    if (!c.is_demo)
      if (auto row = model::read_row(db, *model::find_table("campaigns"), id))
        edit::append_audit(db, {"insert", "campaigns", id, "", edit::row_json(*row)},
                           "secmap demo");
  }
}

}  // namespace

std::optional<fs::path> find_realdata(const std::optional<fs::path>& explicit_dir) {
  if (explicit_dir) return has_realdata(*explicit_dir) ? explicit_dir : std::nullopt;
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("SECMAP_REALDATA"); env && *env) candidates.emplace_back(env);
  std::error_code ec;
  candidates.push_back(fs::current_path(ec) / ".." / "shared" / "realdata");
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) candidates.push_back(exe.parent_path().parent_path() / ".." / "shared" / "realdata");
  for (const auto& c : candidates)
    if (has_realdata(c)) return fs::weakly_canonical(c, ec);
  return std::nullopt;
}

DemoSummary build_demo(const fs::path& db_path, const DemoOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  std::error_code ec;
  if (fs::exists(db_path, ec) && !options.replace)
    throw std::runtime_error(db_path.string() + " already exists (use --force to replace it)");
  DemoSummary summary;
  std::optional<fs::path> realdata;
  if (!options.synthetic) {
    realdata = find_realdata(options.realdata);
    if (!realdata && options.realdata)
      throw std::runtime_error(options.realdata->string() + " does not hold " + kCommunesFile +
                               " and " + kBorderFile);
  }
  // The whole file only appears under its name once complete.
  const auto placed = store::create_database(db_path, options.replace, [&](store::Database& db) {
    auto lap = [&, t = std::chrono::steady_clock::now()](const char* stage) mutable {
      const auto now = std::chrono::steady_clock::now();
      summary.stages.emplace_back(stage, std::chrono::duration<double>(now - t).count());
      t = now;
    };
    lap("create");
    World w;
    w.seed = options.seed;
    w.source_note = "secmap demo: synthetic data (seed " + std::to_string(options.seed) + ")";
    w.codes = std::make_unique<CodeBook>(db);
    // The real import runs its own transactions; everything after it is one transaction.
    if (realdata) load_real_province(db, *realdata, w);
    lap("import real boundaries");
    store::Transaction tx(db);
    if (!realdata) {
      Rng rng = Rng::stream(options.seed, "province");
      make_synthetic_province(db, w, rng);
    }
    Rng communes_rng = Rng::stream(options.seed, "communes");
    finish_communes(db, w, communes_rng);
    lap("communes and border analysis");
    Rng crossings_rng = Rng::stream(options.seed, "crossings");
    const fs::path gates =
        realdata && fs::exists(*realdata / kGatesFile, ec) ? *realdata / kGatesFile : fs::path();
    place_crossings(db, w, crossings_rng, gates);
    Rng facilities_rng = Rng::stream(options.seed, "facilities");
    place_facilities(db, w, facilities_rng);
    lap("crossings and facilities");
    Rng incidents_rng = Rng::stream(options.seed, "incidents");
    const auto stats = generate_incidents(db, w, incidents_rng, options.incidents, options.years);
    lap("incidents");
    Rng status_rng = Rng::stream(options.seed, "statuses");
    generate_commune_statuses(db, w, status_rng, stats);
    Rng designation_rng = Rng::stream(options.seed, "designations");
    generate_designations(db, w, designation_rng, stats);
    Rng cooperation_rng = Rng::stream(options.seed, "cooperation");
    generate_cooperation(db, w, cooperation_rng);
    Rng patrol_rng = Rng::stream(options.seed, "patrols");
    generate_patrols(db, w, patrol_rng);
    write_campaigns(db);
    write_demo_slides(db);  // the briefing deck

    db.set_meta("demo", "1");
    db.set_meta("demo_seed", std::to_string(options.seed));
    db.set_meta("demo_source",
                realdata ? "real boundaries + synthetic data" : "synthetic province");
    db.set_meta("demo_period", iso_date(demo_first_day()) + "/" + iso_date(demo_last_day()));
    db.set_meta(
        "demo_note",
        std::string("DỮ LIỆU MINH HỌA — DEMO DATA, not real cases. ") +
            (realdata ? "Commune boundaries (2025 units of Lào Cai and Lai Châu) and the VN–CN "
                        "border line are real public data; "
                      : "The province \"Tỉnh Minh Họa\", its communes and border are fictional; ") +
            "populations, incidents, crossing and facility positions (the gate names are real, "
            "their placement approximate), commune statuses, designations, cooperation events "
            "and patrols are synthetic (seed " +
            std::to_string(options.seed) +
            "). Rows with is_demo = 1 are synthetic. Times are "
            "local (UTC+7).");
    tx.commit();
    lap("statuses, designations, cooperation, patrols, commit");

    for (const char* table :
         {"communes", "border_line", "crossings", "facilities", "incidents", "commune_status",
          "designations", "cooperation_events", "patrols", "campaigns"})
      summary.counts.emplace_back(table, db.count_rows(table));
    return true;
  });
  if (placed == store::Placement::Existed)
    throw std::runtime_error(db_path.string() +
                             " was created by another program meanwhile; it is "
                             "left as it is (use --force to replace it)");
  summary.real = realdata.has_value();
  if (realdata) summary.realdata = *realdata;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

}  // namespace secmap::demo
