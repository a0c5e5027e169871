// `secmap demo DB [--seed N] [--incidents N] [--years Y,...] [--synthetic] [--realdata DIR]
// [--force]`: creates the deterministic demo database and prints what it wrote.
#include <cstdio>
#include <exception>

#include "app/cli_parse.h"
#include "app/commands.h"
#include "demo/demo_builder.h"

namespace secmap::app {

int cmd_demo(const Args& args) {
  CLI::App app{
      "Create the demo database: real 2025 boundaries and border from ../shared/realdata "
      "when found (else a synthetic province) plus synthetic incidents, crossings, "
      "facilities, statuses, designations, cooperation events, patrols and campaigns.",
      "secmap demo"};
  std::string db_path;
  demo::DemoOptions opt;
  std::string realdata;
  app.add_option("DB", db_path, "database file to create")->required();
  app.add_option("--seed", opt.seed, "random seed; the same seed gives the same tables")
      ->capture_default_str();
  app.add_option("--incidents", opt.incidents, "number of synthetic incidents")
      ->capture_default_str()
      ->check(CLI::Range(size_t{0}, size_t{50000000}));
  app.add_option("--years", opt.years, "only generate incidents in these years (2024 2025 2026)")
      ->delimiter(',')
      ->check(CLI::Range(2024, 2026));
  app.add_flag("--synthetic", opt.synthetic, "use the synthetic province even if real data exists");
  app.add_option("--realdata", realdata, "folder with the real data (default: search, see README)");
  app.add_flag("--force", opt.replace, "replace DB if it exists");
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "print how long each stage took");
  if (auto rc = parse_or_exit(app, args)) return *rc;
  if (!realdata.empty()) opt.realdata = realdata;
  try {
    const auto s = demo::build_demo(db_path, opt);
    std::printf("secmap demo: wrote %s in %.1f s (%s)\n", db_path.c_str(), s.seconds,
                s.real ? ("real boundaries from " + s.realdata.string()).c_str()
                       : "synthetic province \"Tỉnh Minh Họa\"");
    for (const auto& [table, n] : s.counts)
      std::printf("  %-20s %8lld\n", table.c_str(), static_cast<long long>(n));
    if (verbose)
      for (const auto& [stage, secs] : s.stages)
        std::printf("  %6.2f s  %s\n", secs, stage.c_str());
    std::printf("All synthetic rows have is_demo = 1; meta 'demo_note' describes the data.\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "secmap demo: %s\n", e.what());
    return 1;
  }
}

}  // namespace secmap::app
