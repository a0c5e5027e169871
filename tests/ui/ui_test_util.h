// Helpers for the map-window tests: a small synthetic demo database, running the real `secmap
// map` binary with a script under the test's own config folder, reading its state dumps, and
// the independent inverse Web Mercator used to check what a click should pick.
#pragma once
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "test_support.h"

namespace secmap::test {

// Skips a GUI test when there is no X server (tools/test runs ctest under xvfb-run -a).
#define SECMAP_REQUIRE_DISPLAY()                                                        \
  do {                                                                                  \
    if (!std::getenv("DISPLAY"))                                                        \
      GTEST_SKIP() << "needs an X display for the map window; run under `xvfb-run -a`"; \
  } while (0)

inline std::string quoted(const std::filesystem::path& p) {
  return "'" + p.string() + "'";
}

// `secmap demo DB --synthetic`: the synthetic province, no real-data dependency.
inline std::filesystem::path make_demo_db(const std::filesystem::path& dir, int incidents = 5000,
                                          bool synthetic = true) {
  const auto db = dir / "demo.sqlite";
  const auto r = run_command(quoted(secmap_binary()) + " demo " + quoted(db) +
                             (synthetic ? " --synthetic" : "") + " --force --incidents " +
                             std::to_string(incidents));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return db;
}

// Runs `secmap map` with the script; settings live in dir/config (never the user's own).
inline CommandResult run_window(const std::filesystem::path& dir, const std::string& db_args,
                                const std::string& script, const std::string& extra = "",
                                const std::string& name = "script.txt") {
  const auto file = dir / name;
  std::ofstream(file) << script;
  return run_command("XDG_CONFIG_HOME=" + quoted(dir / "config") + " " + quoted(secmap_binary()) +
                     " map " + db_args + " --size 1000x700 --script " + quoted(file) + " " + extra);
}

inline nlohmann::json read_json(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return nullptr;
  return nlohmann::json::parse(in);
}

// The lon/lat (EPSG:4326) of map pixel (px, py) for a dumped view: spherical Web Mercator
// inverted here, independently of the application's own code.
struct LonLat {
  double lon, lat;
};
inline LonLat pixel_lonlat(const nlohmann::json& view, double px, double py) {
  constexpr double R = 6378137.0, kPi = 3.14159265358979323846;
  const double s = view["m_per_px"].get<double>();
  const double x = view["centre_x"].get<double>() + (px - view["width"].get<double>() / 2) * s;
  const double y = view["centre_y"].get<double>() - (py - view["height"].get<double>() / 2) * s;
  return {x / R * 180 / kPi, std::atan(std::sinh(y / R)) * 180 / kPi};
}

// Map pixel of a lon/lat for a dumped view: forward spherical Web Mercator, independent of the
// application's own code.
inline std::pair<double, double> lonlat_pixel(const nlohmann::json& view, double lon, double lat) {
  constexpr double R = 6378137.0, kPi = 3.14159265358979323846;
  const double x = R * lon * kPi / 180, y = R * std::log(std::tan(kPi / 4 + lat * kPi / 360));
  const double s = view["m_per_px"].get<double>();
  return {(x - view["centre_x"].get<double>()) / s + view["width"].get<double>() / 2,
          view["height"].get<double>() / 2 - (y - view["centre_y"].get<double>()) / s};
}

}  // namespace secmap::test
